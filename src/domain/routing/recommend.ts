import type {
  NotificationAnswersDto,
  RecommendationDto,
  ReviewModel,
} from '../../contracts/notification';
import type { HolidayCalendar } from '../calendar/working-days';
import {
  caseClocks,
  DEFAULT_TIMESCALES,
  describeTimescale,
  notifiableGrounds,
  notificationClockCode,
  type Timescales,
} from './clocks';
import { notifiableReason } from './reasons';
import { DEFAULT_LONG_REVIEW_PERIOD_MONTHS, routeCase } from './rules';

/** Settings for {@link recommend}; all come from configuration except `today`. */
export type RecommendOptions = {
  model: ReviewModel;
  /** review periods longer than this many months count as long; default 12 */
  longReviewPeriodMonths?: number;
  /** `YYYY-MM-DD` in the board's time zone; the default for `awareDate` */
  today: string;
  holidays: HolidayCalendar;
  /** overrides for clock lengths; unset clocks keep DOMAIN.md's defaults */
  timescales?: Partial<Timescales>;
};

const NOTIFY_RECIPIENTS: Record<ReviewModel, string> = {
  '2015': 'Ofsted and the board',
  current: 'the Child Safeguarding Practice Review Panel and the local safeguarding partners',
};

/**
 * Recommends how to review a notified case (DOMAIN.md §3); the business unit decides.
 * @param answers validated answers (see `makeAnswersSchema`)
 * @param options the review model, long-period threshold, today's date and bank holidays
 * @returns the primary and parallel routes, a reason for every rule that fired, and the clocks
 *   that run from the date the board became aware
 */
export function recommend(
  answers: NotificationAnswersDto,
  options: RecommendOptions
): RecommendationDto {
  const { model, today, holidays } = options;
  const threshold = options.longReviewPeriodMonths ?? DEFAULT_LONG_REVIEW_PERIOD_MONTHS;
  const timescales: Timescales = { ...DEFAULT_TIMESCALES, ...options.timescales };
  const route = routeCase(answers, model, threshold);
  const grounds = notifiableGrounds(answers);
  const reasons = [...route.reasons];
  if (grounds.length > 0) {
    const deadline = describeTimescale(timescales[notificationClockCode(model)]);
    reasons.push(notifiableReason(grounds, NOTIFY_RECIPIENTS[model], deadline));
  }
  const clocks = caseClocks({
    notifiable: grounds.length > 0,
    model,
    primary: route.primary,
    awareDate: answers.awareDate ?? today,
    holidays,
    timescales,
  });
  const recommendation: RecommendationDto = {
    model,
    primary: route.primary,
    parallel: route.parallel,
    reasons,
    clocks,
  };
  if (route.boardInvolvement !== undefined) {
    recommendation.boardInvolvement = route.boardInvolvement;
  }
  return recommendation;
}
