import type { GraphCalendarClient } from '../../graph/calendar';
import type { BusyPeriod, ScheduleAvailability } from '../../graph/types';
import { ValidationError } from '../../errors';
import { addDays, toDayNumber } from './iso-date';
import type { HolidayCalendar } from './working-days';
import { localParts, zonedToUtc } from '../time/zoned-time';

/** What the business unit asks for. */
export type SuggestionRequest = {
  /** attendees' emails */
  attendees: string[];
  /** first and last day to consider, `YYYY-MM-DD` in the board's zone */
  from: string;
  to: string;
  durationMinutes: number;
  /** most slots to return (default 10) */
  maxSuggestions?: number;
};

/** One candidate time and who can come. */
export type SlotSuggestion = { start: Date; end: Date; free: string[]; tentative: string[]; busy: string[] };

/** Per attendee: whether their free/busy was known. */
export type AttendeeAvailability = { email: string; availability: 'known' | 'unknown'; reason?: string };

/** The answer: best slots first, and what was known about whom. */
export type SuggestionResult = {
  timeZone: string;
  workingHours: { startMinute: number; endMinute: number };
  slots: SlotSuggestion[];
  attendees: AttendeeAvailability[];
};

/** What finding a time needs. */
export type SuggestionDeps = {
  calendar: GraphCalendarClient;
  /** email domains in the organiser's tenant (free/busy readable app-only) */
  tenantDomains: string[];
  timeZone: string;
  workingHours: { startMinute: number; endMinute: number };
  holidays: HolidayCalendar;
  now?: () => Date;
};

const STEP_MINUTES = 30;
const MAX_RANGE_DAYS = 366;
/** An API caller should not wait long for a Graph-imposed pause. */
const MAX_WAIT_MS = 10_000;

function overlapping(items: BusyPeriod[], start: Date, end: Date): BusyPeriod[] {
  return items.filter((i) => i.start < end && i.end > start);
}

function statusIn(items: BusyPeriod[], start: Date, end: Date): 'free' | 'tentative' | 'busy' {
  const here = overlapping(items, start, end).map((i) => i.status);
  if (here.includes('busy') || here.includes('oof')) {
    return 'busy';
  }
  return here.includes('tentative') ? 'tentative' : 'free';
}

function candidateSlots(deps: SuggestionDeps, req: SuggestionRequest, now: Date): { start: Date; end: Date }[] {
  const slots: { start: Date; end: Date }[] = [];
  const days = toDayNumber(req.to) - toDayNumber(req.from);
  for (let i = 0; i <= days; i++) {
    const date = addDays(req.from, i);
    if (!deps.holidays.isWorkingDay(date)) {
      continue;
    }
    for (let m = deps.workingHours.startMinute; m + req.durationMinutes <= deps.workingHours.endMinute; m += STEP_MINUTES) {
      const start = zonedToUtc(date, m, deps.timeZone);
      const end = new Date(start.getTime() + req.durationMinutes * 60_000);
      if (start > now && localParts(start, deps.timeZone).date === date) {
        slots.push({ start, end });
      }
    }
  }
  return slots;
}

/**
 * Suggests meeting times within working hours (board time zone, weekdays that are not bank
 * holidays) over a date range, from the free/busy of attendees in the organiser's tenant (Graph
 * getSchedule, app-only, split into calls Graph accepts). People in other organisations are listed
 * as "availability unknown". Best first: fewest busy, then fewest tentative, then soonest; slots
 * chosen do not overlap each other.
 * @param deps Graph client, tenant domains, zone, working hours, holidays
 * @param req attendees, range, duration
 * @returns the suggestions
 * @throws ValidationError for a bad range or duration; Graph failures as Graph errors
 */
export async function suggestMeetingTimes(deps: SuggestionDeps, req: SuggestionRequest): Promise<SuggestionResult> {
  const span = toDayNumber(req.to) - toDayNumber(req.from);
  if (span < 0 || span >= MAX_RANGE_DAYS) {
    throw new ValidationError(`The date range must run forwards and cover at most ${MAX_RANGE_DAYS} days`);
  }
  if (req.durationMinutes > deps.workingHours.endMinute - deps.workingHours.startMinute) {
    throw new ValidationError('The meeting is longer than the working day');
  }
  const emails = [...new Set(req.attendees.map((a) => a.trim().toLowerCase()))];
  const internal = emails.filter((e) => deps.tenantDomains.includes(e.split('@')[1] ?? ''));
  const availability: ScheduleAvailability[] = internal.length
    ? await deps.calendar.getSchedule(
        { schedules: internal, start: zonedToUtc(req.from, 0, deps.timeZone), end: zonedToUtc(addDays(req.to, 1), 0, deps.timeZone), intervalMinutes: STEP_MINUTES },
        MAX_WAIT_MS
      )
    : [];
  const known = availability.filter((a) => !a.error);
  const attendees: AttendeeAvailability[] = emails.map((email) => {
    const a = availability.find((x) => x.email.toLowerCase() === email);
    if (!a) {
      return { email, availability: 'unknown', reason: 'outside the organisation: availability unknown' };
    }
    return a.error ? { email, availability: 'unknown', reason: a.error } : { email, availability: 'known' };
  });
  const scored = candidateSlots(deps, req, deps.now?.() ?? new Date()).map((slot) => {
    const s: SlotSuggestion = { ...slot, free: [], tentative: [], busy: [] };
    for (const a of known) {
      s[statusIn(a.items, slot.start, slot.end)].push(a.email.toLowerCase());
    }
    return s;
  });
  scored.sort((x, y) => x.busy.length - y.busy.length || x.tentative.length - y.tentative.length || x.start.getTime() - y.start.getTime());
  const chosen: SlotSuggestion[] = [];
  for (const s of scored) {
    if (chosen.length >= (req.maxSuggestions ?? 10)) {
      break;
    }
    if (!chosen.some((c) => c.start < s.end && c.end > s.start)) {
      chosen.push(s);
    }
  }
  return { timeZone: deps.timeZone, workingHours: deps.workingHours, slots: chosen, attendees };
}
