import type { EntityManager } from 'typeorm';

import type { CalendarEvent } from '../../data/entities/calendar-event.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { CalendarEventRepository } from '../../data/repositories/calendar-event.repository';
import { CalendarOutboxRepository } from '../../data/repositories/calendar-outbox.repository';
import { NotFoundError, ValidationError } from '../../errors';

/**
 * Cancels a calendar event and queues the cancellation (with a message to attendees) for Outlook,
 * in the caller's transaction. Cancelling a cancelled event changes nothing.
 * @param em the caller's transaction
 * @param id the calendar event
 * @param message the message attendees receive (plain text, ≤ 2000 characters)
 * @param actorId Entra object id of who asked (default `system`)
 * @returns the event as it now is
 * @throws NotFoundError for an unknown id; ValidationError for an empty or too long message
 */
export async function cancelCalendarEvent(em: EntityManager, id: number, message: string, actorId?: string): Promise<CalendarEvent> {
  const text = String(message ?? '').trim();
  if (text.length === 0 || text.length > 2000) {
    throw new ValidationError('Give attendees a cancellation message of 1 to 2000 characters');
  }
  const events = new CalendarEventRepository(em);
  const event = await events.get(id);
  if (!event) {
    throw new NotFoundError(`No calendar event ${id}`);
  }
  if (event.status === 'cancelled') {
    return event;
  }
  event.status = 'cancelled';
  event.cancelMessage = text;
  event.updatedAt = new Date();
  await events.save(event);
  await new CalendarOutboxRepository(em).enqueue(event.id, 'cancel', { message: text });
  await new AuditRepository(em).append({
    actorId: actorId ?? 'system',
    action: 'calendar.event_cancelled',
    entityType: 'calendar_event',
    entityId: String(event.id),
  });
  return event;
}
