import type { ClockCode, ClockDto } from '../../contracts/notification';
import type { MilestoneCode, ReviewType } from '../../contracts/reviews';
import { addCalendarMonths } from '../calendar/working-days';
import { addDays } from '../calendar/iso-date';
import type { HolidayCalendar } from '../calendar/working-days';
import { startClock } from '../routing';
import { MILESTONE_CODES } from './review-types';

/**
 * The statutory clock each review type runs against: SCR and DHR have their own completion clocks
 * (DOMAIN.md §3–4, 6 months from the decision); a practice review after a rapid review has the
 * practice-review clock. The non-statutory models have none of their own, so the board's plan
 * borrows the practice-review timescale as the target for finishing them.
 */
export const COMPLETION_CLOCKS: Readonly<Record<ReviewType, ClockCode>> = {
  SCR: 'SCR_COMPLETE',
  RAPID_REVIEW: 'PRACTICE_REVIEW_COMPLETE',
  DHR: 'DHR_COMPLETE',
  INDIVIDUAL_AGENCY_REPORT: 'PRACTICE_REVIEW_COMPLETE',
  THEMATIC_ENQUIRY: 'PRACTICE_REVIEW_COMPLETE',
  CASE_REVIEW_1: 'PRACTICE_REVIEW_COMPLETE',
  CASE_REVIEW_2: 'PRACTICE_REVIEW_COMPLETE',
  LEARNING_LESSONS_REVIEW: 'PRACTICE_REVIEW_COMPLETE',
};

/** Where a milestone's target date is counted from, and how far. */
type Offset = { from: 'start' | 'completion'; weeks?: number; months?: number };

const ALL: readonly ReviewType[] = [
  'SCR', 'RAPID_REVIEW', 'DHR', 'INDIVIDUAL_AGENCY_REPORT', 'THEMATIC_ENQUIRY', 'CASE_REVIEW_1', 'CASE_REVIEW_2', 'LEARNING_LESSONS_REVIEW',
];
/** Models with agency information reports (a Learning Lessons Review and a Thematic Enquiry have none beforehand). */
const WITH_REPORTS: readonly ReviewType[] = ['SCR', 'RAPID_REVIEW', 'DHR', 'INDIVIDUAL_AGENCY_REPORT', 'CASE_REVIEW_1', 'CASE_REVIEW_2'];
/** Models run by a multi-agency panel. */
const WITH_PANEL: readonly ReviewType[] = ['SCR', 'RAPID_REVIEW', 'DHR', 'CASE_REVIEW_1', 'CASE_REVIEW_2'];
/** Models that meet practitioners (interviews, a focus group or a one-day learning event). */
const WITH_PRACTITIONERS: readonly ReviewType[] = ['SCR', 'RAPID_REVIEW', 'CASE_REVIEW_1', 'CASE_REVIEW_2', 'LEARNING_LESSONS_REVIEW', 'THEMATIC_ENQUIRY'];
/** Models that involve the family. */
const WITH_FAMILY: readonly ReviewType[] = ['SCR', 'RAPID_REVIEW', 'DHR', 'CASE_REVIEW_1'];

/**
 * The milestone plan, one row per milestone: which review types have it and where its target date
 * falls. Dates count forward from the start (the decision) or back from the completion clock's due
 * date; one that lands on a weekend or bank holiday moves to the working day before, so no target
 * falls after the clock. Fixed here, not configuration: the business unit edits a review's dates
 * with a reason instead.
 *
 * | milestone          | types                               | target                      |
 * |--------------------|-------------------------------------|-----------------------------|
 * | scoping            | all                                 | start + 2 weeks             |
 * | info_reports_in    | models with information reports     | start + 6 weeks             |
 * | panel_meeting      | panel models                        | start + 8 weeks             |
 * | practitioner_event | models meeting practitioners        | start + 10 weeks            |
 * | family_involvement | SCR, practice review, DHR, CR1      | start + 12 weeks            |
 * | draft_report       | all                                 | start + 4 calendar months   |
 * | board_sign_off     | all                                 | completion due − 2 weeks    |
 * | publication        | all but an individual agency report | completion due              |
 */
export const MILESTONE_PLAN: Readonly<Record<MilestoneCode, { types: readonly ReviewType[]; offset: Offset }>> = {
  scoping: { types: ALL, offset: { from: 'start', weeks: 2 } },
  info_reports_in: { types: WITH_REPORTS, offset: { from: 'start', weeks: 6 } },
  panel_meeting: { types: WITH_PANEL, offset: { from: 'start', weeks: 8 } },
  practitioner_event: { types: WITH_PRACTITIONERS, offset: { from: 'start', weeks: 10 } },
  family_involvement: { types: WITH_FAMILY, offset: { from: 'start', weeks: 12 } },
  draft_report: { types: ALL, offset: { from: 'start', months: 4 } },
  board_sign_off: { types: ALL, offset: { from: 'completion', weeks: -2 } },
  publication: { types: ALL.filter((t) => t !== 'INDIVIDUAL_AGENCY_REPORT'), offset: { from: 'completion' } },
};

/** A milestone as planned. */
export type PlannedMilestone = { code: MilestoneCode; targetDate: string; computedFrom: ClockCode };

/** A review's plan: its completion clock and milestones in order. */
export type ReviewPlan = { clock: ClockDto; milestones: PlannedMilestone[] };

/** @returns the date itself when it is a working day, else the working day before it */
export function onOrBeforeWorkingDay(date: string, holidays: HolidayCalendar): string {
  let day = date;
  for (let i = 0; i < 30 && !holidays.isWorkingDay(day); i++) {
    day = addDays(day, -1);
  }
  return day;
}

function shift(date: string, offset: Offset): string {
  const weeks = addDays(date, (offset.weeks ?? 0) * 7);
  return offset.months ? addCalendarMonths(weeks, offset.months) : weeks;
}

/**
 * Works out a review's completion clock and milestone target dates (see {@link MILESTONE_PLAN}).
 * @param type the review type
 * @param startsOn `YYYY-MM-DD` of the decision (the clocks run from it; it does not count)
 * @param holidays bank holidays
 * @returns the clock and the type's milestones, in plan order
 */
export function planMilestones(type: ReviewType, startsOn: string, holidays: HolidayCalendar): ReviewPlan {
  const clock = startClock(COMPLETION_CLOCKS[type], startsOn, holidays);
  const milestones = MILESTONE_CODES.filter((code) => MILESTONE_PLAN[code].types.includes(type)).map((code) => {
    const { offset } = MILESTONE_PLAN[code];
    const raw = shift(offset.from === 'start' ? startsOn : clock.due, offset);
    const capped = raw > clock.due ? clock.due : raw;
    return { code, targetDate: onOrBeforeWorkingDay(capped, holidays), computedFrom: clock.code };
  });
  return { clock, milestones };
}
