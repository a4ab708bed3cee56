import type {
  ClockCode,
  ClockDto,
  NotificationAnswersDto,
  ReviewModel,
  RouteCode,
} from '../../contracts/notification';
import { addCalendarMonths, addWorkingDays, type HolidayCalendar } from '../calendar/working-days';
import { CLOCK_LABELS } from './labels';

/** How a clock's length is counted. */
export type TimescaleUnit = 'working_days' | 'calendar_months';

/** One clock's length, e.g. 5 working days. */
export type Timescale = { amount: number; unit: TimescaleUnit };

/** The length of every clock; configuration may override any of them. */
export type Timescales = Record<ClockCode, Timescale>;

/** DOMAIN.md §3–4 defaults; the DHR figures are unverified and belong in configuration. */
export const DEFAULT_TIMESCALES: Readonly<Timescales> = {
  NOTIFY_OFSTED: { amount: 5, unit: 'working_days' },
  NOTIFY_NATIONAL_PANEL: { amount: 5, unit: 'working_days' },
  RAPID_REVIEW: { amount: 15, unit: 'working_days' },
  SCR_DECISION: { amount: 1, unit: 'calendar_months' },
  DHR_DECISION: { amount: 1, unit: 'calendar_months' },
  SCR_COMPLETE: { amount: 6, unit: 'calendar_months' },
  PRACTICE_REVIEW_COMPLETE: { amount: 6, unit: 'calendar_months' },
  DHR_COMPLETE: { amount: 6, unit: 'calendar_months' },
};

const BEYOND_HOLIDAY_DATA =
  "The app's bank-holiday list does not reach this date, so only weekends were skipped; " +
  'check the date.';

/** @returns a clock length in words, e.g. "5 working days" or "1 calendar month" */
export function describeTimescale({ amount, unit }: Timescale): string {
  const noun = unit === 'working_days' ? 'working day' : 'calendar month';
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}

/**
 * Starts one clock.
 * @param code which clock
 * @param startsFrom `YYYY-MM-DD` the clock runs from (that day itself does not count)
 * @param holidays bank holidays to skip for working-day clocks
 * @param timescales clock lengths
 * @returns the clock, with a warning when its dates run past the bank-holiday data
 */
export function startClock(
  code: ClockCode,
  startsFrom: string,
  holidays: HolidayCalendar,
  timescales: Readonly<Timescales> = DEFAULT_TIMESCALES
): ClockDto {
  const timescale = timescales[code];
  const basis = `${describeTimescale(timescale)} from ${startsFrom}`;
  if (timescale.unit === 'calendar_months') {
    const due = addCalendarMonths(startsFrom, timescale.amount);
    return { code, label: CLOCK_LABELS[code], due, basis, startsFrom };
  }
  const due = addWorkingDays(startsFrom, timescale.amount, holidays);
  const clock: ClockDto = { code, label: CLOCK_LABELS[code], due, basis, startsFrom };
  if (!holidays.covers(startsFrom) || !holidays.covers(due)) {
    clock.warning = BEYOND_HOLIDAY_DATA;
  }
  return clock;
}

/**
 * Lists why a case is notifiable (DOMAIN.md "Clocks"), in plain words; empty when it is not.
 * @param answers the notifier's answers
 * @returns one phrase per ground that applies
 */
export function notifiableGrounds(answers: NotificationAnswersDto): string[] {
  if (answers.subjectAgeYears >= 18) {
    return [];
  }
  const grounds: string[] = [];
  if (answers.abuseOrNeglect && answers.died) {
    grounds.push('a child died and abuse or neglect is known or suspected');
  } else if (answers.abuseOrNeglect && answers.seriousHarm) {
    grounds.push('a child was seriously harmed and abuse or neglect is known or suspected');
  }
  if (answers.diedInCustody) {
    grounds.push('a child died in custody or while detained');
  }
  if (answers.lookedAfter && answers.died) {
    grounds.push('a looked-after child died, which is notifiable whatever the cause');
  }
  return grounds;
}

/** @returns the notification clock's code under a review model */
export function notificationClockCode(model: ReviewModel): ClockCode {
  return model === '2015' ? 'NOTIFY_OFSTED' : 'NOTIFY_NATIONAL_PANEL';
}

/** What the case clocks depend on. */
export type CaseClockProps = {
  notifiable: boolean;
  model: ReviewModel;
  primary: RouteCode;
  /** `YYYY-MM-DD` the board became aware; clocks run from it */
  awareDate: string;
  holidays: HolidayCalendar;
  timescales?: Readonly<Timescales>;
};

/**
 * Starts the clocks that run from the date the board became aware of a case.
 * @param props what the clocks depend on
 * @returns the notification clock first (when notifiable), then the route's own clock
 */
export function caseClocks(props: CaseClockProps): ClockDto[] {
  const { model, primary, awareDate, holidays, timescales = DEFAULT_TIMESCALES } = props;
  const codes: ClockCode[] = [];
  if (props.notifiable) {
    codes.push(notificationClockCode(model));
  }
  if (model === 'current' && primary === 'RAPID_REVIEW') {
    codes.push('RAPID_REVIEW');
  }
  if (model === '2015' && primary === 'SCR') {
    codes.push('SCR_DECISION');
  }
  if (primary === 'DHR') {
    codes.push('DHR_DECISION');
  }
  return codes.map((code) => startClock(code, awareDate, holidays, timescales));
}

const COMPLETION_CLOCKS: Partial<Record<RouteCode, ClockCode>> = {
  SCR: 'SCR_COMPLETE',
  RAPID_REVIEW: 'PRACTICE_REVIEW_COMPLETE',
  DHR: 'DHR_COMPLETE',
};

/**
 * Starts the clocks that run from a review decision the business unit records.
 * @param route `SCR` (decision to hold one), `RAPID_REVIEW` (the partners' decision that a local
 *   child safeguarding practice review follows) or `DHR` (decision to hold one); other routes have
 *   no statutory completion clock
 * @param decidedOn `YYYY-MM-DD` of the decision
 * @param holidays bank holidays, for any clock configured in working days
 * @param timescales clock lengths
 * @returns the completion clock, or an empty list
 */
export function decisionClocks(
  route: RouteCode,
  decidedOn: string,
  holidays: HolidayCalendar,
  timescales: Readonly<Timescales> = DEFAULT_TIMESCALES
): ClockDto[] {
  const code = COMPLETION_CLOCKS[route];
  return code ? [startClock(code, decidedOn, holidays, timescales)] : [];
}
