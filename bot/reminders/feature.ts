import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { z } from 'zod';

import { AppError } from '../../src/errors';
import type { ReminderCardAction, ReminderCardOutcome, ReminderKind, ReminderPayload } from '../../src/domain/reminders';
import { buildReminderCard, REMINDER_VERBS, SNOOZE_DAYS } from '../cards/reminder';
import type { BotFeature, ExecuteHandler } from '../feature';
import { presentReminder } from './present';

/** What the reminder buttons need from the domain (bound in src/index.ts). */
export type ReminderCardActions = (input: { reminderId: number; aad: string } & ReminderCardAction) => Promise<{
  reminder: { id: number; kind: ReminderKind; payload: ReminderPayload; toPerson: boolean };
  outcome: ReminderCardOutcome;
}>;

const ReminderId = z.coerce.number().int().positive().max(2 ** 31 - 1);
const SnoozeData = z.object({ reminderId: ReminderId, days: z.coerce.number().int().refine((d) => (SNOOZE_DAYS as readonly number[]).includes(d), 'not a snooze choice') });
const MuteData = z.object({ reminderId: ReminderId });

/**
 * The reminder card's buttons (Action.Execute): snooze 1 day / 1 week, mute and unmute a kind.
 * Each answers with the card redrawn to show what happened.
 * @param deps the domain action and the board's time zone
 */
export function createReminderFeature(deps: { act: ReminderCardActions; timeZone: string }): BotFeature {
  const handler =
    (parse: (data: Record<string, unknown>) => ({ reminderId: number } & ReminderCardAction) | null): ExecuteHandler =>
    async (_ctx, caller, data) => {
      const input = parse(data);
      if (!input) {
        return errorResponse(400, 'BadRequest', 'This button is not valid any more.');
      }
      try {
        const { reminder, outcome } = await deps.act({ ...input, aad: caller.id });
        return cardResponse(presentReminder({ ...reminder, outcome }, deps.timeZone));
      } catch (err) {
        if (err instanceof AppError && err.status < 500) {
          return errorResponse(404, 'NotFound', err.message);
        }
        // The adapter's turn-error handler logs it and answers with a generic error.
        throw err;
      }
    };
  return {
    executes: {
      [REMINDER_VERBS.snooze]: handler((d) => {
        const p = SnoozeData.safeParse(d);
        return p.success ? { reminderId: p.data.reminderId, action: 'snooze', days: p.data.days } : null;
      }),
      [REMINDER_VERBS.mute]: handler((d) => {
        const p = MuteData.safeParse(d);
        return p.success ? { reminderId: p.data.reminderId, action: 'mute' } : null;
      }),
      [REMINDER_VERBS.unmute]: handler((d) => {
        const p = MuteData.safeParse(d);
        return p.success ? { reminderId: p.data.reminderId, action: 'unmute' } : null;
      }),
    },
  };
}

function cardResponse(view: Parameters<typeof buildReminderCard>[0]): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: buildReminderCard(view) };
}

function errorResponse(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return {
    statusCode,
    type: 'application/vnd.microsoft.error',
    value: { code, message },
  } as AdaptiveCardInvokeResponse;
}
