import type { EntityManager } from 'typeorm';

import type { CalendarEvent } from '../../data/entities/calendar-event.entity';
import { CalendarEventRepository } from '../../data/repositories/calendar-event.repository';
import { ConflictError, NotFoundError } from '../../errors';

/**
 * Loads an event that may still change.
 * @throws NotFoundError for an unknown id; ConflictError when it is cancelled
 */
export async function loadOpenEvent(em: EntityManager, id: number): Promise<CalendarEvent> {
  const event = await new CalendarEventRepository(em).get(id);
  if (!event) {
    throw new NotFoundError(`No calendar event ${id}`);
  }
  if (event.status === 'cancelled') {
    throw new ConflictError('The calendar event is cancelled and can no longer change', { status: event.status });
  }
  return event;
}
