import { randomBytes } from 'node:crypto';
import os from 'node:os';

import type { DataSource } from 'typeorm';

import { ReminderRepository, type ReminderRow } from '../../data/repositories/reminder.repository';
import type { Logger } from '../../logging/logger';
import { type BatchContext, loadBatchContext, type Target, toMessage } from './batch-context';
import { DeliveryFailure, type ReminderSender } from './ports';
import { LimiterClosedError, RateLimiter, type RateLimits, type Release } from './rate-limiter';
import { MUTED } from './preferences';
import { classifyFailure, retryDelayMs, type RetrySettings } from './retry-policy';
import { Semaphore } from './semaphore';

/** How the worker paces itself (configuration). */
export type ReminderWorkerSettings = {
  /** how often to look for due reminders when there were none */
  pollMs: number;
  /** most rows one instance holds at a time (claimed, waiting for the rate limit, or in flight) */
  batchSize: number;
  /** how long a claim lasts; a dead worker's rows are taken over after it (> sendTimeoutMs) */
  leaseMs: number;
  /** the connector request is abandoned after this long */
  sendTimeoutMs: number;
  /** most connector requests in flight at once from this instance */
  maxInFlight: number;
  retry: RetrySettings;
  limits: RateLimits;
};

/** Counters since start. */
export type ReminderWorkerStats = {
  claimed: number;
  sent: number;
  retried: number;
  undeliverable: number;
  failed: number;
  cancelled: number;
  snoozed: number;
  skipped: number;
  leaseLost: number;
};

type Batch = BatchContext & { token: string; claimedAt: number };

/**
 * Sends due reminders. Several instances can share one database: each claims rows with a lease in
 * one atomic UPDATE, confirms its claim just before sending, and records `sent` after the
 * connector answers. Retries are rows back in `pending` with a later `next_attempt_at`, so they
 * survive restarts. See README "Reminders" for the exactly-once window.
 */
export class ReminderWorker {
  readonly instanceId: string;
  readonly stats: ReminderWorkerStats = {
    claimed: 0, sent: 0, retried: 0, undeliverable: 0, failed: 0, cancelled: 0, snoozed: 0, skipped: 0, leaseLost: 0,
  };
  private readonly repo: ReminderRepository;
  private readonly limiter: RateLimiter;
  private readonly slots: Semaphore;
  private readonly active = new Set<Promise<void>>();
  private claims = 0;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: () => void = () => undefined;

