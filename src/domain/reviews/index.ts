/** Reviews and panels (issue 7): opened from a notification's decision or directly, run by the business unit. */
export { REVIEW_READER_ROLES, seesAllReviews } from './access';
export { createReview, type NewReviewInput } from './create-review';
export { todayOf, type ReviewDeps, type ReviewReminderSync } from './deps';
export { addInfoReport, markInfoReportReceived, type NewInfoReportInput } from './info-reports';
export { suggestReviewMeetingTimes, type ReviewSuggestionInput } from './meeting-suggestions';
export {
  cancelReviewMeeting,
  scheduleReviewMeeting,
  updateReviewMeeting,
  type MeetingChangeInput,
  type NewMeetingInput,
} from './meetings';
export { COMPLETION_CLOCKS, MILESTONE_PLAN, planMilestones, type ReviewPlan } from './milestone-plan';
export { changeMilestone, type MilestoneChangeInput } from './milestones';
export { applyDecisionToReview, reviewDecisionHook } from './open-review';
export { addPanelMember, removePanelMember, type NewPanelMemberInput, type ReviewChangeResult } from './panel';
export { getReview, listMyReviews, listReviews, loadReview } from './read-reviews';
export { createReviewActionPlan, type ReviewPlanInput } from './review-action-plan';
export { reviewReminderPlan, type ReviewReminderPlan } from './review-reminders';
export {
  isReviewType,
  MEETING_KIND_LABELS,
  MILESTONE_CODES,
  MILESTONE_LABELS,
  REVIEW_STATUS_LABELS,
  REVIEW_STATUSES,
  REVIEW_TYPE_LABELS,
  REVIEW_TYPES,
  reviewReference,
  reviewTypeForRoute,
  typeOption,
} from './review-types';
export { countByStatus, type ReviewRecord } from './review-view';
export { updateReview, type ReviewChangeInput } from './update-review';
export { reviewsLink } from './review-link';
export { syncReviewReminders, type ReviewReminderSettings } from './sync-reminders';
