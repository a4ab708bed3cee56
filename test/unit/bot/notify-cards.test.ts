import assert from 'node:assert/strict';

import { buildNotificationTriageCard, type NotificationTriageView } from '../../../bot/cards/notification-triage';
import { buildNotifyStepCard, type NotifyStepView } from '../../../bot/cards/notify-step';
import { NOTIFY_VERBS } from '../../../bot/cards/notify-verbs';
import type { CardJson } from '../../../bot/cards/template';
import { assertSchemaValid, validateAdaptiveCard, validateInvokeResponse } from '../../helpers/schemas';

type Json = Record<string, any>;

const stepView = (overrides: Partial<NotifyStepView> = {}): NotifyStepView => ({
  step: 'incident',
  stepNumber: 1,
  stepCount: 4,
  draftKey: 'key-1',
  draftVersion: 2,
  today: '2026-11-26',
  values: {},
  errors: {},
  agencyOptions: [{ code: 'POLICE', name: 'County Police' }],
  maxSummary: 2000,
  ...overrides,
});

function unbound(card: CardJson): string[] {
  return JSON.stringify(card).match(/\$\{[^}]*\}/g) ?? [];
}

function body(card: CardJson): Json[] {
  return card.body as Json[];
}

describe('buildNotifyStepCard', () => {
  for (const step of ['incident', 'statutory', 'agencies', 'learning'] as const) {
    it(`should build a valid Adaptive Card 1.5 for the ${step} step with nothing answered yet`, () => {
      const card = buildNotifyStepCard(stepView({ step }));

      assertSchemaValid(validateAdaptiveCard(card), `${step} card`);
      assert.deepEqual(unbound(card), []);
      assert.doesNotMatch(JSON.stringify(card), /null/);
    });
  }

  it('should put each message right below its field and say how many answers to check', () => {
    const card = buildNotifyStepCard(
      stepView({ errors: { subjectAgeYears: 'The age must be 120 or under', summary: 'Please describe what happened' } })
    );

    const b = body(card);
    const below = (id: string) => b[b.findIndex((e) => e.id === id) + 1];
    assert.equal(below('subjectAgeYears').text, 'The age must be 120 or under');
    assert.equal(below('summary').type, 'TextBlock');
    assert.ok(b.some((e) => e.text === 'Please check the answers marked below.'));
    assert.ok(!b.some((e) => e.text === ''), 'no empty message blocks');
  });

  it('should show a whole-number age as a number and leave a non-number out', () => {
    const withAge = buildNotifyStepCard(stepView({ values: { subjectAgeYears: '9' } }));
    const withText = buildNotifyStepCard(stepView({ values: { subjectAgeYears: 'nine' } }));

    const age = (card: CardJson): Json => body(card).find((e) => e.id === 'subjectAgeYears') ?? {};
    assert.equal(age(withAge).value, 9);
    assert.equal('value' in age(withText), false);
  });

  it('should carry the verb, step, draft key and version on every button', () => {
    const card = buildNotifyStepCard(stepView({ step: 'statutory', stepNumber: 2 }));

    const actions = card.actions as Json[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.data.verb, a.data.step, a.data.draftKey, a.data.draftVersion]),
      [
        ['Next', NOTIFY_VERBS.next, 'statutory', 'key-1', 2],
        ['Back', NOTIFY_VERBS.back, 'statutory', 'key-1', 2],
        ['Cancel', NOTIFY_VERBS.cancel, 'statutory', 'key-1', 2],
      ]
    );
    assert.equal(actions[1].associatedInputs, 'None', 'Back does not trigger client validation');
  });
});

describe('buildNotificationTriageCard', () => {
  const view = (overrides: Partial<NotificationTriageView> = {}): NotificationTriageView => ({
    reference: 'N-2026-0001',
    version: 1,
    statusLine: 'New: waiting for a decision',
    route: 'Serious Case Review',
    parallel: '',
    model: '2015 (Serious Case Reviews)',
    notifiedBy: 'Priya Patel, County Police',
    agencyNames: 'County Police',
    reasons: [{ text: 'A reason.' }],
    clocks: [],
    decision: { summary: '', byLine: '', reason: '' },
    notice: '',
    canDecide: true,
    routeOptions: [{ code: 'NO_REVIEW', label: 'No review' }],
    input: { route: '', reason: '', message: '' },
    errors: { route: '', reason: '', message: '' },
    userIds: Array.from({ length: 70 }, (_, i) => `user-${i}`),
    ...overrides,
  });

  it('should list at most 60 users for the automatic refresh', () => {
    const card = buildNotificationTriageCard(view());

    assertSchemaValid(validateAdaptiveCard(card), 'triage card');
    assert.equal((card.refresh as Json).userIds.length, 60);
    assert.deepEqual(unbound(card), []);
  });

  it('should have no decision buttons when the viewer may not decide, and still be a valid invoke response', () => {
    const card = buildNotificationTriageCard(view({ canDecide: false, decision: { summary: 'Route accepted: Serious Case Review', byLine: 'by Beth Lewis on 26 Nov 2026', reason: '' } }));

    assert.equal((card.actions as Json[] | undefined)?.length ?? 0, 0);
    assertSchemaValid(
      validateInvokeResponse({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card }),
      'invoke response'
    );
  });
});
