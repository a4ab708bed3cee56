import type { ActionStatus, RagStatus } from '../../contracts/actions';
import type { Action } from '../../data/entities/action.entity';
import type { HistoryInput } from '../../data/repositories/action.repository';
import { AuthorizationError, ValidationError } from '../../errors';
import { parseLinks } from './action-view';
import { dateInZone, effectiveStatus, ruleStatus, type RagThresholds } from './rag-rule';

/** A validated change request (the PATCH body without `version`). */
export type ActionChange = {
  status?: ActionStatus;
  note?: string;
  evidence?: { text?: string; links?: string[] };
  revisedTargetDate?: string;
  revisedTargetReason?: string;
  proposeCompletion?: boolean;
  clearOverride?: boolean;
};

/** Who makes the change and what they may do. */
export type ChangeActor = { id: string; name: string; personId: number | null; canSignOff: boolean };

/** The board's clock and thresholds at the time of the change. */
export type ChangeClock = { now: Date; timeZone: string; thresholds: RagThresholds };

/** The columns to write and the history lines to append (without `actionId`). */
export type PlannedChange = { changes: Partial<Action>; history: Omit<HistoryInput, 'actionId'>[]; fields: string[] };

/** The action's state while a change is worked out. */
type Draft = Pick<
  Action,
  | 'revisedTargetDate'
  | 'dueDate'
  | 'lastProgressAt'
  | 'evidenceText'
  | 'evidenceLinksJson'
  | 'signedOffAt'
  | 'overrideStatus'
>;

const RAG: readonly string[] = ['red', 'amber', 'green'];

/**
 * Works out what a change does to an action, applying the rules of the tracker:
 * notes, evidence and a revised target (with its reason) first; then sign-off (business unit or
 * board only, and only with evidence) or reopening; then the RAG rule on the new dates; then a
 * requested red/amber/green status, which becomes an override with the note as its reason unless
 * it equals what the rule says (which clears any override). Completion may be proposed by anyone
 * who may change the action, once evidence is given.
 * @param current the action as stored
 * @param req the requested change
 * @param actor who changes it
 * @param clock now, the board's time zone and the RAG thresholds
 * @returns the columns to write and the history lines
 * @throws AuthorizationError when the actor may not complete or reopen; ValidationError for an
 *   incomplete or empty change
 */
