import { randomUUID } from 'node:crypto';

import type { NotificationDraft } from '../../data/entities/notification-draft.entity';
import {
  NotificationDraftRepository,
  type DraftChange,
} from '../../data/repositories/notification-draft.repository';
import { ConflictError } from '../../errors';
import type { Caller } from '../caller';
import { nowOf, type NotificationDeps } from './deps';
import { formValues, isDraftStep, type DraftAnswers, type DraftStep, type FormValues } from './draft-steps';

/** Why a card submit was refused without changing anything. */
export type DraftRefusal =
  | 'no_draft'
  | 'not_yours'
  | 'replaced'
  | 'out_of_date'
  | 'unknown_step'
  | 'submitted'
  | 'cancelled';

const REFUSALS: Record<DraftRefusal, string> = {
  no_draft: 'There is no notification in progress here. Type **notify a case** to start one.',
  not_yours: "That card belongs to someone else's notification, so I haven't changed anything.",
  replaced:
    'That card is from a notification you have since started again, so I ignored it. Type **notify a case** to carry on with the current one.',
  out_of_date:
    'That card is out of date (you have moved on since), so I ignored it. Type **notify a case** to carry on from where you are.',
  unknown_step: "That card isn't part of the notification form, so I haven't changed anything.",
  submitted: 'You have already sent this notification, so nothing was sent again.',
  cancelled: 'You cancelled this notification. Type **notify a case** to start a new one.',
};

/** A stale, forged or repeated card submit; nothing was changed. */
export class DraftRefusedError extends ConflictError {
  constructor(
    readonly refusal: DraftRefusal,
    readonly reference: string | null = null
  ) {
    super(
      refusal === 'submitted' && reference
        ? `You have already sent this notification as **${reference}**, so nothing was sent again.`
        : REFUSALS[refusal],
      { reason: `draft_${refusal}` }
    );
  }
}

/** Who is filling in the form, and where. */
export type DraftContext = { caller: Caller; conversationId: string };

/** What every card of the flow carries back. */
export type DraftRef = { draftKey: string; version: number };

/** A draft as the bot shows it. */
export type DraftState = {
  draftKey: string;
  version: number;
  step: DraftStep;
  answers: DraftAnswers;
  /** the answers as card input values */
  values: FormValues;
  updatedAt: Date;
};

/** @returns the draft row as the bot shows it */
export function toState(row: NotificationDraft): DraftState {
  const answers = JSON.parse(row.answersJson) as DraftAnswers;
  return {
    draftKey: row.draftKey,
    version: row.version,
    step: isDraftStep(row.step) ? row.step : 'incident',
    answers,
    values: formValues(answers),
    updatedAt: row.updatedAt,
  };
}

/** @returns a new key for one run of the flow */
export function newDraftKey(): string {
  return randomUUID();
}

/**
 * Finds the open draft a card points at, refusing anything that does not match exactly.
 * @param deps the use-case dependencies
 * @param ctx the person and conversation
 * @param ref the key and version the card carries
 * @param step the step the card belongs to, when it has one
 * @returns the draft row
 * @throws DraftRefusedError
 */
export async function guardDraft(
  deps: NotificationDeps,
  ctx: DraftContext,
  ref: DraftRef,
  step?: string
): Promise<NotificationDraft> {
  if (step !== undefined && !isDraftStep(step)) {
    throw new DraftRefusedError('unknown_step');
  }
  const repo = new NotificationDraftRepository(deps.db);
  const row = await repo.findFor(ctx.caller.id, ctx.conversationId);
  if (!row || row.draftKey !== ref.draftKey) {
    const other = await repo.findByKey(ref.draftKey);
    if (other && other.aadObjectId !== ctx.caller.id) {
      throw new DraftRefusedError('not_yours');
    }
    throw new DraftRefusedError(row ? 'replaced' : 'no_draft');
  }
  if (row.status === 'submitted') {
    throw new DraftRefusedError('submitted', row.notificationReference);
  }
  if (row.status === 'cancelled') {
    throw new DraftRefusedError('cancelled');
  }
  if (row.version !== ref.version || (step !== undefined && row.step !== step)) {
    throw new DraftRefusedError('out_of_date');
  }
  return row;
}

/**
 * Changes a guarded draft if nobody changed it in between.
 * @returns the draft after the change
 * @throws DraftRefusedError `out_of_date` when another submit got there first
 */
export async function changeDraft(
  deps: NotificationDeps,
  row: NotificationDraft,
  change: DraftChange
): Promise<DraftState> {
  const at = nowOf(deps);
  const version = await new NotificationDraftRepository(deps.db).update(row.id, row.version, change, at);
  if (version === null) {
    throw new DraftRefusedError('out_of_date');
  }
  return toState({ ...row, ...change, version, updatedAt: at });
}
