import path from 'node:path';

import type { DataSource } from 'typeorm';

import { openDatabase } from '../../src/data/data-source';
import { CalendarOutboxRepository } from '../../src/data/repositories/calendar-outbox.repository';
import { CalendarOutboxWorker, type OutboxWorkerOptions } from '../../src/domain/calendar/outbox-worker';
import { scheduleCalendarEvent, type ScheduleCalendarEventProps } from '../../src/domain/calendar/schedule-calendar-event';
import { GraphCalendarClient } from '../../src/graph/calendar';
import { GraphHttp } from '../../src/graph/graph-http';
import { startLocalGraphServer, type LocalGraphOptions, type LocalGraphServer } from '../../src/graph/local-graph-server';
import { MailboxGate } from '../../src/graph/mailbox-gate';
import { ClientCredentialsTokenProvider } from '../../src/graph/token-provider';
import { createLogger, type Logger } from '../../src/logging/logger';
import { tempDir } from './start-server';

export const ORGANISER = 'safeguarding-board@board.example';
export const SECRET = 'test-secret';

/** One "server instance": its own Graph client, gate and token cache, as a separate process would have. */
export type Sender = { http: GraphHttp; calendar: GraphCalendarClient; gate: MailboxGate; auth: ClientCredentialsTokenProvider };

/** @returns a Graph client stack against the stand-in */
export function senderFor(graph: LocalGraphServer, opts: { maxConcurrency?: number; timeoutMs?: number; log?: Logger } = {}): Sender {
  const gate = new MailboxGate(opts.maxConcurrency ?? 4);
  const auth = new ClientCredentialsTokenProvider({ tokenUrl: graph.tokenUrl(), clientId: 'test-client', clientSecret: SECRET, scope: 'https://graph.microsoft.com/.default', timeoutMs: 2000 });
  const http = new GraphHttp({ baseUrl: graph.baseUrl, auth, gate, timeoutMs: opts.timeoutMs ?? 2000, log: opts.log ?? createLogger('silent') });
  return { http, gate, auth, calendar: new GraphCalendarClient(http, ORGANISER) };
}

/** @returns a worker for a database and sender, with quick test pacing unless overridden */
export function workerFor(db: DataSource, sender: Sender, overrides: Partial<OutboxWorkerOptions> = {}): CalendarOutboxWorker {
  return new CalendarOutboxWorker({
    db,
    calendar: sender.calendar,
    gate: sender.gate,
    log: createLogger('silent'),
    link: (e) => `https://sl.example/tabs/?event=${e.id}`,
    maxConcurrency: sender.gate.limit,
    pollMs: 20,
    requestTimeoutMs: 2000,
    backoffBaseMs: 10,
    backoffMaxMs: 200,
    ...overrides,
  });
}

/** A fresh SQLite database file (migrated) and a stand-in. */
export type CalendarFixture = { db: DataSource; dbPath: string; graph: LocalGraphServer; close: () => Promise<void> };

/** Opens a migrated SQLite database in a temp folder and starts the Graph stand-in. */
export async function calendarFixture(graphOptions: LocalGraphOptions = {}): Promise<CalendarFixture> {
  const dbPath = path.join(tempDir('sl-cal-'), 'cal.sqlite');
  const db = await openDatabase({ type: 'sqlite', path: dbPath });
  const graph = await startLocalGraphServer({ tenantDomains: ['board.example'], clientSecret: SECRET, latencyMs: 1, ...graphOptions });
  return {
    db,
    dbPath,
    graph,
    close: async () => {
      await graph.close();
      await db.destroy();
    },
  };
}

/** @returns event props for test n (one in-tenant and one external attendee) */
export function eventProps(n: number, attendees = 2): ScheduleCalendarEventProps {
  const start = new Date(Date.UTC(2026, 11, 1 + (n % 20), 10, 0));
  return {
    kind: 'panel',
    sourceId: `panel-${n}`,
    subject: `Panel meeting ${n}`,
    agenda: 'Review of learning\nActions',
    start,
    end: new Date(start.getTime() + 90 * 60_000),
    location: 'Room 1',
    attendees: Array.from({ length: attendees }, (_, i) => ({ email: i % 2 ? `partner${i}@partner.example` : `member${i}@board.example`, name: `Member ${i}` })),
  };
}

/** Schedules n events in one transaction. @returns their ids */
export async function scheduleMany(db: DataSource, n: number, attendees = 2): Promise<number[]> {
  return db.transaction(async (em) => {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      ids.push((await scheduleCalendarEvent(em, eventProps(i, attendees))).id);
    }
    return ids;
  });
}

/** @returns outbox counts by status */
export function outboxCounts(db: DataSource) {
  return new CalendarOutboxRepository(db).countByStatus();
}

/**
 * Runs workers' rounds until nothing is pending or in flight (bounded).
 * @returns how many rounds it took
 */
export async function drain(db: DataSource, workers: CalendarOutboxWorker[], maxRounds = 500): Promise<number> {
  for (let round = 1; round <= maxRounds; round++) {
    const handled = await Promise.all(workers.map((w) => w.runOnce()));
    const c = await outboxCounts(db);
    if (c.pending === 0 && c.in_flight === 0) {
      return round;
    }
    if (handled.every((h) => h === 0)) {
      await new Promise((r) => setTimeout(r, 15));
    }
  }
  throw new Error(`outbox not drained after ${maxRounds} rounds: ${JSON.stringify(await outboxCounts(db))}`);
}
