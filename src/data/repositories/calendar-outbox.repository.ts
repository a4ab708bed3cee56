import { randomUUID } from 'node:crypto';

import { In, type DataSource, type EntityManager } from 'typeorm';

import { CalendarEvent } from '../entities/calendar-event.entity';
import { CalendarOutboxItem, type CalendarOperation, type OutboxStatus } from '../entities/calendar-outbox-item.entity';

/** A due item is one that is pending and due, or in flight under a lease that has run out. */
const due = (a: string) =>
  `((${a}status = 'pending' AND ${a}next_attempt_at <= :now) OR (${a}status = 'in_flight' AND ${a}lease_until < :now))`;

/** Another item of the same event is being sent under a live lease. */
const SIBLING_IN_FLIGHT = (table: string) =>
  `EXISTS (SELECT 1 FROM calendar_outbox q WHERE q.calendar_event_id = ${table}.calendar_event_id AND q.id <> ${table}.id ` +
  "AND q.status = 'in_flight' AND q.lease_until >= :now)";

/** An earlier item of the same event must go first (a failed create blocks the rest: no Outlook id yet). */
const EARLIER_WAITING =
  'EXISTS (SELECT 1 FROM calendar_outbox p WHERE p.calendar_event_id = o.calendar_event_id AND p.id < o.id ' +
  "AND (p.status IN ('pending', 'in_flight') OR (p.status = 'failed' AND p.operation = 'create')))";

/** An outbox item with the event it belongs to (admin view). */
export type OutboxRow = { item: CalendarOutboxItem; event: Pick<CalendarEvent, 'id' | 'kind' | 'sourceId' | 'subject' | 'startUtc'> | null };

