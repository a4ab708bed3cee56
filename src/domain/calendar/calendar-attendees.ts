import type { EntityManager } from 'typeorm';

import type { CalendarEvent } from '../../data/entities/calendar-event.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { CalendarEventRepository } from '../../data/repositories/calendar-event.repository';
import { CalendarOutboxRepository } from '../../data/repositories/calendar-outbox.repository';
import { AttendeeSchema, normaliseAttendees, validate, type CalendarAttendee } from './calendar-event-types';
import { loadOpenEvent } from './load-event';

async function record(em: EntityManager, event: CalendarEvent, op: 'add_attendee' | 'remove_attendee', email: string, actorId?: string) {
  event.updatedAt = new Date();
  await new CalendarEventRepository(em).save(event);
  await new CalendarOutboxRepository(em).enqueue(event.id, op, { email });
  await new AuditRepository(em).append({
    actorId: actorId ?? 'system',
    action: op === 'add_attendee' ? 'calendar.attendee_added' : 'calendar.attendee_removed',
    entityType: 'calendar_event',
    entityId: String(event.id),
    detail: { attendees: event.attendees.length },
  });
}

/**
 * Invites one more person (e.g. a confirmed focus-group seat), in the caller's transaction;
 * Outlook sends them the invitation. Nothing happens when they are already invited.
 * @param em the caller's transaction
 * @param id the calendar event
 * @param attendee who to invite
 * @param actorId Entra object id of who asked (default `system`)
 * @returns the event as it now is
 * @throws NotFoundError, ConflictError (cancelled), ValidationError (bad email)
 */
export async function addCalendarAttendee(em: EntityManager, id: number, attendee: CalendarAttendee, actorId?: string): Promise<CalendarEvent> {
  const [a] = normaliseAttendees([validate(AttendeeSchema, attendee)]);
  const event = await loadOpenEvent(em, id);
  if (event.attendees.some((x) => x.email === a.email)) {
    return event;
  }
  event.attendees = [...event.attendees, a];
  await record(em, event, 'add_attendee', a.email, actorId);
  return event;
}

/**
 * Un-invites someone (e.g. a cancelled seat), in the caller's transaction; Outlook sends them a
 * cancellation. Nothing happens when they were not invited.
 * @param em the caller's transaction
 * @param id the calendar event
 * @param email who to remove
 * @param actorId Entra object id of who asked (default `system`)
 * @returns the event as it now is
 * @throws NotFoundError, ConflictError (cancelled)
 */
export async function removeCalendarAttendee(em: EntityManager, id: number, email: string, actorId?: string): Promise<CalendarEvent> {
  const event = await loadOpenEvent(em, id);
  const who = email.trim().toLowerCase();
  if (!event.attendees.some((x) => x.email === who)) {
    return event;
  }
  event.attendees = event.attendees.filter((x) => x.email !== who);
  await record(em, event, 'remove_attendee', who, actorId);
  return event;
}
