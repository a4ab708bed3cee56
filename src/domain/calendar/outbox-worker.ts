import { randomBytes } from 'node:crypto';
import os from 'node:os';

import type { DataSource } from 'typeorm';

import type { CalendarEvent } from '../../data/entities/calendar-event.entity';
import type { CalendarOutboxItem } from '../../data/entities/calendar-outbox-item.entity';
import { CalendarEventRepository } from '../../data/repositories/calendar-event.repository';
import { CalendarOutboxRepository } from '../../data/repositories/calendar-outbox.repository';
import { writeTransaction } from '../../data/write-transaction';
import type { GraphCalendarClient } from '../../graph/calendar';
import type { MailboxGate } from '../../graph/mailbox-gate';
import type { Logger } from '../../logging/logger';
import { MAX_BATCH, planItem, sendPlanned, type Outcome, type Planned } from './outbox-send';

/** How the worker is wired and paced. */
export type OutboxWorkerOptions = {
  db: DataSource;
  calendar: GraphCalendarClient;
  gate: MailboxGate;
  log: Logger;
  /** the link back to the app for an event's invitation */
  link: (event: CalendarEvent) => string;
  /** most requests in flight to the organiser mailbox (≤ 4) */
  maxConcurrency: number;
  /** pause between looks at the outbox when there was nothing to do */
  pollMs: number;
  /** Graph request time-out; leases are made comfortably longer */
  requestTimeoutMs: number;
  /** unique per process (default host:pid:random) */
  workerId?: string;
  /** how long a claim holds (default 4 × the request time-out) */
  leaseMs?: number;
  /** first retry delay; doubles each attempt up to `backoffMaxMs` (defaults 1 s, 5 min) */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** attempts before a retryable failure becomes a visible failure (default 12) */
  maxAttempts?: number;
  /** [0,1) source for jitter (tests) */
  random?: () => number;
  /** use `$batch` when more items than this are due at once (default `maxConcurrency`) */
  batchAbove?: number;
  /** turns other features' intents into outbox items before each round (e.g. focus-group seats) */
  feed?: () => Promise<number>;
};

/** Items claimed in one round, with their events. */
export type ClaimedRound = { leaseOwner: string; items: CalendarOutboxItem[]; events: Map<number, CalendarEvent> };

/**
 * Sends the calendar outbox to Graph. Each round claims due items under a lease (at most one per
 * event, in id order), sends them (batched when many), and records the outcomes in one
 * transaction. A crash after sending and before recording leaves the items in flight; once the
 * lease runs out any instance sends them again with the same `transactionId`, and Graph returns
 * the event it already created instead of creating another.
 */
export class CalendarOutboxWorker {
  readonly workerId: string;
  private readonly outbox: CalendarOutboxRepository;
  private readonly leaseMs: number;
  private round = 0;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp?: () => void;
  /** counts for logs, tests and the benchmark */
  readonly counts = { rounds: 0, sent: 0, retried: 0, failed: 0, lostLeases: 0 };

  constructor(private readonly o: OutboxWorkerOptions) {
    this.workerId = o.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.outbox = new CalendarOutboxRepository(o.db);
    this.leaseMs = o.leaseMs ?? o.requestTimeoutMs * 4;
  }

