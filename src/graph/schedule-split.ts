import type { ScheduleAvailability } from './types';

/** Graph's getSchedule takes at most this many schedules a call. */
export const MAX_SCHEDULES_PER_CALL = 20;
/** Graph's getSchedule window must be shorter than 62 days. */
export const MAX_WINDOW_DAYS = 61;

const MINUTE = 60_000;

/** One free/busy question: schedules (emails), a window and the availability-view interval. */
export type ScheduleAsk = { schedules: string[]; start: Date; end: Date; intervalMinutes: number };

/**
 * Splits a free/busy question into calls Graph accepts: at most 20 schedules each and windows
 * under 62 days. Windows are whole multiples of the interval, so the pieces' availability views
 * join up exactly.
 * @param ask the whole question
 * @returns the calls, window by window, then schedule chunk by chunk
 */
export function splitScheduleAsk(ask: ScheduleAsk): ScheduleAsk[] {
  const step = ask.intervalMinutes * MINUTE;
  const windowMs = Math.floor((MAX_WINDOW_DAYS * 1440 * MINUTE) / step) * step;
  const parts: ScheduleAsk[] = [];
  for (let from = ask.start.getTime(); from < ask.end.getTime(); from += windowMs) {
    const to = Math.min(from + windowMs, ask.end.getTime());
    for (let i = 0; i < ask.schedules.length; i += MAX_SCHEDULES_PER_CALL) {
      parts.push({
        schedules: ask.schedules.slice(i, i + MAX_SCHEDULES_PER_CALL),
        start: new Date(from),
        end: new Date(to),
        intervalMinutes: ask.intervalMinutes,
      });
    }
  }
  return parts;
}

/**
 * Joins the answers to split calls back into one availability per schedule.
 * @param parts answers in the order `splitScheduleAsk` returned the calls
 * @param schedules the schedules asked for, in the order to return them
 * @returns one entry per schedule: items joined, views concatenated, the first error kept
 */
export function mergeAvailability(parts: ScheduleAvailability[][], schedules: string[]): ScheduleAvailability[] {
  const merged = new Map<string, ScheduleAvailability>(
    schedules.map((email) => [email.toLowerCase(), { email, items: [], availabilityView: '' }])
  );
  for (const part of parts) {
    for (const a of part) {
      const into = merged.get(a.email.toLowerCase());
      if (!into) {
        continue;
      }
      into.items.push(...a.items);
      into.availabilityView += a.availabilityView;
      into.error ??= a.error;
    }
  }
  return [...merged.values()];
}
