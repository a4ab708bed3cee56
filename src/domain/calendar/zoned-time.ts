const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
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
    formatters.set(timeZone, f);
  }
  return f;
}

/** @returns the wall-clock fields of an instant in a time zone */
function wallClock(at: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), mo: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), mi: Number(parts.minute), s: Number(parts.second) };
}

/** @returns how far a zone's wall clock is ahead of UTC at an instant, in ms (BST: 3 600 000) */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(at / 1000) * 1000;
}

/**
 * Converts a wall-clock time in a zone to an instant.
 * @param date `YYYY-MM-DD`
 * @param minutes minutes after local midnight
 * @param timeZone IANA zone, e.g. `Europe/London`
 * @returns the instant (for a time skipped by a clock change, the instant just after it)
 */
export function zonedToUtc(date: string, minutes: number, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const guess = Date.UTC(y, mo - 1, d, 0, minutes);
  const first = guess - zoneOffsetMs(guess, timeZone);
  const second = guess - zoneOffsetMs(first, timeZone);
  return new Date(second);
}

/** @returns the local `YYYY-MM-DD` and `HH:MM` of an instant in a zone */
export function localParts(at: Date, timeZone: string): { date: string; time: string } {
  const w = wallClock(at.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${w.y}-${pad(w.mo)}-${pad(w.d)}`, time: `${pad(w.h)}:${pad(w.mi)}` };
}
