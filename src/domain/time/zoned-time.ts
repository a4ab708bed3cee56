import { ValidationError } from '../../errors';
import { toDayNumber } from '../calendar/iso-date';

/** A wall-clock time of day. */
export type LocalTime = { hour: number; minute: number };

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** @returns whether the runtime knows the IANA time zone, e.g. `Europe/London` */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** @returns the wall-clock fields of an instant in a time zone */
function wallClock(instantMs: number, timeZone: string): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const p of formatFor(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') {
      fields[p.type] = Number(p.value);
    }
  }
  return fields;
}

/**
 * The zone's offset from UTC at an instant (positive east of Greenwich: +60 min in BST).
 * Intl gives the wall clock; the difference between that read as UTC and the instant is the offset.
 * @returns the offset in milliseconds
 */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const f = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a wall-clock date and time happen in a time zone. Around a clock change it behaves
 * like Temporal's `compatible` rule: a time that happens twice (autumn) is the first one, and a
 * time that never happens (spring gap) moves forward by the gap (01:30 → 02:30 BST).
 * @param date `YYYY-MM-DD` in the zone
 * @param time the wall-clock time
 * @param timeZone IANA zone, e.g. `Europe/London`
 * @returns the UTC instant
 * @throws ValidationError for an invalid date
 */
export function zonedTimeToUtc(date: string, time: LocalTime, timeZone: string): Date {
  const local = toDayNumber(date) * MS_PER_DAY + (time.hour * 60 + time.minute) * MS_PER_MINUTE;
  // Offsets a day either side bracket any single transition near this wall-clock time.
  const before = zoneOffsetMs(local - MS_PER_DAY, timeZone);
  const after = zoneOffsetMs(local + MS_PER_DAY, timeZone);
  const candidates = [local - before, local - after].filter(
    (t) => t + zoneOffsetMs(t, timeZone) === local
  );
  if (candidates.length === 0) {
    return new Date(local - before);
  }
  return new Date(Math.min(...candidates));
}

/** @returns the `YYYY-MM-DD` date an instant falls on in a time zone */
export function localDateOf(instant: Date, timeZone: string): string {
  const f = wallClock(instant.getTime(), timeZone);
  return `${String(f.year).padStart(4, '0')}-${pad(f.month)}-${pad(f.day)}`;
}

/** @returns the wall-clock time of an instant in a time zone */
export function localTimeOf(instant: Date, timeZone: string): LocalTime {
  const f = wallClock(instant.getTime(), timeZone);
  return { hour: f.hour, minute: f.minute };
}

/**
 * Parses `HH:MM` (24-hour clock).
 * @throws ValidationError when the text is not a time
 */
export function parseLocalTime(text: string): LocalTime {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!m) {
    throw new ValidationError(`"${text}" is not a time in the form HH:MM`);
  }
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The instant a wall-clock time, given as minutes after local midnight, happens in a zone.
 * @param date `YYYY-MM-DD` in the zone
 * @param minutes minutes after local midnight (may run past 24 h into the next days)
 * @param timeZone IANA zone, e.g. `Europe/London`
 */
export function zonedToUtc(date: string, minutes: number, timeZone: string): Date {
  return zonedTimeToUtc(date, { hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
}

/** @returns the local `YYYY-MM-DD` and `HH:MM` of an instant in a zone */
export function localParts(at: Date, timeZone: string): { date: string; time: string } {
  const t = localTimeOf(at, timeZone);
  return { date: localDateOf(at, timeZone), time: `${pad(t.hour)}:${pad(t.minute)}` };
}
