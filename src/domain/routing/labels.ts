import type { ClockCode, RouteCode } from '../../contracts/notification';

/** Every route code, in the order the rules consider them. */
export const ROUTE_CODES: readonly RouteCode[] = [
  'SCR',
  'RAPID_REVIEW',
  'DHR',
  'INDIVIDUAL_AGENCY_REPORT',
  'THEMATIC_ENQUIRY',
  'CASE_REVIEW_1',
  'CASE_REVIEW_2',
  'LEARNING_LESSONS_REVIEW',
  'CDOP',
  'NO_REVIEW',
];

/** The name a practitioner knows each route by. */
export const ROUTE_LABELS: Readonly<Record<RouteCode, string>> = {
  SCR: 'Serious Case Review',
  RAPID_REVIEW: 'Rapid Review',
  DHR: 'Domestic Homicide Review',
  INDIVIDUAL_AGENCY_REPORT: 'Individual Agency Report',
  THEMATIC_ENQUIRY: 'Thematic Enquiry',
  CASE_REVIEW_1: 'Case Review Model 1',
  CASE_REVIEW_2: 'Case Review Model 2',
  LEARNING_LESSONS_REVIEW: 'Learning Lessons Review',
  CDOP: 'Child Death Overview Panel review',
  NO_REVIEW: 'No review',
};

/** One sentence per route saying what happens next. */
export const ROUTE_NEXT_STEPS: Readonly<Record<RouteCode, string>> = {
  SCR:
    "The board's chair decides whether to start a Serious Case Review, normally within a month; " +
    'reviewers independent of the case lead it.',
  RAPID_REVIEW:
    'The safeguarding partners gather the facts in a rapid review and decide whether a local ' +
    'child safeguarding practice review should follow.',
  DHR:
    'The Community Safety Partnership decides whether to hold a Domestic Homicide Review; ' +
    'the board takes part when children lived in the household.',
  INDIVIDUAL_AGENCY_REPORT:
    'The one agency involved writes a full report on its own involvement, with actions.',
  THEMATIC_ENQUIRY: 'The board runs a one-day learning event on the themes the case shows.',
  CASE_REVIEW_1:
    'Agencies write information reports; a panel and a commissioned overview author review the ' +
    'case, with practitioner interviews and family involvement.',
  CASE_REVIEW_2:
    'Agencies write information reports and the key workers meet in a practitioner focus group ' +
    'to draw out the learning.',
  LEARNING_LESSONS_REVIEW:
    'Practitioners meet for a one-day learning review; no reports are needed beforehand.',
  CDOP: "The Child Death Overview Panel reviews the child's death.",
  NO_REVIEW: 'No review is needed; the business unit records the decision and its reasons.',
};

/** The name of each deadline. */
export const CLOCK_LABELS: Readonly<Record<ClockCode, string>> = {
  NOTIFY_OFSTED: 'Local authority notifies Ofsted and the board',
  NOTIFY_NATIONAL_PANEL: 'Local authority notifies the Child Safeguarding Practice Review Panel',
  RAPID_REVIEW: 'Safeguarding partners complete the rapid review',
  SCR_DECISION: 'Board chair decides whether to hold a Serious Case Review',
  DHR_DECISION: 'Community Safety Partnership decides whether to hold a Domestic Homicide Review',
  SCR_COMPLETE: 'Serious Case Review completed',
  PRACTICE_REVIEW_COMPLETE: 'Local child safeguarding practice review completed',
  DHR_COMPLETE: 'Domestic Homicide Review completed',
};
