/** Case routing: the answers schema, the recommendation rules, labels and clocks (DOMAIN.md §3). */
export {
  makeAnswersSchema,
  MAX_AGENCIES,
  MAX_SUMMARY_CHARS,
  NotificationAnswersSchema,
  parseNotificationAnswers,
  type NotificationAnswers,
} from './answers';
export {
  caseClocks,
  decisionClocks,
  DEFAULT_TIMESCALES,
  describeTimescale,
  notifiableGrounds,
  notificationClockCode,
  startClock,
  type CaseClockProps,
  type Timescale,
  type Timescales,
  type TimescaleUnit,
} from './clocks';
export { CLOCK_LABELS, ROUTE_CODES, ROUTE_LABELS, ROUTE_NEXT_STEPS } from './labels';
export { REASONS } from './reasons';
export { recommend, type RecommendOptions } from './recommend';
export { DEFAULT_LONG_REVIEW_PERIOD_MONTHS, routeCase, type RouteDecision } from './rules';
