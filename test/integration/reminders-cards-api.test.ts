import assert from 'node:assert/strict';

import { Reminder, ReminderPreference } from '../../src/data/entities';
import { zonedTimeToUtc, localDateOf } from '../../src/domain/time/zoned-time';
import { addDays } from '../../src/domain/calendar/iso-date';
import { executeInvoke, personalMessage } from '../helpers/activities';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import { FAST_REMINDERS, insertDueReminders, statusCounts, until } from '../helpers/reminders';
import { assertSchemaValid, validateInvokeResponse } from '../helpers/schemas';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

const MEMBER = 'dev-panel-member';

/** Sends "hello" as a user so the bot stores their conversation reference, as Teams would. */
async function sayHello(server: TestServer, connector: FakeConnector, userId: string): Promise<void> {
  const before = connector.calls.length;
  const res = await server.request('POST', '/api/messages', {
    body: personalMessage({ serviceUrl: connector.url, userId, text: 'hello' }),
  });
  assert.equal(res.status, 200);
  await connector.waitFor(before + 1, 10_000);
}

async function reminder(server: TestServer, headline: string): Promise<Reminder> {
  return server.db.getRepository(Reminder).findOneByOrFail({ dedupeKey: `test:${headline.split('-')[0]}:${headline.split('-')[1]}` });
}

