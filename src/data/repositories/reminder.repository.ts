import { type DataSource, type EntityManager, In, IsNull, LessThan } from 'typeorm';

import { ConversationRef } from '../entities/conversation-ref.entity';
import { Reminder } from '../entities/reminder.entity';

/** A reminder row as stored. */
export type ReminderRow = Reminder;

/** A new reminder to insert. */
export type NewReminderRow = Omit<
  Reminder,
  'id' | 'status' | 'attempts' | 'leaseOwner' | 'leaseUntil' | 'sentAt' | 'lastError' | 'createdAt'
>;

/** Where a claimed row goes when its attempt ends without a send. */
export type ReleaseTo =
  | { status: 'pending'; nextAttemptAt: Date; lastError: string | null; refundAttempt?: boolean }
  | { status: 'undeliverable' | 'failed' | 'cancelled'; lastError: string };

/** Statuses a schedule change may still cancel. */
const OPEN = ['pending', 'sending'];
/** Keys per IN (...) list: well under SQL Server's 2,100 parameters. */
const CHUNK = 500;

/** Reminder rows: idempotent inserts, the worker's lease protocol and schedule changes. */
export class ReminderRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get repo() {
    return this.db.getRepository(Reminder);
  }

  /** @returns the rows with these dedupe keys */
  async findByDedupeKeys(keys: string[]): Promise<Reminder[]> {
    const rows: Reminder[] = [];
    for (let i = 0; i < keys.length; i += CHUNK) {
      rows.push(...(await this.repo.find({ where: { dedupeKey: In(keys.slice(i, i + CHUNK)) } })));
    }
    return rows;
  }

  /** Inserts rows, skipping any whose dedupe key already exists (a concurrent scheduler's). */
  async insertIgnoringDuplicates(rows: NewReminderRow[], now: Date): Promise<void> {
    for (let i = 0; i < rows.length; i += 100) {
      const values = rows.slice(i, i + 100).map((r) => ({
        ...r,
        status: 'pending',
        attempts: 0,
        leaseOwner: null,
        leaseUntil: null,
        sentAt: null,
        lastError: null,
        createdAt: now,
      }));
      await this.repo.createQueryBuilder().insert().into(Reminder).values(values).orIgnore().execute();
    }
  }

  /** Makes a not-yet-sent row due again at a (possibly new) time, with a new payload. */
  async reopen(id: number, dueAt: Date, payload: Record<string, string>): Promise<void> {
    await this.repo.update(
      { id, status: In(['pending', 'cancelled']) },
      { status: 'pending', dueAt, nextAttemptAt: dueAt, payload, lastError: null }
    );
  }

  /** @returns the open (pending or sending) rows of a subject, optionally of some kinds only */
  async findOpenForSubject(subjectType: string, subjectId: string, kinds?: string[]): Promise<Reminder[]> {
    return this.repo.find({
      where: { subjectType, subjectId, status: In(OPEN), ...(kinds ? { kind: In(kinds) } : {}) },
    });
  }

  /** Cancels rows by id when they are still open. @returns how many were cancelled */
  async cancel(ids: number[], reason: string): Promise<number> {
    let count = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const res = await this.repo.update(
        { id: In(ids.slice(i, i + CHUNK)), status: In(OPEN) },
        { status: 'cancelled', lastError: reason, leaseOwner: null, leaseUntil: null }
      );
      count += res.affected ?? 0;
    }
    return count;
  }

  /**
   * Claims up to `batch` due rows in one atomic UPDATE: pending rows whose time has come, and rows
   * left `sending` by a worker whose lease ran out (it died). The state test is repeated outside
   * the sub-select so that on SQL Server a row another worker claimed meanwhile no longer matches.
   * @param token unique to this claim; the rows are read back by it
   * @returns the claimed rows
   */
  async claim(token: string, now: Date, leaseUntil: Date, batch: number): Promise<Reminder[]> {
    const claimable =
      '((status = :pending AND next_attempt_at <= :now) OR (status = :sending AND lease_until < :now))';
    const params = { pending: 'pending', sending: 'sending', now };
    const due = this.repo
      .createQueryBuilder('r')
      .select('r.id')
      .where(claimable.replace(/\b(status|next_attempt_at|lease_until)\b/g, 'r.$1'), params)
      .orderBy('r.next_attempt_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(batch);
    await this.repo
      .createQueryBuilder()
      .update(Reminder)
      .set({ status: 'sending', leaseOwner: token, leaseUntil, attempts: () => 'attempts + 1' })
      .where(`id IN (${due.getQuery()})`)
      .andWhere(claimable)
      .setParameters({ ...params, ...due.getParameters() })
      .execute();
    return this.repo.find({ where: { leaseOwner: token, status: 'sending' }, order: { id: 'ASC' } });
  }

  /**
   * Confirms a claim just before sending and extends its lease.
   * @returns false when the row was cancelled or another worker took it over
   */
  async confirm(id: number, token: string, leaseUntil: Date): Promise<boolean> {
    const res = await this.repo.update({ id, leaseOwner: token, status: 'sending' }, { leaseUntil });
    return (res.affected ?? 0) > 0;
  }

  /**
   * Records a send the connector accepted (whatever the row's status, so a reminder cancelled
   * while in flight still shows that it went). `lease_owner` stays, naming the claim that sent it.
   * @returns false when the lease had been lost (another worker may send it again)
   */
  async markSent(id: number, token: string, sentAt: Date): Promise<boolean> {
    const res = await this.repo.update(
      { id, leaseOwner: token },
      { status: 'sent', sentAt, leaseUntil: null, lastError: null }
    );
    return (res.affected ?? 0) > 0;
  }

  /** Ends a claim without a send: back to pending (retry, snooze) or to a final status. */
  async release(id: number, token: string, to: ReleaseTo): Promise<boolean> {
    const base = { leaseOwner: null, leaseUntil: null, lastError: to.lastError };
    const set =
      to.status === 'pending'
        ? {
            ...base,
            status: 'pending',
            nextAttemptAt: to.nextAttemptAt,
            ...(to.refundAttempt ? { attempts: () => 'attempts - 1' } : {}),
          }
        : { ...base, status: to.status };
    const res = await this.repo
      .createQueryBuilder()
      .update(Reminder)
      .set(set)
      .where('id = :id AND lease_owner = :token AND status = :sending', { id, token, sending: 'sending' })
      .execute();
    return (res.affected ?? 0) > 0;
  }

  /** Moves a person's pending reminders of a kind that are due before `until` to `until`. */
  async defer(aad: string, kind: string, until: Date): Promise<number> {
    const res = await this.repo.update(
      { recipientAad: aad, kind, status: 'pending', nextAttemptAt: LessThan(until) },
      { nextAttemptAt: until }
    );
    return res.affected ?? 0;
  }

  /** Cancels a person's pending reminders of a kind (they muted it). */
  async cancelForRecipient(aad: string, kind: string, reason: string): Promise<number> {
    const res = await this.repo.update(
      { recipientAad: aad, kind, status: 'pending' },
      { status: 'cancelled', lastError: reason }
    );
    return res.affected ?? 0;
  }

  /** Re-opens a person's reminders of a kind that muting cancelled and that are still to come. */
  async reopenMuted(aad: string, kind: string, reason: string, now: Date): Promise<number> {
    const rows = await this.repo.find({
      where: { recipientAad: aad, kind, status: 'cancelled', lastError: reason, sentAt: IsNull() },
    });
    const future = rows.filter((r) => r.dueAt > now);
    for (const r of future) {
      await this.repo.update(
        { id: r.id, status: 'cancelled' },
        { status: 'pending', nextAttemptAt: r.dueAt, lastError: null }
      );
    }
    return future.length;
  }

  /** @returns one row, or null */
  async findById(id: number): Promise<Reminder | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** @returns rows with a status, earliest due first, and how many there are */
  async listByStatus(status: string, limit: number): Promise<{ rows: Reminder[]; total: number }> {
    const [rows, total] = await this.repo.findAndCount({
      where: { status },
      order: { dueAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    return { rows, total };
  }

  /** Puts an undeliverable or failed row back in the queue, due now. @returns whether it was */
  async requeue(id: number, now: Date): Promise<boolean> {
    const res = await this.repo.update(
      { id, status: In(['undeliverable', 'failed']) },
      { status: 'pending', nextAttemptAt: now, attempts: 0, lastError: null }
    );
    return (res.affected ?? 0) > 0;
  }

  /**
   * Finds where the bot can reach these people (their personal chats) and conversations.
   * @returns `u:<aad>` / `c:<conversation id>` → the conversation id and tenant (for rate limits)
   */
  async findTargets(
    aads: string[],
    conversationIds: string[]
  ): Promise<Map<string, { conversationId: string; tenantId: string }>> {
    const refs = this.db.getRepository(ConversationRef);
    const found = new Map<string, { conversationId: string; tenantId: string }>();
    for (let i = 0; i < aads.length; i += CHUNK) {
      const rows = await refs.find({
        where: { aadObjectId: In(aads.slice(i, i + CHUNK)), conversationType: 'personal' },
        order: { updatedAt: 'ASC' },
      });
      // Ascending, so the most recently used personal chat of a person wins.
      rows.forEach((r) => found.set(`u:${r.aadObjectId}`, { conversationId: r.conversationId, tenantId: r.tenantId ?? '' }));
    }
    for (let i = 0; i < conversationIds.length; i += CHUNK) {
      const rows = await refs.find({ where: { conversationId: In(conversationIds.slice(i, i + CHUNK)) } });
      rows.forEach((r) => found.set(`c:${r.conversationId}`, { conversationId: r.conversationId, tenantId: r.tenantId ?? '' }));
    }
    return found;
  }

  /** Inserts one row (a snoozed reminder's repeat), ignoring a duplicate key. */
  async insertOne(row: NewReminderRow, now: Date): Promise<void> {
    await this.insertIgnoringDuplicates([row], now);
  }
}
