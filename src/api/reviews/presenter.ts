import type { MeetingSuggestionsDto } from '../../contracts/calendar';
import type { ReviewDto, ReviewListDto, ReviewStatus, ReviewSummaryDto } from '../../contracts/reviews';
import type { SuggestionResult } from '../../domain/calendar/suggest-meeting-times';
import {
  countByStatus,
  REVIEW_STATUS_LABELS,
  REVIEW_STATUSES,
  REVIEW_TYPES,
  typeOption,
  type ReviewRecord,
} from '../../domain/reviews';
import { presentSuggestions } from '../calendar/presenter';

/** @returns a review as a list shows it (no panel, reports, milestones or meetings) */
export function presentReviewSummary(r: ReviewRecord): ReviewSummaryDto {
  return {
    id: r.id,
    reference: r.reference,
    type: r.type,
    model: r.model,
    title: r.title,
    status: r.status,
    notificationReference: r.notificationReference,
    leadReviewer: r.leadReviewer,
    completion: r.completion,
    nextMilestone: r.nextMilestone,
    nextMeeting: r.nextMeeting,
    overdue: r.overdue,
    panelSize: r.panelSize,
    warnings: r.warnings,
    createdAt: r.createdAt,
    version: r.version,
  };
}

/**
 * @param r the review
 * @param warnings warnings about the change just made, added to the review's own
 * @returns the review with its parts
 */
export function presentReview(r: ReviewRecord, warnings: string[] = []): ReviewDto {
  return {
    ...presentReviewSummary(r),
    warnings: [...r.warnings, ...warnings],
    startsOn: r.startsOn,
    involvedAgencies: r.involvedAgencies,
    panel: r.panel,
    infoReports: r.infoReports,
    milestones: r.milestones,
    milestoneHistory: r.milestoneHistory,
    meetings: r.meetings,
    actionPlanId: r.actionPlanId,
  };
}

/** @returns `GET /api/reviews`: the reviews, counts by status (of those listed), types and statuses */
export function presentReviewList(items: ReviewRecord[]): ReviewListDto {
  return {
    items: items.map(presentReviewSummary),
    counts: countByStatus(items),
    types: REVIEW_TYPES.map(typeOption),
    statuses: REVIEW_STATUSES.map((code: ReviewStatus) => ({ code, label: REVIEW_STATUS_LABELS[code] })),
  };
}

/** @returns meeting-time suggestions as the calendar API shows them */
export function presentReviewSuggestions(r: SuggestionResult): MeetingSuggestionsDto {
  return presentSuggestions(r);
}
