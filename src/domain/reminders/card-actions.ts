import type { DataSource } from 'typeorm';

import { ReminderRepository } from '../../data/repositories/reminder.repository';
import { NotFoundError } from '../../errors';
import { addDays } from '../calendar/iso-date';
import { mute, snooze, unmute } from './preferences';
import { inTransaction } from './schedule-reminders';
import type { ReminderKind, ReminderPayload } from './types';
import { localDateOf, type LocalTime, zonedTimeToUtc } from '../time/zoned-time';

/** A reminder as its card shows it. */
export type ReminderCardSubject = { id: number; kind: ReminderKind; payload: ReminderPayload; toPerson: boolean };

/** What a card button did. */
export type ReminderCardOutcome =
  | { type: 'snoozed'; until: Date }
  | { type: 'muted' }
  | { type: 'unmuted' };

/** A button pressed on a reminder card by its recipient. */
export type ReminderCardAction =
  | { action: 'snooze'; days: number }
  | { action: 'mute' }
  | { action: 'unmute' };

/**
 * Applies a reminder card's button for the person it was sent to. Snoozing brings this reminder
 * back N days later at the local reminder time and holds that person's other reminders of the
 * kind until then; muting cancels their reminders of the kind; unmuting re-opens future ones.
 * @param db the database
 * @param clock the board's time zone and the local time reminders go out at
 * @param input which reminder, who pressed, and what
 * @returns the reminder (to redraw the card) and the outcome
 * @throws NotFoundError when the reminder does not exist or was not sent to this person
 */
export async function applyReminderCardAction(
  db: DataSource,
  clock: { timeZone: string; localTime: LocalTime },
  input: { reminderId: number; aad: string; now?: Date } & ReminderCardAction
): Promise<{ reminder: ReminderCardSubject; outcome: ReminderCardOutcome }> {
  const row = await new ReminderRepository(db).findById(input.reminderId);
  if (!row || row.recipientAad !== input.aad) {
    throw new NotFoundError('This reminder no longer exists or was not sent to you');
  }
  const kind = row.kind as ReminderKind;
  const reminder = { id: row.id, kind, payload: row.payload as ReminderPayload, toPerson: true };
  if (input.action === 'mute') {
    await mute(db, input.aad, kind);
    return { reminder, outcome: { type: 'muted' } };
  }
  if (input.action === 'unmute') {
    await unmute(db, input.aad, kind);
    return { reminder, outcome: { type: 'unmuted' } };
  }
  const now = input.now ?? new Date();
  const until = zonedTimeToUtc(addDays(localDateOf(now, clock.timeZone), input.days), clock.localTime, clock.timeZone);
  await inTransaction(db, async (em) => {
    await snooze(em, input.aad, kind, until);
    const base = row.dedupeKey.replace(/:again:[^:]*$/, '');
    await new ReminderRepository(em).insertOne(
      {
        kind: row.kind,
        recipientAad: row.recipientAad,
        recipientConversationId: null,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        dueAt: until,
        nextAttemptAt: until,
        payload: row.payload,
        dedupeKey: `${base}:again:${until.toISOString().slice(0, 16)}`,
      },
      now
    );
  });
  return { reminder, outcome: { type: 'snoozed', until } };
}
