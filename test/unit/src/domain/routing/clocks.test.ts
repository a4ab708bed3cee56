import assert from 'node:assert/strict';

import type {
  ClockCode,
  ClockDto,
  NotificationAnswersDto,
  ReviewModel,
} from '../../../../../src/contracts/notification';
import {
  HolidayCalendar,
  loadEnglandBankHolidays,
} from '../../../../../src/domain/calendar/working-days';
import {
  decisionClocks,
  DEFAULT_TIMESCALES,
  notifiableGrounds,
} from '../../../../../src/domain/routing/clocks';
import { recommend, type RecommendOptions } from '../../../../../src/domain/routing/recommend';
import { buildAnswers } from './build-answers';

const holidays = loadEnglandBankHolidays();
const abuseDied = { abuseOrNeglect: true, died: true };
const abuseHarm = { abuseOrNeglect: true, seriousHarm: true };

/** Recommends and returns the clocks, keyed by code. */
function clocksFor(
  model: ReviewModel,
  answers: Partial<NotificationAnswersDto>,
  options: Partial<RecommendOptions> = {}
): Map<ClockCode, ClockDto> {
  const result = recommend(buildAnswers(answers), {
    model,
    today: '2026-03-10',
    holidays,
    ...options,
  });
  return new Map(result.clocks.map((c) => [c.code, c]));
}

/** @returns the due date of one clock, failing when the clock is missing */
function due(clocks: Map<ClockCode, ClockDto>, code: ClockCode): string {
  const clock = clocks.get(code);
  assert.ok(clock, `expected a ${code} clock, got ${[...clocks.keys()].join(', ') || 'none'}`);
  return clock.due;
}