export function planActionChange(current: Action, req: ActionChange, actor: ChangeActor, clock: ChangeClock): PlannedChange {
  const { now } = clock;
  const history: PlannedChange['history'] = [];
  const changes: Partial<Action> = {};
  const line = (field: string, from: string | null, to: string | null, note: string | null = null, system = false) =>
    history.push({
      at: now,
      actorId: system ? 'system' : actor.id,
      actorName: system ? 'system' : actor.name,
      field,
      fromValue: from,
      toValue: to,
      note,
    });
  const wasComplete = current.signedOffAt !== null;
  const wantsRag = req.status !== undefined && RAG.includes(req.status);
  if (req.status === 'complete' && !actor.canSignOff) {
    throw new AuthorizationError('Only the business unit or the board can mark an action complete: propose completion instead');
  }
  if (wasComplete && !actor.canSignOff && (wantsRag || req.revisedTargetDate || req.proposeCompletion || req.clearOverride)) {
    throw new AuthorizationError('This action is complete: only the business unit or the board can reopen it');
  }
  const d: Draft = { ...current };
  const note = req.note?.trim() || null;

  if (note !== null) {
    changes.progressNote = note;
    changes.lastProgressAt = d.lastProgressAt = now;
    line('progress_note', null, note);
  }
  if (req.evidence) {
    const before = evidenceSummary(current.evidenceText, current.evidenceLinksJson);
    if (req.evidence.text !== undefined) {
      changes.evidenceText = d.evidenceText = req.evidence.text.trim() || null;
    }
    if (req.evidence.links !== undefined) {
      changes.evidenceLinksJson = d.evidenceLinksJson = req.evidence.links.length ? JSON.stringify(req.evidence.links) : null;
    }
    const after = evidenceSummary(d.evidenceText, d.evidenceLinksJson);
    if (after !== before) {
      line('evidence', before, after);
    }
  }
  if (req.revisedTargetDate && req.revisedTargetDate !== current.dueDate) {
    changes.revisedTargetDate = d.revisedTargetDate = req.revisedTargetDate;
    changes.revisedTargetReason = req.revisedTargetReason?.trim() ?? null;
    changes.dueDate = d.dueDate = req.revisedTargetDate;
    line('target_date', current.dueDate, req.revisedTargetDate, changes.revisedTargetReason);
  }
  const hasEvidence = Boolean(d.evidenceText) || Boolean(d.evidenceLinksJson);
  if (req.status === 'complete' && !wasComplete) {
    if (!hasEvidence) {
      throw new ValidationError('Add evidence of completion before marking the action complete', {
        fields: [{ field: 'evidence', message: 'required to complete' }],
      });
    }
    changes.signedOffAt = d.signedOffAt = now;
    changes.signedOffByPersonId = actor.personId;
    line('signed_off', null, 'complete', note);
  } else if (wasComplete && wantsRag) {
    changes.signedOffAt = d.signedOffAt = null;
    changes.signedOffByPersonId = null;
    line('signed_off', 'complete', null, note);
  }

  const today = dateInZone(now, clock.timeZone);
  const rule = ruleStatus(
    {
      targetDate: current.targetDate,
      revisedTargetDate: d.revisedTargetDate,
      lastProgressDate: d.lastProgressAt ? dateInZone(d.lastProgressAt, clock.timeZone) : null,
      signedOff: d.signedOffAt !== null,
    },
    today,
    clock.thresholds
  );
  if (rule !== current.ruleStatus) {
    changes.ruleStatus = rule;
    line('rule_status', current.ruleStatus, rule, null, true);
  }

  let override = d.overrideStatus as RagStatus | null;
  if (d.signedOffAt !== null) {
    override = null;
  } else if (wantsRag) {
    const requested = req.status as RagStatus;
    if (requested === rule) {
      override = null;
    } else {
      if (note === null) {
        throw new ValidationError(`Give a reason (note) for setting ${requested} when the rule says ${rule}`, {
          fields: [{ field: 'note', message: 'required for an override' }],
        });
      }
      override = requested;
    }
  } else if (req.clearOverride) {
    override = null;
  }
  if (override !== current.overrideStatus || (wantsRag && override !== null)) {
    changes.overrideStatus = override;
    changes.overrideReason = override ? note : null;
    changes.overrideByPersonId = override ? actor.personId : null;
    changes.overrideAt = override ? now : null;
    line('override', current.overrideStatus, override, override ? note : null);
  }

  const status = effectiveStatus(rule, override);
  if (status !== current.status) {
    changes.status = status;
    line('status', current.status, status, note);
  }
  if (req.proposeCompletion && d.signedOffAt === null) {
    if (!hasEvidence) {
      throw new ValidationError('Add evidence of completion before proposing that the action is complete', {
        fields: [{ field: 'evidence', message: 'required to propose completion' }],
      });
    }
    changes.completionProposedAt = now;
    changes.completionProposedByPersonId = actor.personId;
    line('completion_proposed', null, 'proposed', note);
  }
  if (history.length === 0 || history.every((h) => h.actorId === 'system')) {
    throw new ValidationError('Nothing to change: give a status, a note, evidence, a revised target date or a proposal');
  }
  changes.updatedAt = now;
  return { changes, history, fields: [...new Set(history.map((h) => h.field))] };
}

/** @returns evidence as one line of text for the history */
function evidenceSummary(text: string | null, linksJson: string | null): string | null {
  const parts = [text ?? '', ...parseLinks(linksJson)].filter(Boolean);
  return parts.length ? parts.join('\n') : null;
}
