import type { ClockCode, ReviewModel } from './notification';

/** A review's type: the reviewable route it was opened for (CDOP and NO_REVIEW open none). */
export type ReviewType =
  | 'SCR'
  | 'RAPID_REVIEW'
  | 'CASE_REVIEW_1'
  | 'CASE_REVIEW_2'
  | 'LEARNING_LESSONS_REVIEW'
  | 'THEMATIC_ENQUIRY'
  | 'INDIVIDUAL_AGENCY_REPORT'
  | 'DHR';

/** Where a review is. */
export type ReviewStatus = 'scoping' | 'in_progress' | 'draft_report' | 'board_sign_off' | 'published' | 'closed';

/** A step of a review with a target date. */
export type MilestoneCode =
  | 'scoping'
  | 'info_reports_in'
  | 'panel_meeting'
  | 'practitioner_event'
  | 'family_involvement'
  | 'draft_report'
  | 'board_sign_off'
  | 'publication';

/** What a review meeting is. */
export type ReviewMeetingKind = 'panel' | 'practitioner_event';

/**
 * How a meeting's invitation is getting on, from the calendar outbox: `pending` (waiting to reach
 * Outlook), `sent`, `failed` (see the outbox admin view), `cancelled` (the cancellation was sent).
 */
export type InvitationState = 'pending' | 'sent' | 'failed' | 'cancelled';

/** A code with its plain-words name. */
export type CodeLabelDto<C extends string> = { code: C; label: string };

/** An agency as a review shows it. */
export type ReviewAgencyDto = { code: string; name: string };

/** The review's lead reviewer or author. */
export type LeadReviewerDto = {
  /** Entra object id when the lead is a known person, else null */
  aadObjectId: string | null;
  name: string;
  agency: ReviewAgencyDto | null;
  /** the business unit's statement that the lead is independent of the case */
  independent: boolean;
};

/** A milestone with its target date. */
export type ReviewMilestoneDto = {
  code: MilestoneCode;
  label: string;
  /** `YYYY-MM-DD` */
  targetDate: string;
  /** the clock the date was worked out from; null once edited by hand */
  computedFrom: ClockCode | null;
  /** why the date was last changed by hand */
  editedReason: string | null;
  /** ISO date-time, or null while open */
  doneAt: string | null;
  overdue: boolean;
  /** calendar days from today to the target date (negative when past) */
  daysLeft: number;
};

/** One change of a milestone, from the audit log. */
export type MilestoneChangeDto = {
  code: MilestoneCode;
  /** ISO date-time */
  at: string;
  by: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  done: boolean | null;
};

/** A panel member. */
export type PanelMemberDto = {
  id: number;
  aadObjectId: string;
  name: string;
  agency: ReviewAgencyDto | null;
  /** e.g. chair, health representative */
  panelRole: string;
  /** where invitations go; null when neither the panel entry nor the profile has one */
  email: string | null;
};

/** An agency asked for an information report. */
export type InfoReportDto = {
  id: number;
  agency: ReviewAgencyDto;
  contact: { aadObjectId: string; name: string } | null;
  /** `YYYY-MM-DD` */
  dueDate: string;
  /** ISO date-time, or null while awaited */
  receivedAt: string | null;
  overdue: boolean;
};

/** A panel meeting or practitioner event, with its invitation's state. */
export type ReviewMeetingDto = {
  id: number;
  kind: ReviewMeetingKind;
  title: string;
  /** ISO instant */
  startsAt: string;
  /** local date and time in the board's zone, e.g. `2026-12-01 10:00` */
  startsAtLocal: string;
  durationMinutes: number;
  location: string | null;
  status: 'scheduled' | 'cancelled';
  invitation: {
    calendarEventId: number | null;
    state: InvitationState;
    /** Graph created the event with its Teams meeting link */
    teamsLink: boolean;
    joinUrl: string | null;
    attendees: number;
  };
};

/** A review in the list. */
export type ReviewSummaryDto = {
  id: number;
  /** e.g. `R-0007` */
  reference: string;
  type: CodeLabelDto<ReviewType>;
  model: ReviewModel;
  title: string;
  status: ReviewStatus;
  notificationReference: string | null;
  leadReviewer: LeadReviewerDto | null;
  /** the completion clock the milestones are spread back from */
  completion: { code: ClockCode; label: string; due: string };
  /** the earliest milestone not done */
  nextMilestone: ReviewMilestoneDto | null;
  nextMeeting: ReviewMeetingDto | null;
  /** a milestone, information report or the completion date has passed */
  overdue: boolean;
  panelSize: number;
  /** things the business unit should look at (lead reviewer not independent, one-agency panel, …) */
  warnings: string[];
  createdAt: string;
  /** send back with `PATCH` so a stale screen cannot overwrite another */
  version: number;
};

/** `GET /api/reviews/{id}`. */
export type ReviewDto = ReviewSummaryDto & {
  /** `YYYY-MM-DD` the review's clocks run from (the decision, or the direct creation) */
  startsOn: string;
  /** agency codes involved in the case (the lead reviewer should be independent of them) */
  involvedAgencies: string[];
  panel: PanelMemberDto[];
  infoReports: InfoReportDto[];
  milestones: ReviewMilestoneDto[];
  milestoneHistory: MilestoneChangeDto[];
  meetings: ReviewMeetingDto[];
  actionPlanId: number | null;
};

/** `GET /api/reviews`. */
export type ReviewListDto = {
  items: ReviewSummaryDto[];
  counts: Record<ReviewStatus, number>;
  types: CodeLabelDto<ReviewType>[];
  statuses: CodeLabelDto<ReviewStatus>[];
};

/** `POST /api/reviews`: a review created directly (not from a notification). */
export type NewReviewDto = {
  type: ReviewType;
  title: string;
  /** agency codes involved in the case */
  agencies?: string[];
  /** `YYYY-MM-DD` the clocks run from (default today) */
  startsOn?: string;
};

/** The lead reviewer as `PATCH /api/reviews/{id}` takes it. */
export type LeadReviewerInputDto = {
  aadObjectId?: string;
  name?: string;
  /** agency code; for a known person their own agency is used when absent */
  agency?: string | null;
  independent: boolean;
};

/** `PATCH /api/reviews/{id}`. */
export type ReviewChangeDto = {
  version: number;
  status?: ReviewStatus;
  title?: string;
  leadReviewer?: LeadReviewerInputDto | null;
};

/** `POST /api/reviews/{id}/meetings`: a start instant, or a local date and time in the board's zone. */
export type NewReviewMeetingDto = {
  kind: ReviewMeetingKind;
  title?: string;
  startsAt?: string;
  date?: string;
  time?: string;
  durationMinutes: number;
  location?: string | null;
  agenda?: string | null;
  /** people to invite besides the panel (e.g. practitioners to a practitioner event) */
  attendees?: { email: string; name?: string }[];
};
