import type { DataSource, EntityManager } from 'typeorm';

import { ReminderPreferenceRepository } from '../../data/repositories/reminder-preference.repository';
import { ReminderRepository } from '../../data/repositories/reminder.repository';
import { inTransaction } from './schedule-reminders';
import type { ReminderKind } from './types';

type Db = DataSource | EntityManager;

/** `last_error` of reminders cancelled because their kind was muted (unmuting re-opens them). */
export const MUTED = 'muted';

/**
 * Snoozes a kind of reminder for a person: their pending reminders of that kind due before
 * `until` wait until then, and so do any that come due later while the snooze lasts.
 * @returns how many pending reminders moved
 */
export async function snooze(db: Db, aad: string, kind: ReminderKind, until: Date): Promise<number> {
  return inTransaction(db, async (em) => {
    await new ReminderPreferenceRepository(em).set(aad, kind, { snoozedUntil: until }, new Date());
    return new ReminderRepository(em).defer(aad, kind, until);
  });
}

/**
 * Mutes a kind of reminder for a person: their pending reminders of that kind are cancelled and
 * new ones are cancelled when they come due.
 * @returns how many pending reminders were cancelled
 */
export async function mute(db: Db, aad: string, kind: ReminderKind): Promise<number> {
  return inTransaction(db, async (em) => {
    await new ReminderPreferenceRepository(em).set(aad, kind, { muted: true }, new Date());
    return new ReminderRepository(em).cancelForRecipient(aad, kind, MUTED);
  });
}

/**
 * Unmutes a kind: reminders that muting cancelled and that are still to come are due again.
 * @param now reminders due before this stay cancelled
 * @returns how many were re-opened
 */
export async function unmute(db: Db, aad: string, kind: ReminderKind, now = new Date()): Promise<number> {
  return inTransaction(db, async (em) => {    await new ReminderPreferenceRepository(em).set(aad, kind, { muted: false }, now);
    return new ReminderRepository(em).reopenMuted(aad, kind, MUTED, now);
  });
}