  constructor(
    private readonly deps: {
      db: DataSource;
      log: Logger;
      send: ReminderSender;
      settings: ReminderWorkerSettings;
      random?: () => number;
    }
  ) {
    this.instanceId = `${os.hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.repo = new ReminderRepository(deps.db);
    this.limiter = new RateLimiter(deps.settings.limits);
    this.slots = new Semaphore(deps.settings.maxInFlight);
  }

  /** Starts the claim loop (once). */
  start(): void {
    this.running ??= this.loop().catch((err: unknown) =>
      this.deps.log.error('reminder worker stopped unexpectedly', { err: errName(err) })
    );
  }

  /**
   * Stops claiming, hands rows still waiting for the rate limit back to `pending`, and waits for
   * sends already in flight to be recorded.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.limiter.close();
    this.wake();
    await this.running;
    await Promise.allSettled([...this.active]);
    this.deps.log.info('reminder worker stopped', { ...this.stats });
  }

  private async loop(): Promise<void> {
    const { batchSize, pollMs } = this.deps.settings;
    while (!this.stopping) {
      const room = batchSize - this.active.size;
      if (room >= Math.ceil(batchSize / 2)) {
        const rows = await this.claim(room);
        if (rows.length === room) {
          continue;
        }
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async claim(room: number): Promise<ReminderRow[]> {
    const token = `${this.instanceId}:${++this.claims}`;
    const now = Date.now();
    let rows: ReminderRow[];
    let batch: Batch;
    try {
      rows = await this.repo.claim(token, new Date(now), new Date(now + this.deps.settings.leaseMs), room);
      batch = { token, claimedAt: now, ...(await loadBatchContext(this.deps.db, rows, now)) };
    } catch (err) {
      this.deps.log.warn('reminder claim failed; will try again', { err: errName(err) });
      return [];
    }
    this.stats.claimed += rows.length;
    for (const row of rows) {
      const p: Promise<void> = this.process(row, batch)
        .catch((err: unknown) => this.deps.log.warn('reminder attempt not recorded; its lease will expire', {
          reminderId: row.id,
          err: errName(err),
        }))
        .finally(() => {
          this.active.delete(p);
          this.wake();
        });
      this.active.add(p);
    }
    return rows;
  }

  private async process(row: ReminderRow, batch: Batch): Promise<void> {
    const { token } = batch;
    const pref = row.recipientAad ? `${row.recipientAad}|${row.kind}` : '';
    if (batch.muted.has(pref)) {
      this.stats.cancelled += 1;
      await this.repo.release(row.id, token, { status: 'cancelled', lastError: MUTED });
      return;
    }
    const until = batch.snoozed.get(pref);
    if (until) {
      this.stats.snoozed += 1;
      await this.repo.release(row.id, token, { status: 'pending', nextAttemptAt: until, lastError: null, refundAttempt: true });
      return;
    }
    const target = batch.targets.get(row.recipientAad ? `u:${row.recipientAad}` : `c:${row.recipientConversationId}`);
    if (!target) {
      await this.undeliverable(row, token, 'not installed');
      return;
    }
    let release: Release;
    try {
      release = await this.limiter.acquire(target.conversationId, target.tenantId);
    } catch (err) {
      if (err instanceof LimiterClosedError) {
        await this.repo.release(row.id, token, { status: 'pending', nextAttemptAt: new Date(), lastError: null, refundAttempt: true });
        return;
      }
      throw err;
    }
    // The rate-limit slot is taken first, so a request waiting for its conversation's window
    // never holds an in-flight slot that other conversations could use.
    const leave = await this.slots.enter();
    try {
      await this.attempt(row, batch, target);
    } finally {
      leave();
      release();
    }
  }

  /**
   * Sends one claimed row. A row that waited (for the rate limit) is first confirmed in the
   * database, which also renews its lease: if it was cancelled or taken over meanwhile it is
   * skipped. A row sent right after its claim needs no second write.
   */
  private async attempt(row: ReminderRow, batch: Batch, target: Target): Promise<void> {
    const { leaseMs, sendTimeoutMs } = this.deps.settings;
    const token = batch.token;
    // Sent this soon after the claim, at least sendTimeoutMs of the lease is left for the send.
    const confirmAfter = Math.min(1000, (leaseMs - sendTimeoutMs) / 2);
    const waited = Date.now() - batch.claimedAt > confirmAfter;
    if (waited && !(await this.repo.confirm(row.id, token, new Date(Date.now() + leaseMs)))) {
      this.stats.skipped += 1;
      return;
    }
    let result: 'sent' | 'not_installed';
    try {
      result = await this.deps.send(toMessage(row), { timeoutMs: sendTimeoutMs });
    } catch (err) {
      await this.failed(row, token, target, err);
      return;
    }
    if (result === 'not_installed') {
      await this.undeliverable(row, token, 'not installed');
      return;
    }
    await this.recordSent(row, token);
  }

  /** Records the send, retrying the write a few times: a send not recorded may go out again. */
  private async recordSent(row: ReminderRow, token: string): Promise<void> {
    for (let i = 0; ; i++) {
      try {
        if (await this.repo.markSent(row.id, token, new Date())) {
          this.stats.sent += 1;
        } else {
          this.stats.leaseLost += 1;
          this.deps.log.warn('reminder sent after its lease was lost; it may be sent twice', { reminderId: row.id });
        }
        return;
      } catch (err) {
        if (i >= 3) {
          throw err;
        }
        await new Promise((r) => setTimeout(r, 50 * 2 ** i));
      }
    }
  }

  private async failed(row: ReminderRow, token: string, target: Target, err: unknown): Promise<void> {
    const decision = classifyFailure(err);
    if (decision.action === 'undeliverable') {
      await this.undeliverable(row, token, decision.reason);
      return;
    }
    const { retry } = this.deps.settings;
    if (decision.action === 'failed' || row.attempts >= retry.maxAttempts) {
      this.stats.failed += 1;
      await this.repo.release(row.id, token, { status: 'failed', lastError: decision.reason });
      return;
    }
    const delay = retryDelayMs(row.attempts, decision.retryAfterMs, retry, (this.deps.random ?? Math.random)());
    if (err instanceof DeliveryFailure && err.httpStatus === 429) {
      this.limiter.pauseConversation(target.conversationId, delay);
    }
    this.stats.retried += 1;
    this.deps.log.info('reminder send will be retried', { reminderId: row.id, reason: decision.reason, delayMs: delay });
    await this.repo.release(row.id, token, {
      status: 'pending',
      nextAttemptAt: new Date(Date.now() + delay),
      lastError: decision.reason,
    });
  }

  private async undeliverable(row: ReminderRow, token: string, reason: string): Promise<void> {
    this.stats.undeliverable += 1;
    await this.repo.release(row.id, token, { status: 'undeliverable', lastError: reason });
  }
}

function errName(err: unknown): string {
  return err instanceof Error ? err.name : String(err);
}

