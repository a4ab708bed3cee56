/** Which review rules apply: the seed's 2015 SCR model, or the current rapid-review model. */
export type ReviewModel = '2015' | 'current';

/** A review route the app can recommend for a notified case. */
export type RouteCode =
  | 'SCR'
  | 'CASE_REVIEW_1'
  | 'CASE_REVIEW_2'
  | 'LEARNING_LESSONS_REVIEW'
  | 'THEMATIC_ENQUIRY'
  | 'INDIVIDUAL_AGENCY_REPORT'
  | 'DHR'
  | 'CDOP'
  | 'NO_REVIEW'
  | 'RAPID_REVIEW';

/** A statutory or local deadline attached to a case. */
export type ClockCode =
  | 'NOTIFY_OFSTED'
  | 'NOTIFY_NATIONAL_PANEL'
  | 'RAPID_REVIEW'
  | 'SCR_DECISION'
  | 'DHR_DECISION'
  | 'SCR_COMPLETE'
  | 'PRACTICE_REVIEW_COMPLETE'
  | 'DHR_COMPLETE';

/** The notifier's answers (cards, `POST /api/notifications`, `/recommend`); dates are `YYYY-MM-DD`. */
export type NotificationAnswersDto = {
  incidentDate: string;
  /** when the board became aware; defaults to today */
  awareDate?: string;
  /** age of the child (or, for a domestic-abuse death, the person who died) at the incident */
  subjectAgeYears: number;
  abuseOrNeglect: boolean;
  died: boolean;
  /** ignored when `died` */
  seriousHarm: boolean;
  concernsAboutWorkingTogether: boolean;
  diedInCustody?: boolean;
  domesticAbuseDeath?: boolean;
  childrenInHousehold?: boolean;
  lookedAfter?: boolean;
  learningPotential: boolean;
  /** agency codes from the app's agency list */
  agencies: string[];
  reviewPeriodMonths?: number;
  clearThemes?: boolean;
  smallGroupOfKeyWorkers?: boolean;
  /** what happened, without names */
  summary: string;
};

/** A deadline with the rule that produced it. */
export type ClockDto = {
  code: ClockCode;
  /** plain-words name of the deadline */
  label: string;
  /** `YYYY-MM-DD` */
  due: string;
  /** how the date was worked out, e.g. "5 working days from 2026-03-02" */
  basis: string;
  /** `YYYY-MM-DD` the clock runs from */
  startsFrom: string;
  /** set when the date may be off, e.g. it runs past the bank-holiday data */
  warning?: string;
};

/** The app's recommended route for a case; the business unit decides. */
export type RecommendationDto = {
  model: ReviewModel;
  primary: RouteCode;
  parallel: RouteCode[];
  /** one plain-words reason per rule that fired, in order */
  reasons: string[];
  /** for a DHR: whether the board takes part (children lived in the household) */
  boardInvolvement?: boolean;
  clocks: ClockDto[];
};

/** Where a notification is in the business unit's pipeline. */
export type NotificationStatus = 'new' | 'awaiting_information' | 'decided';

/** What the business unit did: accept the recommended route, choose another, or ask for more. */
export type DecisionAction = 'accept' | 'change' | 'request_information';

/** A route code with its name. */
export type RouteOptionDto = { code: RouteCode; label: string };

/** A clock as a notification shows it today. */
export type ClockStatusDto = ClockDto & {
  /** working days from today to the due date; negative when overdue */
  workingDaysLeft: number;
  /** past its due date and not met */
  overdue: boolean;
  /** the thing it times has happened (e.g. the decision was made) */
  met: boolean;
};

/** The business unit's latest decision on a notification. */
export type NotificationDecisionDto = {
  action: DecisionAction;
  /** the route decided on; null while asking for more information */
  route: RouteOptionDto | null;
  /** why the route was changed, or what information is needed */
  reason: string | null;
  decidedBy: { id: string; name: string };
  /** ISO date-time */
  decidedAt: string;
};

/** A notification in a list (no free-text answers). */
export type NotificationSummaryDto = {
  reference: string;
  status: NotificationStatus;
  model: ReviewModel;
  /** ISO date-time */
  createdAt: string;
  notifier: { id: string; name: string; agency: { code: string; name: string } | null };
  /** agency codes involved */
  agencies: string[];
  recommendation: RecommendationDto;
  recommendedRoute: RouteOptionDto;
  parallelRoutes: RouteOptionDto[];
  /** the recommendation's clocks, then any started by the decision, each with days left */
  clocks: ClockStatusDto[];
  /** the earliest due date among clocks not yet met, or null */
  nextDue: string | null;
  overdue: boolean;
  decision: NotificationDecisionDto | null;
  /** send back as `expectedVersion` with a decision so a stale screen cannot overwrite another */
  version: number;
};

/** One notification with the notifier's answers (`GET /api/notifications/{reference}`, `POST`). */
export type NotificationDto = NotificationSummaryDto & { answers: NotificationAnswersDto };

/** `GET /api/notifications`. */
export type NotificationListDto = {
  items: NotificationSummaryDto[];
  counts: Record<NotificationStatus, number>;
  /** routes the business unit may choose under the current model */
  routeOptions: RouteOptionDto[];
};

/** `POST /api/notifications/{reference}/decision`. */
export type DecisionRequestDto =
  | { action: 'accept'; expectedVersion?: number }
  | { action: 'change'; route: RouteCode; reason: string; expectedVersion?: number }
  | { action: 'request_information'; message: string; expectedVersion?: number };
