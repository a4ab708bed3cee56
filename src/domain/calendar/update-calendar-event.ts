import type { EntityManager } from 'typeorm';

import type { CalendarEvent } from '../../data/entities/calendar-event.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { CalendarEventRepository } from '../../data/repositories/calendar-event.repository';
import { CalendarOutboxRepository } from '../../data/repositories/calendar-outbox.repository';
import { assertTimes, ChangesSchema, normaliseAttendees, validate, type CalendarAttendee } from './calendar-event-types';
import { loadOpenEvent } from './load-event';

/** Fields to change; attendees, when given, replace the list (Outlook invites and un-invites). */
export type CalendarEventChanges = {
  subject?: string;
  agenda?: string | null;
  link?: string | null;
  start?: Date;
  end?: Date;
  timeZone?: string;
  location?: string | null;
  attendees?: CalendarAttendee[];
  /** Entra object id of who asked (default `system`) */
  actorId?: string;
};

/**
 * Changes a calendar event and queues the update for Outlook, in the caller's transaction. Nothing
 * is queued when nothing changed. Outlook tells attendees about the change.
 * @param em the caller's transaction
 * @param id the calendar event
 * @param changes the fields to change
 * @returns the event as it now is
 * @throws NotFoundError, ConflictError (cancelled), ValidationError
 */
export async function updateCalendarEvent(em: EntityManager, id: number, changes: CalendarEventChanges): Promise<CalendarEvent> {
  const c = validate(ChangesSchema, changes);
  const event = await loadOpenEvent(em, id);
  const before = JSON.stringify(event);
  const changed: string[] = [];
  const set = <K extends keyof CalendarEvent>(key: K, value: CalendarEvent[K] | undefined) => {
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(event[key])) {
      event[key] = value;
      changed.push(key);
    }
  };
  set('subject', c.subject);
  set('agenda', c.agenda === undefined ? undefined : c.agenda ?? null);
  set('linkUrl', c.link === undefined ? undefined : c.link ?? null);
  set('startUtc', c.start);
  set('endUtc', c.end);
  set('timeZone', c.timeZone);
  set('location', c.location === undefined ? undefined : c.location || null);
  set('attendees', c.attendees ? normaliseAttendees(c.attendees) : undefined);
  assertTimes(event.startUtc, event.endUtc);
  if (changed.length === 0 || JSON.stringify(event) === before) {
    return event;
  }
  event.updatedAt = new Date();
  await new CalendarEventRepository(em).save(event);
  await new CalendarOutboxRepository(em).enqueue(event.id, 'update', { fields: changed });
  await new AuditRepository(em).append({
    actorId: c.actorId ?? 'system',
    action: 'calendar.event_updated',
    entityType: 'calendar_event',
    entityId: String(event.id),
    detail: { fields: changed },
  });
  return event;
}
