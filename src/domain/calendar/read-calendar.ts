import type { DataSource, EntityManager } from 'typeorm';

import type { CalendarEvent } from '../../data/entities/calendar-event.entity';
import type { OutboxStatus } from '../../data/entities/calendar-outbox-item.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { CalendarEventRepository, type CalendarEventFilter } from '../../data/repositories/calendar-event.repository';
import { CalendarOutboxRepository, type OutboxRow } from '../../data/repositories/calendar-outbox.repository';
import { writeTransaction } from '../../data/write-transaction';
import { ConflictError, NotFoundError } from '../../errors';

/** An event with how its changes are getting on. */
export type CalendarEventWithSync = { event: CalendarEvent; sync: { pending: number; failed: number } };

/** @returns events matching the filter, with their outbox counts */
export async function listCalendarEvents(db: DataSource, filter: CalendarEventFilter): Promise<CalendarEventWithSync[]> {
  const events = await new CalendarEventRepository(db).list(filter);
  const sync = await new CalendarOutboxRepository(db).syncCounts(events.map((e) => e.id));
  return events.map((event) => ({ event, sync: sync.get(event.id) ?? { pending: 0, failed: 0 } }));
}

/**
 * @returns one event with its outbox counts
 * @throws NotFoundError
 */
export async function getCalendarEvent(db: DataSource, id: number): Promise<CalendarEventWithSync> {
  const event = await new CalendarEventRepository(db).get(id);
  if (!event) {
    throw new NotFoundError(`No calendar event ${id}`);
  }
  const sync = await new CalendarOutboxRepository(db).syncCounts([id]);
  return { event, sync: sync.get(id) ?? { pending: 0, failed: 0 } };
}

/** @returns outbox items in a status (newest first) and the count in every status */
export async function listCalendarOutbox(db: DataSource, status: OutboxStatus, limit: number): Promise<{ rows: OutboxRow[]; counts: Record<OutboxStatus, number> }> {
  const outbox = new CalendarOutboxRepository(db);
  return { rows: await outbox.list(status, limit), counts: await outbox.countByStatus() };
}

/**
 * Puts a failed outbox item back in the queue (after the cause was fixed, e.g. a permission granted).
 * @param actorId who asked, for the audit log
 * @throws NotFoundError for an unknown item; ConflictError when it has not failed
 */
export async function retryCalendarOutboxItem(db: DataSource, id: number, actorId: string): Promise<void> {
  await writeTransaction(db, async (em) => {
    const result = await new CalendarOutboxRepository(em).retry(id);
    if (result === 'not_found') {
      throw new NotFoundError(`No calendar outbox item ${id}`);
    }
    if (result === 'not_failed') {
      throw new ConflictError('Only failed items can be retried', { id });
    }
    await new AuditRepository(em).append({ actorId, action: 'calendar.outbox_retried', entityType: 'calendar_outbox', entityId: String(id) });
  });
}

/**
 * Runs calendar use-cases in one transaction, retried a few times while the database is busy.
 * @returns what `work` returns, after the commit
 * @throws ServiceUnavailableError (503) when the database stayed busy
 */
export function calendarTransaction<T>(db: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return writeTransaction(db, work);
}
