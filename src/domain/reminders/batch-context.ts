import type { DataSource } from 'typeorm';

import { ReminderPreferenceRepository } from '../../data/repositories/reminder-preference.repository';
import { ReminderRepository, type ReminderRow } from '../../data/repositories/reminder.repository';
import type { ReminderMessage } from './ports';
import type { ReminderKind, ReminderPayload } from './types';

/** Where a claimed reminder goes: the conversation and tenant (the rate-limit keys). */
export type Target = { conversationId: string; tenantId: string };

/** What the worker looks up once per claimed batch. */
export type BatchContext = {
  /** `u:<aad>` / `c:<conversation id>` → where the bot can reach them */
  targets: Map<string, Target>;
  /** `<aad>|<kind>` muted by the person */
  muted: Set<string>;
  /** `<aad>|<kind>` → snoozed until */
  snoozed: Map<string, Date>;
};

/**
 * Loads, for one claimed batch, the recipients' conversations and their mute and snooze choices,
 * in a few queries rather than a few per reminder.
 * @param now snoozes ending before this are over
 */
export async function loadBatchContext(db: DataSource, rows: ReminderRow[], now: number): Promise<BatchContext> {
  const aads = [...new Set(rows.map((r) => r.recipientAad).filter((a): a is string => a !== null))];
  const convs = [...new Set(rows.map((r) => r.recipientConversationId).filter((c): c is string => c !== null))];
  const targets = await new ReminderRepository(db).findTargets(aads, convs);
  const muted = new Set<string>();
  const snoozed = new Map<string, Date>();
  for (const p of await new ReminderPreferenceRepository(db).findFor(aads)) {
    if (p.muted) {
      muted.add(`${p.aad}|${p.kind}`);
    } else if (p.snoozedUntil && p.snoozedUntil.getTime() > now) {
      snoozed.set(`${p.aad}|${p.kind}`, p.snoozedUntil);
    }
  }
  return { targets, muted, snoozed };
}

/** @returns the reminder as the sender port takes it */
export function toMessage(row: ReminderRow): ReminderMessage {
  return {
    id: row.id,
    kind: row.kind as ReminderKind,
    payload: row.payload as ReminderPayload,
    target: row.recipientAad
      ? { type: 'user', aadObjectId: row.recipientAad }
      : { type: 'conversation', conversationId: row.recipientConversationId ?? '' },
  };
}
