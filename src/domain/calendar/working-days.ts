import { readFileSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import { AppError, ValidationError } from '../../errors';
import { fromDayNumber, isIsoDate, isWeekend, toDayNumber } from './iso-date';

export { addCalendarMonths, isIsoDate } from './iso-date';

/** Where the England and Wales bank-holiday data ships, beside this module. */
export const DEFAULT_BANK_HOLIDAYS_FILE = path.join(__dirname, 'bank-holidays-england.json');

/** One bank holiday. */
export type BankHoliday = { date: string; title: string };

const BankHolidayFileSchema = z.object({
  events: z.array(
    z.object({
      date: z.string().refine(isIsoDate, 'not a YYYY-MM-DD date'),
      title: z.string().min(1),
    })
  ),
});

/** Bank holidays for working-day arithmetic; weekends are never working days. */
export class HolidayCalendar {
  private readonly titles: ReadonlyMap<string, string>;
  private readonly firstYear?: number;
  private readonly lastYear?: number;

  /** @param holidays the bank holidays; the calendar covers every whole year they fall in */
  constructor(holidays: readonly BankHoliday[]) {
    this.titles = new Map(holidays.map((h) => [h.date, h.title]));
    const years = holidays.map((h) => Number(h.date.slice(0, 4)));
    if (years.length > 0) {
      this.firstYear = Math.min(...years);
      this.lastYear = Math.max(...years);
    }
  }

  /** @returns the bank holiday's name, or undefined when the date is not one */
  holidayTitle(date: string): string | undefined {
    return this.titles.get(date);
  }

  /** @returns whether the date is a bank holiday in the data */
  isBankHoliday(date: string): boolean {
    return this.titles.has(date);
  }

  /** @returns whether the date is neither a weekend nor a bank holiday */
  isWorkingDay(date: string): boolean {
    return !isWeekend(date) && !this.isBankHoliday(date);
  }

  /** @returns whether the data includes the date's year; outside it only weekends are skipped */
  covers(date: string): boolean {
    const year = Number(date.slice(0, 4));
    return this.firstYear !== undefined && this.lastYear !== undefined
      ? year >= this.firstYear && year <= this.lastYear
      : false;
  }

  /** @returns the first and last dates the data covers, or null when it has no holidays */
  coverage(): { from: string; to: string } | null {
    if (this.firstYear === undefined || this.lastYear === undefined) {
      return null;
    }
    return { from: `${this.firstYear}-01-01`, to: `${this.lastYear}-12-31` };
  }
}

/**
 * Reads the England and Wales bank holidays from a JSON file (`{ events: [{ date, title }] }`).
 * @param file the data file; defaults to the copy shipped beside this module
 * @returns the calendar
 * @throws AppError `bank_holidays_invalid` when the file can't be read or has the wrong shape
 */
export function loadEnglandBankHolidays(
  file: string = DEFAULT_BANK_HOLIDAYS_FILE
): HolidayCalendar {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw invalidHolidays(`Can't read bank holidays from ${file}: ${why}`);
  }
  const parsed = BankHolidayFileSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw invalidHolidays(`Bank holidays in ${file} are invalid: ${where}`);
  }
  return new HolidayCalendar(parsed.data.events);
}

/** A start-up problem for operators, not for users. */
function invalidHolidays(message: string): AppError {
  return new AppError(500, 'bank_holidays_invalid', message, undefined, true);
}

/**
 * Finds the n-th working day after a date ("within 5 working days of X").
 * The date itself does not count, and weekends and bank holidays are skipped.
 * @param date the `YYYY-MM-DD` start
 * @param n working days to add; negative counts back, 0 returns the date unchanged
 * @param calendar bank holidays to skip as well as weekends
 * @returns the `YYYY-MM-DD` due date
 * @throws ValidationError when the date is invalid or `n` is not a whole number
 */
export function addWorkingDays(date: string, n: number, calendar: HolidayCalendar): string {
  if (!Number.isInteger(n)) {
    throw new ValidationError('The number of working days must be a whole number');
  }
  const step = n < 0 ? -1 : 1;
  let day = toDayNumber(date);
  let left = Math.abs(n);
  while (left > 0) {
    day += step;
    if (calendar.isWorkingDay(fromDayNumber(day))) {
      left -= 1;
    }
  }
  return fromDayNumber(day);
}

/**
 * Counts working days from one date to another, for "days left" displays.
 * Counts the working days after `from` up to and including `to`, so
 * `workingDaysBetween(x, addWorkingDays(x, n)) === n`; negative when `to` is earlier (overdue).
 * @param from the `YYYY-MM-DD` start, usually today
 * @param to the `YYYY-MM-DD` end, usually a due date
 * @param calendar bank holidays to skip as well as weekends
 * @returns the signed number of working days
 * @throws ValidationError when either date is invalid
 */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day += 1) {
    if (calendar.isWorkingDay(fromDayNumber(day))) {
      count += 1;
    }
  }
  return sign * count;
}
