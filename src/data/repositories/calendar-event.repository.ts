import { In, IsNull, LessThan, MoreThanOrEqual, type DataSource, type EntityManager } from 'typeorm';

import { CalendarEvent, type AttendeeResponseRecord } from '../entities/calendar-event.entity';

/** Filters for listing events. */
export type CalendarEventFilter = { kind?: string; sourceId?: string; status?: string; limit: number };

/** The app's calendar events. */
export class CalendarEventRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Inserts a new event. @returns it, with its id */
  async insert(event: Omit<CalendarEvent, 'id'>): Promise<CalendarEvent> {
    return this.db.getRepository(CalendarEvent).save(event);
  }

  /** Saves changes to an event. */
  async save(event: CalendarEvent): Promise<CalendarEvent> {
    return this.db.getRepository(CalendarEvent).save(event);
  }

  /** @returns one event, or null */
  async get(id: number): Promise<CalendarEvent | null> {
    return this.db.getRepository(CalendarEvent).findOneBy({ id });
  }

  /** @returns the events with these ids */
  async getMany(ids: number[]): Promise<CalendarEvent[]> {
    return ids.length ? this.db.getRepository(CalendarEvent).findBy({ id: In(ids) }) : [];
  }

  /** @returns events by kind/source/status, soonest first */
  async list(filter: CalendarEventFilter): Promise<CalendarEvent[]> {
    return this.db.getRepository(CalendarEvent).find({
      where: {
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.sourceId ? { sourceId: filter.sourceId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      order: { startUtc: 'ASC', id: 'ASC' },
      take: filter.limit,
    });
  }

  /** Records what Graph answered to the create (Outlook id, Teams link). */
  async recordCreated(id: number, graphEventId: string, joinUrl: string | null): Promise<void> {
    await this.db.getRepository(CalendarEvent).update(
      { id },
      { graphEventId, joinUrl, missingJoinUrl: joinUrl === null, updatedAt: new Date() }
    );
    await this.db.getRepository(CalendarEvent).update({ id, status: 'pending' }, { status: 'scheduled' });
  }

  /** Stores attendees' answers as read from Outlook. */
  async recordResponses(id: number, responses: AttendeeResponseRecord[], joinUrl: string | null): Promise<void> {
    await this.db.getRepository(CalendarEvent).update(
      { id },
      { attendeeResponses: responses, responsesCheckedAt: new Date(), ...(joinUrl ? { joinUrl, missingJoinUrl: false } : {}) }
    );
  }

  /** Notes a check that found nothing to store (e.g. the event is gone from Outlook). */
  async touchResponses(id: number): Promise<void> {
    await this.db.getRepository(CalendarEvent).update({ id }, { responsesCheckedAt: new Date() });
  }

  /**
   * @returns scheduled events still worth reading answers for (not ended more than a day ago),
   *   least recently checked first
   */
  async dueForResponseCheck(checkedBefore: Date, limit: number): Promise<CalendarEvent[]> {
    const stillRelevant = MoreThanOrEqual(new Date(Date.now() - 86_400_000));
    const base = { status: 'scheduled', endUtc: stillRelevant };
    return this.db.getRepository(CalendarEvent).find({
      where: [
        { ...base, responsesCheckedAt: IsNull() },
        { ...base, responsesCheckedAt: LessThan(checkedBefore) },
      ],
      order: { responsesCheckedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }
}
