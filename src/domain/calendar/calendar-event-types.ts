import { z } from 'zod';

import type { CalendarAttendeeRecord } from '../../data/entities/calendar-event.entity';
import { ValidationError } from '../../errors';

/** What an event in partner calendars is for. */
export const CALENDAR_EVENT_KINDS = ['panel', 'focus_group', 'learning_event'] as const;
/** A calendar event kind. */
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

/** Someone to invite: an email, a display name, and whether they must come. */
export type CalendarAttendee = { email: string; name?: string; type?: 'required' | 'optional' };

/** Outlook accepts up to 500 attendees; the board's meetings are far smaller. */
const MAX_ATTENDEES = 500;

export const AttendeeSchema = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200).optional(),
  type: z.enum(['required', 'optional']).optional(),
});

const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'not an IANA time zone');

/** The fields a calendar event has, as callers give them. */
export const EventFieldsSchema = z.object({
  subject: z.string().trim().min(1).max(255),
  agenda: z.string().max(20_000).nullish(),
  link: z.url().max(1000).nullish(),
  start: z.date(),
  end: z.date(),
  timeZone: timeZone.optional(),
  location: z.string().trim().max(255).nullish(),
  attendees: z.array(AttendeeSchema).max(MAX_ATTENDEES),
});

/** What `scheduleCalendarEvent` takes. */
export const SchedulePropsSchema = EventFieldsSchema.extend({
  kind: z.enum(CALENDAR_EVENT_KINDS),
  sourceId: z.union([z.string().trim().min(1).max(100), z.number().int()]).transform(String),
  actorId: z.string().min(1).max(100).optional(),
});

/** What `updateCalendarEvent` takes: any of the fields. */
export const ChangesSchema = EventFieldsSchema.partial().extend({ actorId: z.string().min(1).max(100).optional() });

/**
 * Validates a use-case's input.
 * @throws ValidationError naming the first bad field
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(input)', message: i.message }));
    throw new ValidationError(`The calendar event is not valid: ${fields[0].field}: ${fields[0].message}`, { fields });
  }
  return parsed.data;
}

/**
 * @returns the attendees with emails lower-cased, duplicates dropped (the first kept) and the
 *   type defaulted to `required`
 */
export function normaliseAttendees(attendees: CalendarAttendee[]): CalendarAttendeeRecord[] {
  const seen = new Set<string>();
  const out: CalendarAttendeeRecord[] = [];
  for (const a of attendees) {
    const email = a.email.trim().toLowerCase();
    if (!seen.has(email)) {
      seen.add(email);
      out.push({ email, ...(a.name ? { name: a.name } : {}), type: a.type ?? 'required' });
    }
  }
  return out;
}

/** @throws ValidationError when the event does not end after it starts */
export function assertTimes(start: Date, end: Date): void {
  if (!(end.getTime() > start.getTime())) {
    throw new ValidationError('The calendar event must end after it starts', { fields: [{ field: 'end', message: 'must be after start' }] });
  }
}
