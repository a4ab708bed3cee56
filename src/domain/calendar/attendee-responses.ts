import type { DataSource } from 'typeorm';

import type { CalendarEvent } from '../../data/entities/calendar-event.entity';
import { CalendarEventRepository } from '../../data/repositories/calendar-event.repository';
import { readEventSnapshot, type GraphCalendarClient } from '../../graph/calendar';
import type { GraphResponse } from '../../graph/responses';
import type { Logger } from '../../logging/logger';
import { chunkForBatches } from './outbox-send';

/** What the response reader needs. */
export type ResponseReaderOptions = { db: DataSource; calendar: GraphCalendarClient; log: Logger; intervalMs: number; maxPerRun?: number };

/**
 * Reads attendees' answers (accepted / declined / tentative) back from Outlook on a schedule and
 * stores them on the calendar events, so the app can show who is coming. Reads are batched (≤20
 * a request) and go through the same per-mailbox gate as the outbox. Reading twice from two
 * instances is harmless, so it takes no lease.
 */
export class AttendeeResponseReader {
  private timer?: NodeJS.Timeout;
  private current: Promise<number> = Promise.resolve(0);

  constructor(private readonly o: ResponseReaderOptions) {}

  /** Starts reading every `intervalMs` (first run shortly after start). */
  start(): void {
    const tick = () => {
      this.current = this.runOnce().catch((err: unknown) => {
        this.o.log.warn('reading attendee responses failed', { err: err instanceof Error ? err.message : String(err) });
        return 0;
      });
      void this.current.then(() => {
        if (this.timer) {
          this.timer = setTimeout(tick, this.o.intervalMs);
          this.timer.unref();
        }
      });
    };
    this.timer = setTimeout(tick, Math.min(5000, this.o.intervalMs));
    this.timer.unref();
  }

  /** Stops the schedule and waits for a read in progress. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  /**
   * Reads the events least recently checked (not checked within half the interval).
   * @returns how many events were updated
   */
  async runOnce(): Promise<number> {
    const events = new CalendarEventRepository(this.o.db);
    const due = (await events.dueForResponseCheck(new Date(Date.now() - this.o.intervalMs / 2), this.o.maxPerRun ?? 200)).filter((e) => e.graphEventId);
    if (due.length === 0) {
      return 0;
    }
    const answers = new Map<number, GraphResponse>();
    const groups = due.length <= 2 ? due.map((e) => [e]) : chunkForBatches(due);
    await Promise.all(groups.map((group) => this.read(group, answers)));
    let updated = 0;
    for (const event of due) {
      const res = answers.get(event.id);
      if (res?.status === 200) {
        let snapshot;
        try {
          snapshot = readEventSnapshot(res);
        } catch {
          this.o.log.warn('Graph answered an event read with an unreadable body', { calendarEventId: event.id });
          continue;
        }
        await events.recordResponses(
          event.id,
          snapshot.attendees.map((a) => ({ email: a.email.toLowerCase(), response: a.response, respondedAt: a.respondedAt })),
          snapshot.joinUrl
        );
        updated += 1;
      } else if (res?.status === 404) {
        this.o.log.warn('calendar event is no longer in the organiser calendar', { calendarEventId: event.id });
        await events.touchResponses(event.id);
      }
    }
    return updated;
  }

  private async read(group: CalendarEvent[], into: Map<number, GraphResponse>): Promise<void> {
    const calls = group.map((e) => this.o.calendar.getEventCall(String(e.id), e.graphEventId as string));
    try {
      if (calls.length === 1) {
        into.set(group[0].id, await this.o.calendar.http.send(calls[0]));
        return;
      }
      const answers = await this.o.calendar.http.batch(calls, true);
      for (const e of group) {
        const res = answers.get(String(e.id));
        if (res) {
          into.set(e.id, res);
        }
      }
    } catch (err) {
      const status = (err as { graphStatus?: number }).graphStatus;
      if (calls.length === 1 && status === 404) {
        into.set(group[0].id, { status: 404, headers: {}, body: undefined });
        return;
      }
      this.o.log.warn('reading attendee responses failed', { events: group.length, err: err instanceof Error ? err.message : String(err) });
    }
  }
}