describe('recommend clocks', () => {
  describe('model 2015', () => {
    it('should start NOTIFY_OFSTED (5 working days) and SCR_DECISION (1 month) when a child dies with abuse suspected', () => {
      const result = recommend(buildAnswers({ ...abuseDied, awareDate: '2026-03-02' }), {
        model: '2015',
        today: '2026-03-10',
        holidays,
      });
      assert.deepEqual(result.clocks, [
        {
          code: 'NOTIFY_OFSTED',
          label: 'Local authority notifies Ofsted and the board',
          due: '2026-03-09',
          basis: '5 working days from 2026-03-02',
          startsFrom: '2026-03-02',
        },
        {
          code: 'SCR_DECISION',
          label: 'Board chair decides whether to hold a Serious Case Review',
          due: '2026-04-02',
          basis: '1 calendar month from 2026-03-02',
          startsFrom: '2026-03-02',
        },
      ]);
    });

    const notifyCases: Array<[string, string, string]> = [
      ['across a weekend', '2026-03-05', '2026-03-12'],
      ['across Christmas Day, Boxing Day and New Year 2025', '2025-12-23', '2026-01-02'],
      ['across Good Friday and Easter Monday 2026', '2026-04-01', '2026-04-10'],
      ['across Good Friday and Easter Monday 2025', '2025-04-17', '2025-04-28'],
      ['across the substitute Boxing Day of 2026', '2026-12-24', '2027-01-05'],
      ['across the substitute New Year of 2028', '2027-12-23', '2028-01-04'],
      ['across the summer bank holiday', '2026-08-28', '2026-09-07'],
      ['from a Saturday', '2026-03-07', '2026-03-13'],
    ];
    for (const [when, awareDate, expected] of notifyCases) {
      it(`should put the Ofsted notification on ${expected} when aware on ${awareDate} (${when})`, () => {
        const clocks = clocksFor('2015', { ...abuseHarm, awareDate });
        assert.equal(due(clocks, 'NOTIFY_OFSTED'), expected);
      });
    }

    it('should clamp the SCR decision to 28 February when the board became aware on 31 January', () => {
      const dates = { incidentDate: '2026-01-30', awareDate: '2026-01-31' };
      const clocks = clocksFor('2015', { ...abuseDied, ...dates });
      assert.equal(due(clocks, 'SCR_DECISION'), '2026-02-28');
    });

    it('should clamp the SCR decision to 29 February in a leap year', () => {
      const dates = { incidentDate: '2028-01-30', awareDate: '2028-01-31' };
      const clocks = clocksFor('2015', { ...abuseDied, ...dates }, { today: '2028-02-01' });
      assert.equal(due(clocks, 'SCR_DECISION'), '2028-02-29');
    });

    it('should start the notification clock but no SCR decision when a harmed child has no working-together concern', () => {
      const clocks = clocksFor('2015', abuseHarm);
      assert.deepEqual([...clocks.keys()], ['NOTIFY_OFSTED']);
    });

    it('should start NOTIFY_OFSTED and SCR_DECISION when a child dies in custody without suspected abuse', () => {
      const clocks = clocksFor('2015', { died: true, diedInCustody: true });
      assert.deepEqual([...clocks.keys()], ['NOTIFY_OFSTED', 'SCR_DECISION']);
    });

    it('should make the death of a looked-after child notifiable whatever its cause', () => {
      const answers = buildAnswers({ died: true, lookedAfter: true });
      const result = recommend(answers, { model: '2015', today: '2026-03-10', holidays });
      assert.equal(result.primary, 'CDOP');
      assert.deepEqual(result.clocks.map((c) => c.code), ['NOTIFY_OFSTED']);
      assert.match(
        result.reasons.at(-1) ?? '',
        /looked-after child died.*Ofsted and the board within 5 working days/
      );
    });

    it('should start the SCR decision but no notification for a 16-year-old domestic-abuse death with no abuse-or-neglect answer', () => {
      const answers = { died: true, domesticAbuseDeath: true, subjectAgeYears: 16 };
      const clocks = clocksFor('2015', answers);
      assert.deepEqual([...clocks.keys()], ['SCR_DECISION']);
    });

    it('should run the clocks from today when awareDate is not given', () => {
      const answers = buildAnswers(abuseDied);
      delete answers.awareDate;
      const result = recommend(answers, { model: '2015', today: '2026-03-02', holidays });
      assert.deepEqual(result.clocks.map((c) => [c.startsFrom, c.due]), [
        ['2026-03-02', '2026-03-09'],
        ['2026-03-02', '2026-04-02'],
      ]);
    });

    it('should start no clocks when nothing is notifiable and no statutory review is recommended', () => {
      assert.equal(clocksFor('2015', { learningPotential: true, died: true }).size, 0);
      assert.equal(clocksFor('2015', { lookedAfter: true, seriousHarm: true }).size, 0);
    });

    it('should start no clocks for an 18-year-old who died with abuse suspected', () => {
      const answers = { ...abuseDied, lookedAfter: true, subjectAgeYears: 18 };
      assert.equal(clocksFor('2015', answers).size, 0);
    });

    it('should use a configured notification timescale', () => {
      const clocks = clocksFor('2015', { ...abuseHarm, awareDate: '2026-03-02' }, {
        timescales: { NOTIFY_OFSTED: { amount: 3, unit: 'working_days' } },
      });
      assert.equal(due(clocks, 'NOTIFY_OFSTED'), '2026-03-05');
      assert.equal(clocks.get('NOTIFY_OFSTED')?.basis, '3 working days from 2026-03-02');
    });
  });

  describe('model current', () => {
    it('should start NOTIFY_NATIONAL_PANEL (5 working days) and RAPID_REVIEW (15 working days) for a serious incident', () => {
      const clocks = clocksFor('current', { ...abuseHarm, awareDate: '2026-03-02' });
      assert.deepEqual([...clocks.keys()], ['NOTIFY_NATIONAL_PANEL', 'RAPID_REVIEW']);
      assert.equal(due(clocks, 'NOTIFY_NATIONAL_PANEL'), '2026-03-09');
      assert.equal(due(clocks, 'RAPID_REVIEW'), '2026-03-23');
      assert.equal(clocks.get('RAPID_REVIEW')?.basis, '15 working days from 2026-03-02');
    });

    it('should put the rapid review on 2026-01-08 when aware on 2025-12-15 (across Christmas and New Year)', () => {
      const dates = { incidentDate: '2025-12-14', awareDate: '2025-12-15' };
      const clocks = clocksFor('current', { ...abuseDied, ...dates });
      assert.equal(due(clocks, 'RAPID_REVIEW'), '2026-01-08');
      assert.equal(due(clocks, 'NOTIFY_NATIONAL_PANEL'), '2025-12-22');
    });

    it('should notify the national panel but start no rapid review when a looked-after child dies of natural causes', () => {
      const answers = buildAnswers({ died: true, lookedAfter: true });
      const result = recommend(answers, { model: 'current', today: '2026-03-10', holidays });
      assert.deepEqual(result.clocks.map((c) => c.code), ['NOTIFY_NATIONAL_PANEL']);
      assert.match(result.reasons.at(-1) ?? '', /Child Safeguarding Practice Review Panel/);
    });

    it('should never start an SCR decision clock', () => {
      const clocks = clocksFor('current', abuseDied);
      assert.ok(!clocks.has('SCR_DECISION'));
      assert.ok(!clocks.has('NOTIFY_OFSTED'));
    });
  });

  describe('DHR decision', () => {
    for (const model of ['2015', 'current'] as const) {
      it(`should start DHR_DECISION 1 month from awareness, clamped to month end, under model ${model}`, () => {
        const clocks = clocksFor(model, {
          died: true,
          domesticAbuseDeath: true,
          subjectAgeYears: 30,
          incidentDate: '2026-01-29',
          awareDate: '2026-01-31',
        });
        assert.deepEqual([...clocks.keys()], ['DHR_DECISION']);
        assert.equal(due(clocks, 'DHR_DECISION'), '2026-02-28');
      });
    }
  });

  describe('bank-holiday coverage', () => {
    it('should warn when a working-day clock runs past the bank-holiday data', () => {
      const dates = { incidentDate: '2029-12-20', awareDate: '2029-12-24' };
      const clocks = clocksFor('2015', { ...abuseHarm, ...dates }, { today: '2029-12-24' });
      const notify = clocks.get('NOTIFY_OFSTED');
      assert.equal(notify?.due, '2029-12-31');
      assert.match(notify?.warning ?? '', /bank-holiday/);
    });

    it('should not warn inside the data', () => {
      const clocks = clocksFor('2015', abuseHarm);
      assert.ok(!('warning' in (clocks.get('NOTIFY_OFSTED') ?? {})));
    });

    it('should warn when the calendar is empty', () => {
      const empty = new HolidayCalendar([]);
      const result = recommend(buildAnswers(abuseHarm), {
        model: '2015',
        today: '2026-03-10',
        holidays: empty,
      });
      assert.ok(result.clocks[0]?.warning);
    });
  });
});