/** The calendar outbox: enqueue in the caller's transaction; claim, record and retry for the worker. */
export class CalendarOutboxRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Adds an item (inside the caller's transaction when given an EntityManager). */
  async enqueue(calendarEventId: number, operation: CalendarOperation, payload: Record<string, unknown>): Promise<CalendarOutboxItem> {
    const now = new Date();
    return this.db.getRepository(CalendarOutboxItem).save({
      calendarEventId,
      operation,
      payload,
      transactionId: randomUUID(),
      status: 'pending' as OutboxStatus,
      attempts: 0,
      nextAttemptAt: now,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      createdAt: now,
      sentAt: null,
    });
  }

  /**
   * Claims due items for one sender: at most one per event (its earliest unsent item), never one
   * whose event has another item in flight. The claim is one conditional UPDATE, so two instances
   * racing for the same row cannot both get it; each takes what its lease owner matches.
   * @param leaseOwner unique per claim (worker id + round)
   * @param limit most items to claim
   * @param leaseMs how long the claim holds before another sender may take the item over
   * @param between tests only: runs after the candidates are chosen and before they are claimed
   * @returns the claimed items, oldest first (attempts already counted)
   */
  async claimDue(leaseOwner: string, limit: number, leaseMs: number, between?: () => Promise<void>): Promise<CalendarOutboxItem[]> {
    const now = new Date();
    const candidates = (await this.db
      .getRepository(CalendarOutboxItem)
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .where(due('o.'), { now })
      .andWhere(`NOT ${EARLIER_WAITING}`)
      .andWhere(`NOT ${SIBLING_IN_FLIGHT('o')}`, { now })
      .orderBy('o.id', 'ASC')
      .limit(limit)
      .getRawMany()) as { id: number }[];
    if (candidates.length === 0) {
      return [];
    }
    const ids = candidates.map((c) => Number(c.id));
    await between?.();
    await this.db
      .createQueryBuilder()
      .update(CalendarOutboxItem)
      .set({ status: 'in_flight', leaseOwner, leaseUntil: new Date(now.getTime() + leaseMs), attempts: () => 'attempts + 1' })
      .where('id IN (:...ids)', { ids })
      .andWhere(due(''), { now })
      .andWhere(`NOT ${SIBLING_IN_FLIGHT('calendar_outbox')}`, { now })
      .execute();
    return this.db.getRepository(CalendarOutboxItem).find({ where: { id: In(ids), leaseOwner, status: 'in_flight' }, order: { id: 'ASC' } });
  }

  /** Marks a claimed item sent. @returns false when the lease was lost (someone else took it over) */
  async markSent(id: number, leaseOwner: string): Promise<boolean> {
    return this.finish(id, leaseOwner, { status: 'sent', sentAt: new Date(), lastError: null });
  }

  /** Gives up on a claimed item, keeping Graph's message for the admin view. */
  async markFailed(id: number, leaseOwner: string, error: string): Promise<boolean> {
    return this.finish(id, leaseOwner, { status: 'failed', lastError: error.slice(0, 1000) });
  }

  /**
   * Puts a claimed item back to wait.
   * @param refund true when nothing was sent (e.g. a 424 inside a batch): the attempt is not counted
   */
  async reschedule(id: number, leaseOwner: string, at: Date, error: string | null, refund = false): Promise<boolean> {
    return this.finish(id, leaseOwner, {
      status: 'pending',
      nextAttemptAt: at,
      lastError: error?.slice(0, 1000) ?? null,
      ...(refund ? { attempts: () => 'attempts - 1' } : {}),
    });
  }

  private async finish(id: number, leaseOwner: string, set: Record<string, unknown>): Promise<boolean> {
    const result = await this.db
      .createQueryBuilder()
      .update(CalendarOutboxItem)
      .set({ ...set, leaseOwner: null, leaseUntil: null })
      .where('id = :id AND lease_owner = :leaseOwner AND status = :inFlight', { id, leaseOwner, inFlight: 'in_flight' })
      .execute();
    return result.affected === 1;
  }

  /**
   * Sends a failed item again from the start of its back-off.
   * @returns `retried`, or why not: `not_found` / `not_failed`
   */
  async retry(id: number): Promise<'retried' | 'not_found' | 'not_failed'> {
    const result = await this.db
      .createQueryBuilder()
      .update(CalendarOutboxItem)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), leaseOwner: null, leaseUntil: null })
      .where('id = :id AND status = :failed', { id, failed: 'failed' })
      .execute();
    if (result.affected === 1) {
      return 'retried';
    }
    return (await this.db.getRepository(CalendarOutboxItem).existsBy({ id })) ? 'not_failed' : 'not_found';
  }

  /** @returns items in a status with their events, newest first */
  async list(status: OutboxStatus, limit: number): Promise<OutboxRow[]> {
    const items = await this.db.getRepository(CalendarOutboxItem).find({ where: { status }, order: { id: 'DESC' }, take: limit });
    const eventIds = [...new Set(items.map((i) => i.calendarEventId))];
    const events = eventIds.length
      ? await this.db.getRepository(CalendarEvent).find({ where: { id: In(eventIds) }, select: { id: true, kind: true, sourceId: true, subject: true, startUtc: true } })
      : [];
    return items.map((item) => ({ item, event: events.find((e) => e.id === item.calendarEventId) ?? null }));
  }

  /** @returns the items of one event, oldest first */
  async forEvent(calendarEventId: number): Promise<CalendarOutboxItem[]> {
    return this.db.getRepository(CalendarOutboxItem).find({ where: { calendarEventId }, order: { id: 'ASC' } });
  }

  /** @returns per event, how many of its items wait (pending or in flight) and how many failed */
  async syncCounts(calendarEventIds: number[]): Promise<Map<number, { pending: number; failed: number }>> {
    const out = new Map(calendarEventIds.map((id) => [id, { pending: 0, failed: 0 }]));
    if (calendarEventIds.length === 0) {
      return out;
    }
    const rows = (await this.db
      .getRepository(CalendarOutboxItem)
      .createQueryBuilder('o')
      .select('o.calendar_event_id', 'eventId')
      .addSelect('o.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('o.calendar_event_id IN (:...ids)', { ids: calendarEventIds })
      .andWhere("o.status <> 'sent'")
      .groupBy('o.calendar_event_id')
      .addGroupBy('o.status')
      .getRawMany()) as { eventId: number; status: OutboxStatus; n: number | string }[];
    for (const r of rows) {
      const c = out.get(Number(r.eventId));
      if (c) {
        c[r.status === 'failed' ? 'failed' : 'pending'] += Number(r.n);
      }
    }
    return out;
  }

  /** @returns how many items are in each status */
  async countByStatus(): Promise<Record<OutboxStatus, number>> {
    const rows = (await this.db
      .getRepository(CalendarOutboxItem)
      .createQueryBuilder('o')
      .select('o.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('o.status')
      .getRawMany()) as { status: OutboxStatus; n: number | string }[];
    const counts: Record<OutboxStatus, number> = { pending: 0, in_flight: 0, sent: 0, failed: 0 };
    for (const r of rows) {
      counts[r.status] = Number(r.n);
    }
    return counts;
  }
}
