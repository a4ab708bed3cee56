import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { AppError, ValidationError } from '../../../../../src/errors';
import {
  addCalendarMonths,
  addWorkingDays,
  HolidayCalendar,
  isIsoDate,
  loadEnglandBankHolidays,
  workingDaysBetween,
} from '../../../../../src/domain/calendar/working-days';

const england = loadEnglandBankHolidays();
const none = new HolidayCalendar([]);

describe('loadEnglandBankHolidays', () => {
  it('should load the shipped data, including substitute days', () => {
    assert.equal(england.isBankHoliday('2026-12-28'), true);
    assert.equal(england.holidayTitle('2026-12-28'), 'Boxing Day (substitute day)');
    assert.equal(england.isBankHoliday('2026-12-26'), false);
  });

  it('should cover whole years from the first to the last year in the data', () => {
    assert.deepEqual(england.coverage(), { from: '2024-01-01', to: '2028-12-31' });
    assert.equal(england.covers('2023-12-31'), false);
    assert.equal(england.covers('2024-01-01'), true);
    assert.equal(england.covers('2028-12-31'), true);
    assert.equal(england.covers('2029-01-01'), false);
  });

  describe('with a file of its own', () => {
    let dir = '';
    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'holidays-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('should read the file it is given', () => {
      const file = path.join(dir, 'ok.json');
      const events = [{ date: '2030-01-01', title: "New Year's Day" }];
      writeFileSync(file, JSON.stringify({ events }));
      const calendar = loadEnglandBankHolidays(file);
      assert.equal(calendar.isBankHoliday('2030-01-01'), true);
      assert.equal(calendar.covers('2030-06-01'), true);
    });

    it('should fail with bank_holidays_invalid when a date is malformed', () => {
      const file = path.join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify({ events: [{ date: '2030-02-30', title: 'Nope' }] }));
      assert.throws(
        () => loadEnglandBankHolidays(file),
        (err: unknown) => err instanceof AppError && err.code === 'bank_holidays_invalid'
      );
    });

    it('should fail with bank_holidays_invalid when the file is missing or not JSON', () => {
      const notJson = path.join(dir, 'not.json');
      writeFileSync(notJson, 'not json');
      for (const file of [path.join(dir, 'missing.json'), notJson]) {
        assert.throws(
          () => loadEnglandBankHolidays(file),
          (err: unknown) => err instanceof AppError && err.code === 'bank_holidays_invalid'
        );
      }
    });
  });
});

describe('HolidayCalendar', () => {
  it('should treat weekends and bank holidays as non-working days', () => {
    assert.equal(england.isWorkingDay('2026-03-06'), true, 'Friday');
    assert.equal(england.isWorkingDay('2026-03-07'), false, 'Saturday');
    assert.equal(england.isWorkingDay('2026-03-08'), false, 'Sunday');
    assert.equal(england.isWorkingDay('2026-04-03'), false, 'Good Friday');
  });

  it('should cover nothing when it has no holidays', () => {
    assert.equal(none.covers('2026-01-01'), false);
    assert.equal(none.coverage(), null);
  });
});

describe('addWorkingDays', () => {
  const cases: Array<[string, string, number, string]> = [
    ['within one week', '2026-03-02', 5, '2026-03-09'],
    ['across a weekend', '2026-03-05', 5, '2026-03-12'],
    ['from a Friday to the Monday', '2026-03-06', 1, '2026-03-09'],
    ['from a Saturday, not counting the start', '2026-03-07', 1, '2026-03-09'],
    ['across Christmas, Boxing Day and New Year', '2025-12-23', 5, '2026-01-02'],
    ['across Easter 2026', '2026-04-01', 5, '2026-04-10'],
    ['across Easter 2024 (Good Friday in March)', '2024-03-28', 5, '2024-04-08'],
    ['across the substitute Boxing Day', '2026-12-24', 1, '2026-12-29'],
    ['for 15 working days across Christmas', '2025-12-15', 15, '2026-01-08'],
    ['counting back 5 working days', '2026-03-09', -5, '2026-03-02'],
    ['counting back across Easter', '2026-04-10', -5, '2026-04-01'],
    ['for zero days', '2026-03-07', 0, '2026-03-07'],
  ];
  for (const [when, start, n, expected] of cases) {
    it(`should give ${expected} for ${n} working days from ${start} (${when})`, () => {
      assert.equal(addWorkingDays(start, n, england), expected);
    });
  }

  it('should skip weekends only beyond the data (Christmas 2029 counts as a working day)', () => {
    assert.equal(addWorkingDays('2029-12-24', 5, england), '2029-12-31');
    assert.equal(england.covers('2029-12-31'), false);
  });

  it('should not skip bank holidays with an empty calendar', () => {
    assert.equal(addWorkingDays('2025-12-23', 5, none), '2025-12-30');
  });

  it('should reject an invalid date or a fractional count', () => {
    assert.throws(() => addWorkingDays('2026-02-30', 1, england), ValidationError);
    assert.throws(() => addWorkingDays('2026-03-02', 1.5, england), ValidationError);
  });

  it('should give the same answers whatever the local time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London']) {
        process.env.TZ = tz;
        assert.equal(addWorkingDays('2026-03-27', 5, england), '2026-04-07', tz);
        assert.equal(addCalendarMonths('2026-10-25', 1), '2026-11-25', tz);
      }
    } finally {
      if (saved === undefined) {
        delete process.env.TZ;
      } else {
        process.env.TZ = saved;
      }
    }
  });
});

describe('workingDaysBetween', () => {
  it('should undo addWorkingDays', () => {
    assert.equal(workingDaysBetween('2026-03-02', '2026-03-09', england), 5);
    assert.equal(workingDaysBetween('2025-12-23', '2026-01-02', england), 5);
    assert.equal(workingDaysBetween('2025-12-15', '2026-01-08', england), 15);
  });

  it('should be negative when the due date has passed', () => {
    assert.equal(workingDaysBetween('2026-03-09', '2026-03-02', england), -5);
    assert.equal(workingDaysBetween('2026-03-10', '2026-03-09', england), -1);
  });

  it('should be 0 on the day and over a weekend with no working day in between', () => {
    assert.equal(workingDaysBetween('2026-03-02', '2026-03-02', england), 0);
    assert.equal(workingDaysBetween('2026-03-06', '2026-03-08', england), 0);
    assert.equal(workingDaysBetween('2026-03-07', '2026-03-09', england), 1);
  });

  it('should not count bank holidays', () => {
    assert.equal(workingDaysBetween('2026-04-02', '2026-04-07', england), 1);
  });
});

describe('addCalendarMonths', () => {
  const cases: Array<[string, number, string]> = [
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-03-02', 0, '2026-03-02'],
  ];
  for (const [start, n, expected] of cases) {
    it(`should give ${expected} for ${n} month(s) from ${start}`, () => {
      assert.equal(addCalendarMonths(start, n), expected);
    });
  }

  it('should reject a fractional number of months', () => {
    assert.throws(() => addCalendarMonths('2026-03-02', 0.5), ValidationError);
  });
});

describe('isIsoDate', () => {
  it('should accept real YYYY-MM-DD dates only', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2025-02-29'), false);
    assert.equal(isIsoDate('2026-13-01'), false);
    assert.equal(isIsoDate('2026-04-31'), false);
    assert.equal(isIsoDate('2026-3-1'), false);
    assert.equal(isIsoDate('2026-03-01T00:00:00Z'), false);
  });
});
