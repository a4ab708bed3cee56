import { ValidationError } from '../../errors';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** @returns whether the value is a real date written `YYYY-MM-DD` (`2025-02-30` is not) */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) {
    return false;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  return day <= daysInMonth(year, month);
}

/**
 * Turns a `YYYY-MM-DD` date into a day number (days since 1970-01-01, UTC).
 * Working in whole UTC days keeps the local time zone out of date arithmetic.
 * @param date the date
 * @returns the day number
 * @throws ValidationError when the date is not a real `YYYY-MM-DD` date
 */
export function toDayNumber(date: string): number {
  if (!isIsoDate(date)) {
    throw new ValidationError(`"${date}" is not a date in the form YYYY-MM-DD`);
  }
  const [year, month, day] = date.split('-').map(Number);
  return utcDayNumber(year, month, day);
}

/** @returns the `YYYY-MM-DD` date of a day number (days since 1970-01-01, UTC) */
export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** @returns the date `n` calendar days after `date` (before it when `n` is negative) */
export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** @returns the day of the week of a `YYYY-MM-DD` date: 0 = Sunday … 6 = Saturday */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** @returns whether the date falls on a Saturday or Sunday */
export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** @returns the number of days in a month (`month` 1–12) of a year */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(utcDayNumber(year, month + 1, 0) * MS_PER_DAY).getUTCDate();
}

/** Day number of a year, 1-based month and day; unlike Date.UTC it keeps years 0–99. */
function utcDayNumber(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

/**
 * Adds calendar months, clamping to the end of a shorter month (31 Jan + 1 month = 28 or 29 Feb).
 * @param date a `YYYY-MM-DD` date
 * @param n months to add; negative goes back
 * @returns the `YYYY-MM-DD` date
 * @throws ValidationError when the date is invalid or `n` is not a whole number
 */
export function addCalendarMonths(date: string, n: number): string {
  toDayNumber(date);
  if (!Number.isInteger(n)) {
    throw new ValidationError('The number of months must be a whole number');
  }
  const [year, month, day] = date.split('-').map(Number);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  const newDay = Math.min(day, daysInMonth(newYear, newMonth));
  return fromDayNumber(utcDayNumber(newYear, newMonth, newDay));
}
