import assert from 'node:assert/strict';

import type { ReviewType } from '../../../../../src/contracts/reviews';
import { loadEnglandBankHolidays } from '../../../../../src/domain/calendar/working-days';
import { MILESTONE_PLAN, planMilestones } from '../../../../../src/domain/reviews/milestone-plan';

const holidays = loadEnglandBankHolidays();

/** @returns the plan's milestones as `code → date` */
function datesOf(type: ReviewType, startsOn: string): Record<string, string> {
  return Object.fromEntries(planMilestones(type, startsOn, holidays).milestones.map((m) => [m.code, m.targetDate]));
}

describe('planMilestones', () => {
  it('should spread an SCR from its completion clock, moving weekend targets to the Friday before, when it starts on 31 August', () => {
    const plan = planMilestones('SCR', '2026-08-31', holidays);
    assert.deepEqual([plan.clock.code, plan.clock.due], ['SCR_COMPLETE', '2027-02-28'], '6 months from 31 Aug ends on the last day of February');
    assert.deepEqual(datesOf('SCR', '2026-08-31'), {
      scoping: '2026-09-14',
      info_reports_in: '2026-10-12',
      panel_meeting: '2026-10-26',
      practitioner_event: '2026-11-09',
      family_involvement: '2026-11-23',
      draft_report: '2026-12-31',
      board_sign_off: '2027-02-12',
      publication: '2027-02-26',
    });
    assert.ok(plan.milestones.every((m) => m.computedFrom === 'SCR_COMPLETE'));
  });

  it('should clamp the draft report to the end of a shorter month when the review starts on the 31st', () => {
    const plan = planMilestones('CASE_REVIEW_2', '2026-10-31', holidays);
    assert.deepEqual([plan.clock.code, plan.clock.due], ['PRACTICE_REVIEW_COMPLETE', '2027-04-30']);
    const dates = datesOf('CASE_REVIEW_2', '2026-10-31');
    assert.equal(dates.draft_report, '2027-02-26', '31 Oct + 4 months is Sunday 28 Feb, so the Friday before');
    assert.equal(dates.publication, '2027-04-30');
    assert.equal(dates.family_involvement, undefined, 'a model 2 review has no family involvement milestone');
  });

  it('should move a target off a bank holiday when it lands on one', () => {
    const dates = datesOf('LEARNING_LESSONS_REVIEW', '2027-01-31');
    assert.equal(dates.draft_report, '2027-05-28', '31 May 2027 is the spring bank holiday');
    assert.equal(dates.publication, '2027-07-30', 'the clock is due on Saturday 31 July');
    assert.deepEqual(Object.keys(dates), ['scoping', 'practitioner_event', 'draft_report', 'board_sign_off', 'publication']);
  });

  it('should keep the leap day when the completion clock falls on 29 February', () => {
    const plan = planMilestones('SCR', '2027-08-31', holidays);
    assert.equal(plan.clock.due, '2028-02-29');
    assert.equal(datesOf('SCR', '2027-08-31').publication, '2028-02-29');
  });

  it('should run a DHR involvement against the DHR completion clock and avoid Christmas Day', () => {
    const plan = planMilestones('DHR', '2026-06-25', holidays);
    assert.deepEqual([plan.clock.code, plan.clock.due], ['DHR_COMPLETE', '2026-12-25']);
    assert.equal(datesOf('DHR', '2026-06-25').publication, '2026-12-24');
  });

  it('should never put a milestone after the completion clock, whatever the type and start', () => {
    const types = Object.values(MILESTONE_PLAN).flatMap((row) => row.types);
    for (const type of new Set(types)) {
      for (const start of ['2026-01-31', '2026-02-28', '2026-08-31', '2026-12-24']) {
        const plan = planMilestones(type, start, holidays);
        for (const m of plan.milestones) {
          assert.ok(m.targetDate <= plan.clock.due && m.targetDate > start, `${type} ${start} ${m.code} ${m.targetDate}`);
          assert.ok(holidays.isWorkingDay(m.targetDate), `${type} ${start} ${m.code} ${m.targetDate} is a working day`);
        }
      }
    }
  });

  it('should give an individual agency report no publication milestone', () => {
    assert.equal(datesOf('INDIVIDUAL_AGENCY_REPORT', '2026-03-02').publication, undefined);
  });
});