describe('decisionClocks', () => {
  it('should start SCR_COMPLETE 6 calendar months after the decision', () => {
    assert.deepEqual(decisionClocks('SCR', '2026-01-31', holidays), [
      {
        code: 'SCR_COMPLETE',
        label: 'Serious Case Review completed',
        due: '2026-07-31',
        basis: '6 calendar months from 2026-01-31',
        startsFrom: '2026-01-31',
      },
    ]);
  });

  it('should clamp SCR_COMPLETE to 28 February when decided on 31 August', () => {
    assert.equal(decisionClocks('SCR', '2026-08-31', holidays)[0]?.due, '2027-02-28');
  });

  it('should start PRACTICE_REVIEW_COMPLETE 6 months after a rapid review decides on a practice review', () => {
    const [clock] = decisionClocks('RAPID_REVIEW', '2026-03-02', holidays);
    assert.equal(clock?.code, 'PRACTICE_REVIEW_COMPLETE');
    assert.equal(clock?.due, '2026-09-02');
  });

  it('should start DHR_COMPLETE 6 months after a DHR decision', () => {
    const [clock] = decisionClocks('DHR', '2026-03-31', holidays);
    assert.equal(clock?.code, 'DHR_COMPLETE');
    assert.equal(clock?.due, '2026-09-30');
  });

  it('should start no clock for non-statutory routes, CDOP or no review', () => {
    const routes = ['LEARNING_LESSONS_REVIEW', 'CASE_REVIEW_1', 'CDOP', 'NO_REVIEW'] as const;
    for (const route of routes) {
      assert.deepEqual(decisionClocks(route, '2026-03-02', holidays), [], route);
    }
  });

  it('should use a configured completion timescale in working days', () => {
    const timescales = {
      ...DEFAULT_TIMESCALES,
      DHR_COMPLETE: { amount: 10, unit: 'working_days' as const },
    };
    assert.equal(decisionClocks('DHR', '2026-03-02', holidays, timescales)[0]?.due, '2026-03-16');
  });
});

describe('notifiableGrounds', () => {
  it('should list each ground that applies and none for an adult', () => {
    const child = buildAnswers({ ...abuseDied, diedInCustody: true, lookedAfter: true });
    assert.equal(notifiableGrounds(child).length, 3);
    assert.deepEqual(notifiableGrounds({ ...child, subjectAgeYears: 18 }), []);
    assert.deepEqual(notifiableGrounds(buildAnswers({ seriousHarm: true })), []);
  });
});
