import { NotificationDraftRepository } from '../../data/repositories/notification-draft.repository';
import { ValidationError } from '../../errors';
import { assertMayNotify, conflictReason, createNotification } from './create-notification';
import { nowOf, todayOf, type NotificationDeps } from './deps';
import { listAgencyOptions, unknownAgencyMessage } from './answers';
import {
  changeDraft,
  DraftRefusedError,
  guardDraft,
  newDraftKey,
  toState,
  type DraftContext,
  type DraftRef,
  type DraftState,
} from './draft-guard';
import {
  checkStep,
  stepAfter,
  stepOfField,
  type FieldErrors,
  type FormStep,
  type FormValues,
} from './draft-steps';
import type { NotificationRecord } from './records';

/** `started`: a new draft; `in_progress`: one was already open (offer resume or start again). */
export type BeginResult = { kind: 'started' | 'in_progress'; draft: DraftState };

/** A step's answers were refused: show the same step with the messages and the typed values. */
export type InvalidStep = { kind: 'invalid'; draft: DraftState; errors: FieldErrors; values: FormValues };

/**
 * Starts the chat notification flow, or finds the one already open in this conversation.
 * @throws AuthorizationError when the caller may not notify cases
 */
export async function beginNotification(deps: NotificationDeps, ctx: DraftContext): Promise<BeginResult> {
  assertMayNotify(ctx.caller);
  const repo = new NotificationDraftRepository(deps.db);
  const row = await repo.findFor(ctx.caller.id, ctx.conversationId);
  if (row?.status === 'open') {
    return { kind: 'in_progress', draft: toState(row) };
  }
  const fresh = { draftKey: newDraftKey(), step: 'incident', answersJson: '{}' };
  if (row) {
    const draft = await changeDraft(deps, row, { ...fresh, status: 'open', notificationReference: null });
    return { kind: 'started', draft };
  }
  try {
    const created = await repo.create({ aadObjectId: ctx.caller.id, conversationId: ctx.conversationId, ...fresh }, nowOf(deps));
    return { kind: 'started', draft: toState(created) };
  } catch (err) {
    const again = conflictReason(err) === 'draft_race' ? await repo.findFor(ctx.caller.id, ctx.conversationId) : null;
    if (again) {
      return { kind: 'in_progress', draft: toState(again) };
    }
    throw err;
  }
}

/** @returns the open draft a "Resume" card points at, unchanged */
export async function resumeDraft(deps: NotificationDeps, ctx: DraftContext, ref: DraftRef): Promise<DraftState> {
  return toState(await guardDraft(deps, ctx, ref));
}

/** Throws the open draft away and starts again from the first step. */
export async function restartDraft(deps: NotificationDeps, ctx: DraftContext, ref: DraftRef): Promise<DraftState> {
  const row = await guardDraft(deps, ctx, ref);
  return changeDraft(deps, row, { draftKey: newDraftKey(), step: 'incident', answersJson: '{}' });
}

/** Goes back one step; answers already given are kept (the current step's unsent edits are not). */
export async function goBackDraft(
  deps: NotificationDeps,
  ctx: DraftContext,
  ref: DraftRef,
  step: string
): Promise<DraftState> {
  const row = await guardDraft(deps, ctx, ref, step);
  return changeDraft(deps, row, { step: stepAfter(toState(row).step, -1) });
}

/** Cancels the draft; nothing is sent. */
export async function cancelDraft(
  deps: NotificationDeps,
  ctx: DraftContext,
  ref: DraftRef,
  step: string
): Promise<DraftState> {
  const row = await guardDraft(deps, ctx, ref, step);
  return changeDraft(deps, row, { status: 'cancelled' });
}

/**
 * Checks one step's inputs and, when they are valid, stores them and moves to the next step.
 * @param raw the card's submitted data
 * @returns the draft on its next step, or the refusal with messages and the values as typed
 * @throws DraftRefusedError for a stale, forged or repeated card
 */
export async function saveDraftStep(
  deps: NotificationDeps,
  ctx: DraftContext,
  ref: DraftRef,
  step: string,
  raw: Record<string, unknown>
): Promise<InvalidStep | { kind: 'saved'; draft: DraftState }> {
  const row = await guardDraft(deps, ctx, ref, step);
  const draft = toState(row);
  if (draft.step === 'review') {
    throw new DraftRefusedError('out_of_date');
  }
  const formStep: FormStep = draft.step;
  const check = checkStep(formStep, raw, draft.answers, todayOf(deps));
  if (!check.ok) {
    return { kind: 'invalid', draft, errors: check.errors, values: check.values };
  }
  if (formStep === 'agencies') {
    const message = unknownAgencyMessage(check.answers.agencies ?? [], await listAgencyOptions(deps));
    if (message) {
      const values = { agencies: typeof raw.agencies === 'string' ? raw.agencies.slice(0, 2000) : '' };
      return { kind: 'invalid', draft, errors: { agencies: message }, values };
    }
  }
  const saved = await changeDraft(deps, row, { step: stepAfter(formStep), answersJson: JSON.stringify(check.answers) });
  return { kind: 'saved', draft: saved };
}

/**
 * Sends the notification from the "check your answers" card: creates it and marks the draft
 * submitted in one transaction. A second press, or Teams delivering the submit again, finds the
 * draft submitted and creates nothing.
 * @returns the notification, or the step to fix when an answer is no longer valid
 * @throws DraftRefusedError for a stale, forged or repeated card
 */
export async function submitDraft(
  deps: NotificationDeps,
  ctx: DraftContext,
  ref: DraftRef
): Promise<InvalidStep | { kind: 'submitted'; notification: NotificationRecord; created: boolean }> {
  const row = await guardDraft(deps, ctx, ref, 'review');
  const draft = toState(row);
  try {
    const result = await createNotification(deps, {
      caller: ctx.caller,
      answers: draft.answers,
      idempotencyKey: `chat:${row.draftKey}`,
      source: 'chat',
      alsoInTransaction: async (em, reference) => {
        const version = await new NotificationDraftRepository(em).update(
          row.id,
          row.version,
          { status: 'submitted', notificationReference: reference },
          nowOf(deps)
        );
        if (version === null) {
          throw new DraftRefusedError('out_of_date');
        }
      },
    });
    return { kind: 'submitted', ...result };
  } catch (err) {
    if (err instanceof DraftRefusedError) {
      await guardDraft(deps, ctx, ref, 'review');
      throw err;
    }
    if (err instanceof ValidationError) {
      return backToStep(deps, row, err);
    }
    throw err;
  }
}

/** Sends the person back to the step of the first answer that is no longer valid. */
async function backToStep(
  deps: NotificationDeps,
  row: Parameters<typeof toState>[0],
  err: ValidationError
): Promise<InvalidStep> {
  const fields = ((err.details as { fields?: { field: string; message: string }[] } | undefined)?.fields ?? []).filter(
    (f) => f.field !== '(answers)'
  );
  const step = stepOfField(fields[0]?.field ?? 'incidentDate');
  const errors: FieldErrors = {};
  fields.filter((f) => stepOfField(f.field) === step).forEach((f) => (errors[f.field] ??= f.message));
  const draft = await changeDraft(deps, row, { step });
  return { kind: 'invalid', draft, errors, values: draft.values };
}
