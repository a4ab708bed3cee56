import assert from 'node:assert/strict';

import type { Action } from '../../../../../src/data/entities/action.entity';
import { type ChangeActor, planActionChange } from '../../../../../src/domain/actions/plan-action-change';
import { AuthorizationError, ValidationError } from '../../../../../src/errors';

const NOW = new Date('2026-03-10T12:00:00Z');
const CLOCK = { now: NOW, timeZone: 'Europe/London', thresholds: { amberWithinDays: 14, staleProgressDays: 30 } };
const LEAD: ChangeActor = { id: 'aad-lead', name: 'Alex Lead', personId: 5, canSignOff: false };
const BOARD: ChangeActor = { id: 'aad-board', name: 'Chris Board', personId: 7, canSignOff: true };

function buildAction(overrides: Partial<Action> = {}): Action {
  return {
    id: 1,
    recommendationId: 1,
    planId: 1,
    leadAgencyId: 2,
    ownerPersonId: 5,
    description: 'Brief teams',
    targetDate: '2026-03-01',
    revisedTargetDate: null,
    revisedTargetReason: null,
    dueDate: '2026-03-01',
    status: 'red',
    ruleStatus: 'red',
    overrideStatus: null,
    overrideReason: null,
    overrideByPersonId: null,
    overrideAt: null,
    progressNote: null,
    lastProgressAt: null,
    evidenceText: null,
    evidenceLinksJson: null,
    completionProposedAt: null,
    completionProposedByPersonId: null,
    signedOffByPersonId: null,
    signedOffAt: null,
    version: 3,
    createdAt: new Date('2026-01-01T10:00:00Z'),
    updatedAt: new Date('2026-01-01T10:00:00Z'),
    ...overrides,
  };
}

describe('planActionChange', () => {
  it('should record a progress note with its time and keep the rule status when nothing else changes', () => {
    const p = planActionChange(buildAction(), { note: 'Briefings booked' }, LEAD, CLOCK);
    assert.equal(p.changes.progressNote, 'Briefings booked');
    assert.equal(p.changes.lastProgressAt, NOW);
    assert.equal(p.changes.status, undefined);
    assert.deepEqual(p.fields, ['progress_note']);
  });

  it('should make an override with the note as its reason when the status differs from the rule', () => {
    const p = planActionChange(buildAction(), { status: 'amber', note: 'Dates agreed with the chair' }, LEAD, CLOCK);
    assert.equal(p.changes.overrideStatus, 'amber');
    assert.equal(p.changes.overrideReason, 'Dates agreed with the chair');
    assert.equal(p.changes.overrideByPersonId, 5);
    assert.equal(p.changes.status, 'amber');
    assert.equal(p.changes.ruleStatus, undefined, 'the rule still says red');
    const status = p.history.find((h) => h.field === 'status');
    assert.deepEqual([status?.fromValue, status?.toValue, status?.actorName], ['red', 'amber', 'Alex Lead']);
  });

  it('should refuse an override without a reason', () => {
    assert.throws(() => planActionChange(buildAction(), { status: 'green' }, LEAD, CLOCK), ValidationError);
  });

  it('should clear an override when the status asked for is what the rule says', () => {
    const current = buildAction({ status: 'amber', overrideStatus: 'amber', overrideReason: 'x', overrideByPersonId: 5 });
    const p = planActionChange(current, { status: 'red' }, LEAD, CLOCK);
    assert.equal(p.changes.overrideStatus, null);
    assert.equal(p.changes.overrideReason, null);
    assert.equal(p.changes.status, 'red');
  });

  it('should go back to the rule when the override is cleared', () => {
    const current = buildAction({ status: 'green', overrideStatus: 'green', overrideReason: 'x', overrideByPersonId: 5 });
    const p = planActionChange(current, { clearOverride: true }, LEAD, CLOCK);
    assert.equal(p.changes.overrideStatus, null);
    assert.equal(p.changes.status, 'red');
    assert.deepEqual(p.fields, ['override', 'status']);
  });

  it('should move the due date and re-apply the rule when a revised target is given', () => {
    const p = planActionChange(
      buildAction(),
      { revisedTargetDate: '2026-06-30', revisedTargetReason: 'Board agreed an extension' },
      LEAD,
      CLOCK
    );
    assert.equal(p.changes.dueDate, '2026-06-30');
    assert.equal(p.changes.ruleStatus, 'green');
    assert.equal(p.changes.status, 'green');
    const rule = p.history.find((h) => h.field === 'rule_status');
    assert.equal(rule?.actorId, 'system', 'the rule change is the system');
    const target = p.history.find((h) => h.field === 'target_date');
    assert.deepEqual([target?.fromValue, target?.toValue, target?.note], ['2026-03-01', '2026-06-30', 'Board agreed an extension']);
  });

  it('should forbid an agency lead from marking an action complete', () => {
    const current = buildAction({ evidenceText: 'Report' });
    assert.throws(() => planActionChange(current, { status: 'complete' }, LEAD, CLOCK), AuthorizationError);
  });

  it('should refuse completion by the board before any evidence is given', () => {
    assert.throws(() => planActionChange(buildAction(), { status: 'complete' }, BOARD, CLOCK), ValidationError);
  });

  it('should sign the action off when the board completes it with evidence in the same change', () => {
    const p = planActionChange(buildAction({ overrideStatus: 'amber', status: 'amber' }), { status: 'complete', evidence: { text: 'Audit report' } }, BOARD, CLOCK);
    assert.equal(p.changes.status, 'complete');
    assert.equal(p.changes.ruleStatus, 'complete');
    assert.equal(p.changes.signedOffAt, NOW);
    assert.equal(p.changes.signedOffByPersonId, 7);
    assert.equal(p.changes.overrideStatus, null, 'completion ends an override');
  });

  it('should let an agency lead propose completion only once evidence is there', () => {
    assert.throws(() => planActionChange(buildAction(), { proposeCompletion: true }, LEAD, CLOCK), ValidationError);
    const p = planActionChange(buildAction(), { proposeCompletion: true, evidence: { links: ['https://example.org/r'] } }, LEAD, CLOCK);
    assert.equal(p.changes.completionProposedAt, NOW);
    assert.equal(p.changes.completionProposedByPersonId, 5);
    assert.equal(p.changes.status, undefined, 'a proposal does not complete the action');
  });

  it('should forbid an agency lead from reopening a completed action but let the board do it', () => {
    const done = buildAction({ status: 'complete', ruleStatus: 'complete', signedOffAt: new Date('2026-03-01T10:00:00Z'), evidenceText: 'x' });
    assert.throws(() => planActionChange(done, { status: 'green', note: 'reopen' }, LEAD, CLOCK), AuthorizationError);
    const p = planActionChange(done, { status: 'red', note: 'Impact not evidenced' }, BOARD, CLOCK);
    assert.equal(p.changes.signedOffAt, null);
    assert.equal(p.changes.status, 'red');
  });

  it('should refuse a change that changes nothing', () => {
    assert.throws(() => planActionChange(buildAction(), {}, LEAD, CLOCK), ValidationError);
    assert.throws(() => planActionChange(buildAction(), { status: 'red' }, LEAD, CLOCK), ValidationError);
  });
});