  /** Starts polling the outbox. */
  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops after the round in progress has been recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loopDone;
  }

  /** Looks at the outbox now instead of at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Runs one claim–send–record round. @returns how many items it handled */
  async runOnce(): Promise<number> {
    await this.o.feed?.().catch((err: unknown) => {
      this.o.log.error('calendar intents could not be turned into outbox items', { err: err instanceof Error ? err.message : String(err) });
    });
    if (this.o.gate.pausedFor(this.o.calendar.organiser) > 0) {
      return 0;
    }
    const round = await this.claim();
    if (round.items.length === 0) {
      return 0;
    }
    await this.record(round, await this.send(round));
    return round.items.length;
  }

  /** Step 1: claims due items (enough for every free place to carry a full batch). */
  async claim(): Promise<ClaimedRound> {
    this.round += 1;
    const leaseOwner = `${this.workerId}#${this.round}`.slice(0, 100);
    const items = await this.outbox.claimDue(leaseOwner, this.o.maxConcurrency * MAX_BATCH, this.leaseMs);
    const events = new Map((await new CalendarEventRepository(this.o.db).getMany([...new Set(items.map((i) => i.calendarEventId))])).map((e) => [e.id, e]));
    return { leaseOwner, items, events };
  }

  /** Step 2: sends the claimed items to Graph. @returns each item's outcome */
  async send(round: ClaimedRound): Promise<Map<number, Outcome>> {
    const outcomes = new Map<number, Outcome>();
    const planned: Planned[] = [];
    for (const item of round.items) {
      const event = round.events.get(item.calendarEventId);
      const plan = planItem(this.o.calendar, item, event, event ? this.o.link(event) : '');
      if ('kind' in plan) {
        outcomes.set(item.id, plan);
      } else {
        planned.push({ item, call: plan });
      }
    }
    // Never wait on a Graph pause past the lease: the item would be sent after another instance may have taken it.
    const maxWaitMs = Math.max(0, this.leaseMs - 2 * this.o.requestTimeoutMs);
    for (const [id, outcome] of await sendPlanned(this.o.calendar, planned, this.o.batchAbove ?? this.o.maxConcurrency, maxWaitMs)) {
      outcomes.set(id, outcome);
    }
    return outcomes;
  }

  /** Step 3: records the outcomes and what Graph created, in one transaction. */
  async record(round: ClaimedRound, outcomes: Map<number, Outcome>): Promise<void> {
    // One jitter draw per round: items that failed together retry together (and batch again);
    // jitter is there to keep separate instances apart.
    const jitter = (this.o.random ?? Math.random)();
    await writeTransaction(this.o.db, async (em) => {
      const outbox = new CalendarOutboxRepository(em);
      const events = new CalendarEventRepository(em);
      for (const item of round.items) {
        const outcome = outcomes.get(item.id) ?? { kind: 'retry', error: 'no outcome', refund: true };
        let kept: boolean;
        if (outcome.kind === 'sent') {
          kept = await outbox.markSent(item.id, round.leaseOwner);
          if (kept && outcome.created) {
            await events.recordCreated(item.calendarEventId, outcome.created.id, outcome.created.joinUrl);
          }
        } else if (outcome.kind === 'failed' || this.givesUp(item, outcome)) {
          const error = outcome.kind === 'failed' ? outcome.error : `Gave up after ${item.attempts} attempts: ${outcome.error}`;
          kept = await outbox.markFailed(item.id, round.leaseOwner, error);
        } else {
          kept = await outbox.reschedule(item.id, round.leaseOwner, this.nextAttempt(item, outcome, jitter), outcome.error, outcome.refund);
        }
        this.note(item, outcome, kept);
      }
    });
    this.counts.rounds += 1;
  }

  private givesUp(item: CalendarOutboxItem, outcome: Extract<Outcome, { kind: 'retry' }>): boolean {
    return !outcome.refund && item.attempts >= (this.o.maxAttempts ?? 12);
  }

  /** @returns when to try again: after Graph's Retry-After and at least the back-off (exponential, half jittered) */
  private nextAttempt(item: CalendarOutboxItem, outcome: Extract<Outcome, { kind: 'retry' }>, jitter: number): Date {
    const base = this.o.backoffBaseMs ?? 1000;
    const exp = Math.min(this.o.backoffMaxMs ?? 300_000, base * 2 ** Math.max(0, item.attempts - 1));
    const jittered = outcome.refund ? 0 : exp / 2 + jitter * (exp / 2);
    return new Date(Date.now() + Math.max(outcome.retryAfterMs ?? 0, jittered));
  }

  private note(item: CalendarOutboxItem, outcome: Outcome, kept: boolean): void {
    const at = { outboxId: item.id, calendarEventId: item.calendarEventId, operation: item.operation, attempts: item.attempts };
    if (!kept) {
      this.counts.lostLeases += 1;
      this.o.log.warn('calendar outbox lease lost before recording; another sender owns the item', at);
      return;
    }
    if (outcome.kind === 'sent') {
      this.counts.sent += 1;
      if (outcome.created && !outcome.created.joinUrl) {
        this.o.log.warn('Graph created the event without a Teams meeting link; flagged for the business unit', at);
      }
    } else if (outcome.kind === 'failed' || this.givesUp(item, outcome)) {
      this.counts.failed += 1;
      this.o.log.error('calendar change failed for good; visible in the outbox admin view', { ...at, error: outcome.error });
    } else {
      this.counts.retried += 1;
      this.o.log.info('calendar change will be retried', { ...at, error: outcome.error, retryAfterMs: outcome.retryAfterMs });
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.runOnce();
      } catch (err) {
        this.o.log.error('calendar outbox round failed', { err: err instanceof Error ? err.message : String(err) });
      }
      if (handled === 0 && this.running) {
        const pause = this.o.gate.pausedFor(this.o.calendar.organiser);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pause > 0 ? pause : this.o.pollMs);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = undefined;
      }
    }
  }
}
