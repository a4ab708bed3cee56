import type { DataSource, EntityManager } from 'typeorm';

import { ReminderRepository, type NewReminderRow } from '../../data/repositories/reminder.repository';
import { ValidationError } from '../../errors';
import { type ReminderItem, ReminderItemSchema, type ReminderKind } from './types';

/** What a schedule change did. */
export type ScheduleResult = {
  /** new rows */
  created: number;
  /** rows that existed (cancelled, or pending with another time or payload) and are due again */
  reopened: number;
  /** items whose reminder already existed as asked, or was already sent */
  unchanged: number;
  /** open rows of the subject that the new schedule no longer has */
  cancelled: number;
};

/** Which reminders a reschedule or cancel touches: a subject, optionally only some kinds. */
export type SubjectRef = { subjectType: string; subjectId: string | number; kinds?: ReminderKind[] };

type Db = DataSource | EntityManager;

/**
 * Stores reminders, once per dedupe key: scheduling the same items twice creates one row each.
 * A cancelled, never-sent reminder with the same key is re-opened. Pass the caller's transaction
 * manager so the reminders commit with the change they belong to.
 * @param em the caller's EntityManager (or the DataSource: then it runs in its own transaction)
 * @param items reminders from the schedule functions (`panelMeetingReminders`, …)
 * @returns counts of what changed
 * @throws ValidationError when an item is malformed (e.g. a payload field that is not allowed)
 */
export async function scheduleReminders(em: Db, items: ReminderItem[]): Promise<ScheduleResult> {
  const byKey = new Map(validate(items).map((i) => [i.dedupeKey, i]));
  if (byKey.size === 0) {
    return { created: 0, reopened: 0, unchanged: 0, cancelled: 0 };
  }
  return inTransaction(em, async (tx) => {
    const repo = new ReminderRepository(tx);
    const now = new Date();
    const existing = new Map((await repo.findByDedupeKeys([...byKey.keys()])).map((r) => [r.dedupeKey, r]));
    const fresh: NewReminderRow[] = [];
    let reopened = 0;
    for (const item of byKey.values()) {
      const row = existing.get(item.dedupeKey);
      if (!row) {
        fresh.push(toRow(item));
        continue;
      }
      const changed =
        row.dueAt.getTime() !== item.dueAt.getTime() ||
        JSON.stringify(row.payload) !== JSON.stringify(item.payload);
      if ((row.status === 'cancelled' && !row.sentAt) || (row.status === 'pending' && changed)) {
        await repo.reopen(row.id, item.dueAt, item.payload);
        reopened += 1;
      }
    }
    await repo.insertIgnoringDuplicates(fresh, now);
    return { created: fresh.length, reopened, unchanged: byKey.size - fresh.length - reopened, cancelled: 0 };
  });
}

/**
 * Replaces a subject's schedule: its open reminders that are not in the new set are cancelled
 * (e.g. the 7-days-before reminder of the old meeting date) and the new ones are added.
 * @param em the caller's EntityManager (or the DataSource)
 * @param subject whose reminders; `kinds` limits it (e.g. only `statutory_clock` of a review)
 * @param items the subject's complete new set of reminders
 * @returns counts of what changed
 * @throws ValidationError when an item belongs to another subject or kind, or is malformed
 */
export async function rescheduleSubject(em: Db, subject: SubjectRef, items: ReminderItem[]): Promise<ScheduleResult> {
  const subjectId = String(subject.subjectId);
  const stray = items.find(
    (i) =>
      i.subjectType !== subject.subjectType ||
      i.subjectId !== subjectId ||
      (subject.kinds !== undefined && !subject.kinds.includes(i.kind))
  );
  if (stray) {
    throw new ValidationError(`Reminder ${stray.dedupeKey} does not belong to ${subject.subjectType} ${subjectId}`);
  }
  return inTransaction(em, async (tx) => {
    const keep = new Set(items.map((i) => i.dedupeKey));
    const open = await new ReminderRepository(tx).findOpenForSubject(subject.subjectType, subjectId, subject.kinds);
    const stale = open.filter((r) => !keep.has(r.dedupeKey)).map((r) => r.id);
    const cancelled = await new ReminderRepository(tx).cancel(stale, 'rescheduled');
    const result = await scheduleReminders(tx, items);
    return { ...result, cancelled };
  });
}

/**
 * Cancels a subject's open reminders (the action is done, the meeting is called off).
 * @returns how many were cancelled
 */
export async function cancelSubject(em: Db, subject: SubjectRef): Promise<number> {
  return inTransaction(em, async (tx) => {
    const repo = new ReminderRepository(tx);
    const open = await repo.findOpenForSubject(subject.subjectType, String(subject.subjectId), subject.kinds);
    return repo.cancel(
      open.map((r) => r.id),
      'cancelled'
    );
  });
}

function validate(items: ReminderItem[]): ReminderItem[] {
  items.forEach((item, i) => {
    const parsed = ReminderItemSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ValidationError(`Reminder ${i} is not valid: ${issue?.path.join('.')}: ${issue?.message}`);
    }
  });
  return items;
}

function toRow(item: ReminderItem): NewReminderRow {
  return {
    kind: item.kind,
    recipientAad: 'aad' in item.recipient ? item.recipient.aad : null,
    recipientConversationId: 'conversationId' in item.recipient ? item.recipient.conversationId : null,
    subjectType: item.subjectType,
    subjectId: item.subjectId,
    dueAt: item.dueAt,
    nextAttemptAt: item.dueAt,
    payload: item.payload,
    dedupeKey: item.dedupeKey,
  };
}

/** Runs in the caller's open transaction, or starts one. */
export function inTransaction<T>(db: Db, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  const runner = 'queryRunner' in db ? db.queryRunner : undefined;
  if (runner?.isTransactionActive) {
    return fn(db as EntityManager);
  }
  return db.transaction(fn);
}
