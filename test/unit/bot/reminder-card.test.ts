import assert from 'node:assert/strict';

import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';

import { buildReminderCard } from '../../../bot/cards/reminder';
import { presentReminder } from '../../../bot/reminders/present';
import { toDeliveryFailure } from '../../../bot/reminders/sender';
import { assertSchemaValid, validateAdaptiveCard } from '../../helpers/schemas';

const LONDON = 'Europe/London';
const meeting = {
  id: 17,
  kind: 'panel_meeting' as const,
  payload: {
    reference: 'SCR-2026-004',
    title: 'Case review panel',
    headline: 'Panel meeting in 7 days',
    deadline: '2026-10-13T09:00:00.000Z',
    link: 'https://sl.example.org/tabs/?page=reviews',
    papersLink: 'https://sl.example.org/papers/4',
  },
  toPerson: true,
};

type Card = { actions: { type: string; title: string; verb?: string; url?: string; data?: unknown }[]; body: unknown[] };

describe('buildReminderCard / presentReminder', () => {
  it('should show the reference, title and time in the board time zone, links, and snooze/mute buttons', () => {
    const card = buildReminderCard(presentReminder(meeting, LONDON)) as unknown as Card;

    assertSchemaValid(validateAdaptiveCard(card), 'reminder card');
    const text = JSON.stringify(card.body);
    assert.match(text, /SCR-2026-004/);
    assert.match(text, /Tue, 13 Oct 2026(,| at) 10:00/, '09:00Z is 10:00 BST');
    assert.deepEqual(
      card.actions.map((a) => [a.type, a.title]),
      [
        ['Action.OpenUrl', 'Open in Safeguarding Learning'],
        ['Action.OpenUrl', 'Agenda and papers'],
        ['Action.Execute', 'Snooze 1 day'],
        ['Action.Execute', 'Snooze 1 week'],
        ['Action.Execute', 'Mute panel meeting reminders'],
      ]
    );
    assert.deepEqual(card.actions[2].data, { reminderId: 17, days: 1 });
    assert.deepEqual(card.actions[3].data, { reminderId: 17, days: 7 });
  });

  it('should show a date-only deadline as a date and offer no buttons in a channel', () => {
    const card = buildReminderCard(
      presentReminder(
        { ...meeting, kind: 'statutory_clock', toPerson: false, payload: { ...meeting.payload, deadline: '2026-06-01' } },
        LONDON
      )
    ) as unknown as Card;

    assertSchemaValid(validateAdaptiveCard(card), 'channel reminder card');
    assert.match(JSON.stringify(card.body), /Mon, 1 Jun 2026/);
    assert.deepEqual(card.actions.map((a) => a.type), ['Action.OpenUrl', 'Action.OpenUrl']);
  });

  it('should offer unmute once muted and say so', () => {
    const card = buildReminderCard(presentReminder({ ...meeting, outcome: { type: 'muted' } }, LONDON)) as unknown as Card;

    assertSchemaValid(validateAdaptiveCard(card), 'muted card');
    assert.match(JSON.stringify(card.body), /Muted: you won't get panel meeting reminders any more/);
    assert.deepEqual(card.actions.filter((a) => a.verb).map((a) => a.verb), ['reminder.unmute']);
  });
});

describe('toDeliveryFailure', () => {
  const request = createPipelineRequest({ url: 'http://127.0.0.1/v3/conversations/x/activities' });
  const restError = (status: number, headers: Record<string, string>) =>
    new RestError('throttled', {
      statusCode: status,
      code: 'Throttled',
      request,
      response: { status, headers: createHttpHeaders(headers), request },
    });

  it("should read the status and Retry-After seconds from the connector client's RestError", () => {
    const f = toDeliveryFailure(restError(429, { 'Retry-After': '3' }));
    assert.equal(f.httpStatus, 429);
    assert.equal(f.retryAfterMs, 3000);
    assert.equal(f.errorCode, 'Throttled');
  });

  it('should read Retry-After given as an HTTP date, and retry-after-ms', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    assert.equal(toDeliveryFailure(restError(503, { 'retry-after': 'Thu, 26 Nov 2026 10:00:05 GMT' }), now).retryAfterMs, 5000);
    assert.equal(toDeliveryFailure(restError(429, { 'retry-after-ms': '250' })).retryAfterMs, 250);
  });

  it('should have no status when no answer came', () => {
    const err = new RestError('connect ECONNREFUSED', { code: 'ECONNREFUSED', request });
    const f = toDeliveryFailure(err);
    assert.equal(f.httpStatus, undefined);
    assert.equal(f.errorCode, 'ECONNREFUSED');
    assert.equal(f.retryAfterMs, undefined);
  });
});
