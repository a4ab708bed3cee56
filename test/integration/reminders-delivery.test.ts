import assert from 'node:assert/strict';

import { ConversationRef, Reminder } from '../../src/data/entities';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import {
  deliveries,
  FAST_REMINDERS,
  insertDueReminders,
  personalConversationId,
  statusCounts,
  storePersonalRefs,
  until,
} from '../helpers/reminders';
import { assertSchemaValid, validateActivity, validateAdaptiveCard } from '../helpers/schemas';
import { startTestServer, type TestServer } from '../helpers/start-server';

/** @returns the most requests in any window of `windowMs` among ascending arrival times */
function maxInWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= windowMs) {
      j++;
    }
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('reminder worker: delivery to the Bot Connector stand-in', function () {
  this.timeout(60_000);
  let connector: FakeConnector;
  let server: TestServer | undefined;

  beforeEach(async () => {
    connector = await startFakeConnector();
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await connector.close();
  });

  it('should deliver 5,000 due reminders to 1,000 people exactly once each', async function () {
    this.timeout(180_000);
    server = await startTestServer({ ...FAST_REMINDERS, REMINDER_WORKER: 'false' });
    const aads = Array.from({ length: 1000 }, (_, i) => `user-${i}`);
    await storePersonalRefs(server.db, aads, connector.url);
    await insertDueReminders(server.db, 5000, aads);
    const dbPath = server.dbPath;
    await server.stop();

    server = await startTestServer({ ...FAST_REMINDERS, DB_PATH: dbPath });
    const db = server.db;
    await until(async () => (await statusCounts(db)).sent === 5000, 170_000, '5,000 sent');

    const seen = deliveries(connector.calls);
    assert.equal(seen.size, 5000, 'every reminder arrived');
    assert.equal(connector.calls.length, 5000, 'no reminder arrived twice');
    assert.ok([...seen.values()].every((n) => n === 1));
    assert.deepEqual(await statusCounts(db), { sent: 5000 });
    const perUser = new Map<string, number>();
    connector.calls.forEach((c) => perUser.set(c.conversationId, (perUser.get(c.conversationId) ?? 0) + 1));
    assert.equal(perUser.size, 1000);
    assert.ok([...perUser.values()].every((n) => n === 5));
  });

  it('should post a new message (not a reply) carrying a valid reminder card with snooze and mute buttons', async () => {
    server = await startTestServer(FAST_REMINDERS);
    await storePersonalRefs(server.db, ['card-user'], connector.url);
    await insertDueReminders(server.db, 1, ['card-user'], { kind: 'panel_meeting' });

    const [call] = await connector.waitFor(1, 10_000);

    assert.equal(call.path, `/v3/conversations/${personalConversationId('card-user')}/activities`);
    assertSchemaValid(validateActivity(call.activity, { incoming: false }), 'reminder activity');
    const card = call.activity.attachments[0].content;
    assertSchemaValid(validateAdaptiveCard(card), 'reminder card');
    assert.deepEqual(
      card.actions.map((a: { title: string; verb?: string }) => [a.title, a.verb]),
      [
        ['Snooze 1 day', 'reminder.snooze'],
        ['Snooze 1 week', 'reminder.snooze'],
        ['Mute panel meeting reminders', 'reminder.mute'],
      ]
    );
    assert.equal(call.activity.summary, 'R-0');
  });

  it("should post a channel reminder as a new thread in the business unit's channel, without buttons", async () => {
    server = await startTestServer(FAST_REMINDERS);
    const channel = '19:bu-channel@thread.tacv2';
    await server.db.getRepository(ConversationRef).insert({
      conversationId: channel,
      conversationType: 'channel',
      aadObjectId: null,
      tenantId: 'tenant-1',
      serviceUrl: connector.url,
      referenceJson: JSON.stringify({
        activityId: '1234',
        bot: { id: '28:bot', name: 'Safeguarding Learning' },
        conversation: { id: `${channel};messageid=1234`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
        channelId: 'msteams',
        serviceUrl: connector.url,
      }),
      updatedAt: new Date(),
    });
    await insertDueReminders(server.db, 1, ['unused'], { kind: 'statutory_clock', prefix: 'C' });
    await server.db.getRepository(Reminder).update({ dedupeKey: 'test:C:0' }, { recipientAad: null, recipientConversationId: channel });

    const [call] = await connector.waitFor(1, 10_000);

    assert.equal(call.path, `/v3/conversations/${channel}/activities`);
    assert.equal(call.activity.replyToId, undefined);
    assert.deepEqual(call.activity.attachments[0].content.actions, []);
  });

  it('should wait for Retry-After before sending again when the connector answers 429', async () => {
    server = await startTestServer(FAST_REMINDERS);
    await storePersonalRefs(server.db, ['throttled'], connector.url);
    connector.failNext(1, 429, 2);
    await insertDueReminders(server.db, 1, ['throttled']);

    const [call] = await connector.waitFor(1, 15_000);

    assert.equal(connector.refused.length, 1, 'one throttled request, no retries inside the connector client');
    assert.equal(connector.refused[0].status, 429);
    const waited = call.at - connector.refused[0].at;
    assert.ok(waited >= 2000, `the retry came ${Math.round(waited)} ms after the 429 (Retry-After: 2 s)`);
    const row = await server.db.getRepository(Reminder).findOneByOrFail({ dedupeKey: 'test:R:0' });
    await until(async () => (await server!.db.getRepository(Reminder).findOneByOrFail({ id: row.id })).status === 'sent', 5000, 'sent');
    assert.equal((await server.db.getRepository(Reminder).findOneByOrFail({ id: row.id })).attempts, 2);
  });

  for (const status of [412, 502, 504, 500]) {
    it(`should retry with backoff in the worker, not the connector client, when the connector answers ${status}`, async () => {
      server = await startTestServer(FAST_REMINDERS);
      await storePersonalRefs(server.db, ['flaky'], connector.url);
      connector.failNext(2, status);
      await insertDueReminders(server.db, 1, ['flaky']);

      await connector.waitFor(1, 15_000);
      const db = server.db;
      await until(async () => (await statusCounts(db)).sent === 1, 5000, 'sent');

      assert.deepEqual(connector.refused.map((r) => r.status), [status, status]);
      assert.equal(connector.calls.length, 1);
      const row = await db.getRepository(Reminder).findOneByOrFail({ dedupeKey: 'test:R:0' });
      assert.equal(row.attempts, 3, 'each refused request was one attempt of the worker');
      assert.ok(connector.calls[0].at - connector.refused[1].at >= 100, 'backed off before the third attempt');
    });
  }

  it('should mark a reminder undeliverable when the connector answers 403 (the app was removed)', async () => {
    server = await startTestServer(FAST_REMINDERS);
    await storePersonalRefs(server.db, ['removed'], connector.url);
    connector.failNext(1, 403);
    await insertDueReminders(server.db, 1, ['removed']);
    const db = server.db;

    await until(async () => (await statusCounts(db)).undeliverable === 1, 10_000, 'undeliverable');

    const row = await db.getRepository(Reminder).findOneByOrFail({ dedupeKey: 'test:R:0' });
    assert.match(row.lastError ?? '', /^HTTP 403/);
    assert.equal(connector.calls.length, 0);
  });

  it('should keep to 7 a second and 60 in 30 seconds per conversation (Teams limits) at the stand-in', async function () {
    this.timeout(90_000);
    server = await startTestServer({
      REMINDER_POLL_MS: '50',
      REMINDER_BATCH_SIZE: '100',
      REMINDER_LIMIT_PER_CONVERSATION: '7/1s,60/30s',
      REMINDER_LIMIT_PER_TENANT: '30/1s',
    });
    await storePersonalRefs(server.db, ['busy', 'quiet-1', 'quiet-2'], connector.url);
    await insertDueReminders(server.db, 70, ['busy'], { prefix: 'B' });
    await insertDueReminders(server.db, 10, ['quiet-1', 'quiet-2'], { prefix: 'Q' });

    await connector.waitFor(80, 60_000);

    const busy = connector.calls.filter((c) => c.conversationId === personalConversationId('busy')).map((c) => c.at);
    const perSecond = maxInWindow(busy, 1000);
    const per30s = maxInWindow(busy, 30_000);
    const tenantPerSecond = maxInWindow(connector.calls.map((c) => c.at), 1000);
    process.stdout.write(
      `      measured at the stand-in: busy conversation max ${perSecond}/1 s, ${per30s}/30 s; tenant max ${tenantPerSecond}/1 s\n`
    );
    assert.equal(busy.length, 70);
    assert.ok(perSecond <= 7, `max ${perSecond} in a second`);
    assert.ok(per30s <= 60, `max ${per30s} in 30 seconds`);
    assert.ok(tenantPerSecond <= 30, `tenant max ${tenantPerSecond} in a second`);
    const quietDone = connector.calls.filter((c) => c.activity.summary.startsWith('Q-')).length;
    assert.equal(quietDone, 10, 'other conversations were not held up');
  });

  it('should keep to 30 a second per tenant across many conversations at the stand-in', async function () {
    this.timeout(60_000);
    server = await startTestServer({ REMINDER_POLL_MS: '50', REMINDER_BATCH_SIZE: '200', REMINDER_LIMIT_PER_TENANT: '30/1s' });
    const aads = Array.from({ length: 150 }, (_, i) => `tenant-user-${i}`);
    await storePersonalRefs(server.db, aads, connector.url);
    await insertDueReminders(server.db, 150, aads);

    await connector.waitFor(150, 50_000);

    const perSecond = maxInWindow(connector.calls.map((c) => c.at), 1000);
    process.stdout.write(`      measured at the stand-in: tenant max ${perSecond}/1 s\n`);
    assert.ok(perSecond <= 30, `tenant max ${perSecond} in a second`);
    assert.equal(deliveries(connector.calls).size, 150);
  });

  it('should hand reminders still waiting for the rate limit back to pending when the server stops', async () => {
    server = await startTestServer({ ...FAST_REMINDERS, REMINDER_LIMIT_PER_CONVERSATION: '1/10s' });
    await storePersonalRefs(server.db, ['slow'], connector.url);
    await insertDueReminders(server.db, 5, ['slow']);
    await connector.waitFor(1, 10_000);
    const dbPath = server.dbPath;
    await server.stop();
    server = undefined;

    server = await startTestServer({ ...FAST_REMINDERS, REMINDER_WORKER: 'false', DB_PATH: dbPath });
    assert.deepEqual(await statusCounts(server.db), { sent: 1, pending: 4 });
  });
});
