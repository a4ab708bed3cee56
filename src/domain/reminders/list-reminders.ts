import type { DataSource } from 'typeorm';

import { PersonRepository } from '../../data/repositories/person.repository';
import { ReminderRepository, type ReminderRow } from '../../data/repositories/reminder.repository';
import { ConflictError, NotFoundError } from '../../errors';
import type { ReminderStatus } from './types';

/** A reminder row with the recipient's display name, for the business unit. */
export type ListedReminder = { row: ReminderRow; recipientName: string | null };

/**
 * Lists reminders with a status (e.g. `undeliverable`: people the bot cannot reach yet).
 * @param limit most rows returned, earliest due first
 * @returns the rows with recipients' names, and how many have that status
 */
export async function listReminders(
  db: DataSource,
  status: ReminderStatus,
  limit: number
): Promise<{ items: ListedReminder[]; total: number }> {
  const { rows, total } = await new ReminderRepository(db).listByStatus(status, limit);
  const people = new PersonRepository(db);
  const names = new Map<string, string | null>();
  for (const aad of new Set(rows.map((r) => r.recipientAad).filter((a): a is string => a !== null))) {
    names.set(aad, (await people.findByAadObjectId(aad))?.displayName ?? null);
  }
  return {
    items: rows.map((row) => ({ row, recipientName: row.recipientAad ? (names.get(row.recipientAad) ?? null) : null })),
    total,
  };
}

/**
 * Sends an undeliverable or failed reminder again (after the person installed the app).
 * @throws NotFoundError when there is no such reminder
 * @throws ConflictError when it is not undeliverable or failed
 */
export async function retryReminder(db: DataSource, id: number): Promise<void> {
  const repo = new ReminderRepository(db);
  if (await repo.requeue(id, new Date())) {
    return;
  }
  const row = await repo.findById(id);
  if (!row) {
    throw new NotFoundError('No such reminder');
  }
  throw new ConflictError(`The reminder is ${row.status}; only undeliverable or failed reminders can be retried`, {
    status: row.status,
  });
}