describe('reminder cards: snooze and mute over HTTP (Action.Execute)', function () {
  this.timeout(60_000);
  let connector: FakeConnector;
  let server: TestServer;

  beforeEach(async () => {
    connector = await startFakeConnector();
    server = await startTestServer(FAST_REMINDERS);
    await sayHello(server, connector, MEMBER);
    await insertDueReminders(server.db, 1, [MEMBER], { kind: 'panel_meeting', prefix: 'P' });
    await until(() => connector.calls.some((c) => c.activity.summary === 'P-0'), 10_000, 'the reminder');
  });
  afterEach(async () => {
    await server.stop();
    await connector.close();
  });

  function buttonData(verb: string): Record<string, unknown> {
    const call = connector.calls.find((c) => c.activity.summary === 'P-0');
    const action = call?.activity.attachments[0].content.actions.find((a: { verb?: string }) => a.verb === verb);
    assert.ok(action, `the card has a ${verb} button`);
    return action.data;
  }

  it('should snooze from the card: the reminder comes back tomorrow at 09:00 and others of the kind wait', async () => {
    const sent = await reminder(server, 'P-0');
    const soon = new Date(Date.now() + 3_600_000);
    await insertDueReminders(server.db, 1, [MEMBER], { kind: 'panel_meeting', prefix: 'S', dueAt: soon });

    const res = await server.request('POST', '/api/messages', {
      body: executeInvoke({ serviceUrl: connector.url, userId: MEMBER, verb: 'reminder.snooze', data: buttonData('reminder.snooze') }),
    });

    assert.equal(res.status, 200);
    assertSchemaValid(validateInvokeResponse(res.body), 'snooze response');
    assert.equal(res.body.statusCode, 200);
    const text = JSON.stringify(res.body.value);
    assert.match(text, /Snoozed: I'll remind you again on/);
    assert.doesNotMatch(text, /reminder\.snooze/, 'no snooze buttons on the snoozed card');
    const tomorrow9 = zonedTimeToUtc(addDays(localDateOf(new Date(), 'Europe/London'), 1), { hour: 9, minute: 0 }, 'Europe/London');
    const pref = await server.db.getRepository(ReminderPreference).findOneByOrFail({ aad: MEMBER, kind: 'panel_meeting' });
    assert.equal(pref.snoozedUntil?.toISOString(), tomorrow9.toISOString());
    const again = await server.db.getRepository(Reminder).findOneByOrFail({ dedupeKey: `${sent.dedupeKey}:again:${tomorrow9.toISOString().slice(0, 16)}` });
    assert.equal(again.status, 'pending');
    assert.equal(again.dueAt.toISOString(), tomorrow9.toISOString());
    const waiting = await reminder(server, 'S-0');
    assert.equal(waiting.nextAttemptAt.toISOString(), tomorrow9.toISOString());
  });

  it('should mute the kind from the card: pending ones are cancelled and new due ones are not sent', async () => {
    const res = await server.request('POST', '/api/messages', {
      body: executeInvoke({ serviceUrl: connector.url, userId: MEMBER, verb: 'reminder.mute', data: buttonData('reminder.mute') }),
    });

    assert.equal(res.status, 200);
    assertSchemaValid(validateInvokeResponse(res.body), 'mute response');
    assert.match(JSON.stringify(res.body.value), /Muted: you won't get panel meeting reminders any more/);
    assert.ok(res.body.value.actions.some((a: { verb?: string }) => a.verb === 'reminder.unmute'));
    const calls = connector.calls.length;
    await insertDueReminders(server.db, 1, [MEMBER], { kind: 'panel_meeting', prefix: 'M' });
    await until(async () => (await reminder(server, 'M-0')).status === 'cancelled', 10_000, 'cancelled');
    assert.equal((await reminder(server, 'M-0')).lastError, 'muted');
    assert.equal(connector.calls.length, calls, 'nothing sent while muted');

    const unmuted = await server.request('POST', '/api/messages', {
      body: executeInvoke({ serviceUrl: connector.url, userId: MEMBER, verb: 'reminder.unmute', data: buttonData('reminder.mute') }),
    });
    assert.match(JSON.stringify(unmuted.body.value), /Unmuted/);
  });

  it("should refuse another person's reminder and a snooze length the card never offers", async () => {
    const other = await server.request('POST', '/api/messages', {
      body: executeInvoke({ serviceUrl: connector.url, userId: 'dev-practitioner-police', verb: 'reminder.mute', data: buttonData('reminder.mute') }),
    });
    assert.equal(other.status, 200, 'HTTP 200, the outcome in the body (Universal Action Model)');
    assert.equal(other.body.statusCode, 404);
    assert.equal(other.body.type, 'application/vnd.microsoft.error');

    const bad = await server.request('POST', '/api/messages', {
      body: executeInvoke({ serviceUrl: connector.url, userId: MEMBER, verb: 'reminder.snooze', data: { ...buttonData('reminder.snooze'), days: 3 } }),
    });
    assert.equal(bad.status, 200);
    assert.equal(bad.body.statusCode, 400);
    assert.match(bad.body.value.message, /not valid/);
    assert.equal(await server.db.getRepository(ReminderPreference).count(), 0);
  });
});

describe('GET /api/reminders and POST /api/reminders/{id}/retry', function () {
  this.timeout(60_000);
  let connector: FakeConnector;
  let server: TestServer;
  let bu: string;

  before(async () => {
    connector = await startFakeConnector();
    server = await startTestServer({ ...FAST_REMINDERS, TEAMS_APP_ID: '8f2c1c9e-0000-4000-8000-000000000001' });
    bu = await devToken(server, 'dev-business-unit');
    await insertDueReminders(server.db, 2, ['dev-agency-lead-health'], { prefix: 'U' });
    await server.db.getRepository(Reminder).update(
      { dedupeKey: 'test:U:1' },
      { recipientAad: null, recipientConversationId: '19:not-added@thread.tacv2' }
    );
    await until(async () => (await statusCounts(server.db)).undeliverable === 2, 10_000, 'undeliverable');
  });
  after(async () => {
    await server.stop();
    await connector.close();
  });

  it('should list undeliverable reminders with the person and install instructions for the business unit', async () => {
    const res = await server.request('GET', '/api/reminders?status=undeliverable', { token: bu });

    assert.equal(res.status, 200);
    assert.equal(res.body.total, 2);
    const byHeadline = new Map(res.body.items.map((i: { payload: { headline: string } }) => [i.payload.headline, i]));
    assert.deepEqual((byHeadline.get('U-0') as { recipient: unknown }).recipient, {
      type: 'user',
      aadObjectId: 'dev-agency-lead-health',
      name: 'Jo Williams',
    });
    assert.deepEqual((byHeadline.get('U-1') as { recipient: unknown }).recipient, {
      type: 'conversation',
      conversationId: '19:not-added@thread.tacv2',
    });
    assert.equal((byHeadline.get('U-0') as { lastError: string }).lastError, 'not installed');
    assert.match(res.body.installHelp.summary, /can't message/);
    assert.ok(res.body.installHelp.steps.some((s: string) => /Apps/.test(s)));
    assert.equal(res.body.installHelp.appLink, 'https://teams.microsoft.com/l/app/8f2c1c9e-0000-4000-8000-000000000001');
  });

  it('should answer 401 without a token, 403 for other roles and 400 for a bad filter', async () => {
    assert.equal((await server.request('GET', '/api/reminders')).status, 401);
    const practitioner = await devToken(server, 'dev-practitioner-police');
    assert.equal((await server.request('GET', '/api/reminders', { token: practitioner })).status, 403);
    const bad = await server.request('GET', '/api/reminders?status=lost', { token: bu });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error, 'validation_error');
    assert.equal((await server.request('GET', '/api/reminders?limit=0', { token: bu })).status, 400);
    assert.equal((await server.request('GET', '/api/reminders?color=red', { token: bu })).status, 400);
  });

  it('should deliver an undeliverable reminder after the person installs the app and it is retried', async () => {
    const row = await reminder(server, 'U-0');
    await sayHello(server, connector, 'dev-agency-lead-health');

    const res = await server.request('POST', `/api/reminders/${row.id}/retry`, { token: bu });

    assert.equal(res.status, 202);
    await until(() => connector.calls.some((c) => c.activity.summary === 'U-0'), 10_000, 'delivered');
    await until(async () => (await reminder(server, 'U-0')).status === 'sent', 5000, 'sent');
    const again = await server.request('POST', `/api/reminders/${row.id}/retry`, { token: bu });
    assert.equal(again.status, 409);
    assert.equal((await server.request('POST', '/api/reminders/999999/retry', { token: bu })).status, 404);
    assert.equal((await server.request('POST', '/api/reminders/abc/retry', { token: bu })).status, 400);
  });
});
