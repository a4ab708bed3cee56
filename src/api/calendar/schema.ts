import { z } from 'zod';

import { NotFoundError } from '../../errors';

const isoInstant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const isoDate = z.iso.date();

const attendee = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200).optional(),
  type: z.enum(['required', 'optional']).optional(),
});

const fields = {
  subject: z.string().trim().min(1).max(255),
  agenda: z.string().max(20_000).nullable().optional(),
  link: z.url().max(1000).nullable().optional(),
  start: isoInstant,
  end: isoInstant,
  timeZone: z.string().min(1).max(64).optional(),
  location: z.string().trim().max(255).nullable().optional(),
  attendees: z.array(attendee).max(500),
};

/** `POST /api/calendar/events`: schedule an event (a learning event unless another kind is given). */
export const CreateEventBody = z.object({
  kind: z.enum(['panel', 'focus_group', 'learning_event']).default('learning_event'),
  sourceId: z.string().trim().min(1).max(100).default('manual'),
  ...fields,
});

/** `PATCH /api/calendar/events/:id`: any of the fields. */
export const UpdateEventBody = z
  .object(fields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change');

/** `POST /api/calendar/events/:id/cancel`. */
export const CancelEventBody = z.object({ message: z.string().trim().min(1).max(2000) });

/** `POST /api/calendar/events/:id/attendees`. */
export const AttendeeBody = attendee;

/** Query of `GET /api/calendar/events`. */
export const EventsQuery = z.object({
  kind: z.enum(['panel', 'focus_group', 'learning_event']).optional(),
  sourceId: z.string().min(1).max(100).optional(),
  status: z.enum(['pending', 'scheduled', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Query of `GET /api/calendar/outbox`. */
export const OutboxQuery = z.object({
  status: z.enum(['pending', 'in_flight', 'sent', 'failed']).default('failed'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** `GET /api/calendar/suggestions` (query) and `POST` (body). */
export const SuggestionsInput = z
  .object({
    attendees: z.array(z.email().max(320)).min(1).max(200),
    from: isoDate,
    to: isoDate,
    durationMinutes: z.coerce.number().int().min(15).max(600),
    maxSuggestions: z.coerce.number().int().min(1).max(50).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

/**
 * @returns a route's numeric id
 * @throws NotFoundError for anything that is not a positive integer id
 */
export function idParam(value: unknown, what: string): number {
  const s = String(value ?? '');
  if (!/^[1-9]\d{0,9}$/.test(s) || Number(s) > 2_147_483_647) {
    throw new NotFoundError(`No ${what} ${s.slice(0, 40)}`);
  }
  return Number(s);
}

/** @returns the query string as an object; repeated or comma-separated `attendees` become a list */
export function queryOf(url: string | undefined): Record<string, unknown> {
  const params = new URL(url ?? '/', 'http://x').searchParams;
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    out[key] = key === 'attendees' ? params.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean) : params.get(key);
  }
  return out;
}
