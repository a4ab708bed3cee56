import type { RouteCode } from '../../contracts/notification';
import type {
  CodeLabelDto,
  MilestoneCode,
  ReviewMeetingKind,
  ReviewStatus,
  ReviewType,
} from '../../contracts/reviews';
import { ROUTE_LABELS } from '../routing';

/** Every review type, in the order the routing rules consider the routes. */
export const REVIEW_TYPES: readonly ReviewType[] = [
  'SCR',
  'RAPID_REVIEW',
  'DHR',
  'INDIVIDUAL_AGENCY_REPORT',
  'THEMATIC_ENQUIRY',
  'CASE_REVIEW_1',
  'CASE_REVIEW_2',
  'LEARNING_LESSONS_REVIEW',
];

/** The name of each review type; the board takes part in a DHR the Community Safety Partnership runs. */
export const REVIEW_TYPE_LABELS: Readonly<Record<ReviewType, string>> = {
  SCR: ROUTE_LABELS.SCR,
  RAPID_REVIEW: 'Rapid review and practice review',
  DHR: 'DHR involvement',
  INDIVIDUAL_AGENCY_REPORT: ROUTE_LABELS.INDIVIDUAL_AGENCY_REPORT,
  THEMATIC_ENQUIRY: ROUTE_LABELS.THEMATIC_ENQUIRY,
  CASE_REVIEW_1: ROUTE_LABELS.CASE_REVIEW_1,
  CASE_REVIEW_2: ROUTE_LABELS.CASE_REVIEW_2,
  LEARNING_LESSONS_REVIEW: ROUTE_LABELS.LEARNING_LESSONS_REVIEW,
};

/** Statuses in the order a review passes through them. */
export const REVIEW_STATUSES: readonly ReviewStatus[] = [
  'scoping',
  'in_progress',
  'draft_report',
  'board_sign_off',
  'published',
  'closed',
];

/** The name of each status. */
export const REVIEW_STATUS_LABELS: Readonly<Record<ReviewStatus, string>> = {
  scoping: 'Scoping',
  in_progress: 'In progress',
  draft_report: 'Draft report',
  board_sign_off: 'Board sign-off',
  published: 'Published',
  closed: 'Closed',
};

/** Statuses in which a review no longer changes (its meetings and panel are fixed). */
export const FINISHED_STATUSES: readonly ReviewStatus[] = ['published', 'closed'];

/** Every milestone code, in the order a review normally reaches them. */
export const MILESTONE_CODES: readonly MilestoneCode[] = [
  'scoping',
  'info_reports_in',
  'panel_meeting',
  'practitioner_event',
  'family_involvement',
  'draft_report',
  'board_sign_off',
  'publication',
];

/** The name of each milestone. */
export const MILESTONE_LABELS: Readonly<Record<MilestoneCode, string>> = {
  scoping: 'Scoping and terms of reference',
  info_reports_in: 'Information reports in',
  panel_meeting: 'Panel meeting',
  practitioner_event: 'Practitioner event',
  family_involvement: 'Family involvement',
  draft_report: 'Draft report',
  board_sign_off: 'Board sign-off',
  publication: 'Publication',
};

/** The name of each meeting kind. */
export const MEETING_KIND_LABELS: Readonly<Record<ReviewMeetingKind, string>> = {
  panel: 'Panel meeting',
  practitioner_event: 'Practitioner event',
};

/** @returns whether a string is a review type */
export function isReviewType(value: string): value is ReviewType {
  return (REVIEW_TYPES as readonly string[]).includes(value);
}

/**
 * @param route the route the business unit decided on
 * @returns the review type it opens, or null (CDOP and NO_REVIEW open no review)
 */
export function reviewTypeForRoute(route: RouteCode | null): ReviewType | null {
  return route && isReviewType(route) ? route : null;
}

/** @returns a review type with its name */
export function typeOption(code: ReviewType): CodeLabelDto<ReviewType> {
  return { code, label: REVIEW_TYPE_LABELS[code] };
}

/** @returns a review's reference, e.g. `R-0007` */
export function reviewReference(id: number): string {
  return `R-${String(id).padStart(4, '0')}`;
}
