import assert from 'node:assert/strict';

import { personalMessage } from '../helpers/activities';
import { requestJson, startChildServer, type ChildServer } from '../helpers/child-server';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

const USERS = 50;
const SEATS = 10;

type Signer = { userId: string; baseUrl: string; token: string };

/** A dev token from a given server (each process signs with its own key). */
async function tokenFrom(baseUrl: string, body: Record<string, unknown>): Promise<string> {
  const res = await requestJson(baseUrl, 'POST', '/dev/token', { body });
  assert.equal(res.status, 200, res.text);
  return res.body.token as string;
}

describe('focus-group sign-up from two server processes on one SQLite file', function () {
  this.timeout(120_000);
  let a: TestServer;
  let b: ChildServer;
  let connector: FakeConnector;
  let focusGroupId: number;
  let signers: Signer[];
  let results: { userId: string; status: number; body: { status: string; position?: number } }[];

  before(async () => {
    connector = await startFakeConnector();
    a = await startTestServer();
    b = await startChildServer({ DB_PATH: a.dbPath });
    const bu = await devToken(a, 'dev-business-unit');
    const audit = await a.request('POST', '/api/audits', { token: bu, body: { theme: 'Neglect', title: 'Load audit' } });
    const group = await a.request('POST', '/api/focus-groups', {
      token: bu,
      body: {
        auditId: audit.body.id,
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        durationMinutes: 60,
        capacity: SEATS,
        location: 'Council House',
      },
    });
    assert.equal(group.status, 201, group.text);
    focusGroupId = group.body.id;
    signers = [];
    for (let i = 0; i < USERS; i++) {
      const baseUrl = i % 2 === 0 ? a.url : b.url;
      const userId = `load-user-${i}`;
      const token = await tokenFrom(baseUrl, { userId, name: `Load User ${i}`, agency: 'POLICE', roles: ['practitioner'] });
      signers.push({ userId, baseUrl, token });
    }
    // open a kept-alive connection per user first, so the sign-ups reach both servers in one burst
    await Promise.all(signers.map((s) => requestJson(s.baseUrl, 'GET', '/healthz')));
    results = await Promise.all(
      signers.map(async (s) => {
        const res = await requestJson(s.baseUrl, 'POST', `/api/focus-groups/${focusGroupId}/signups`, {
          token: s.token,
          body: { role: 'Detective constable' },
        });
        return { userId: s.userId, status: res.status, body: res.body };
      })
    );
  });

  after(async () => {
    await b?.stop();
    await a?.stop();
    await connector?.close();
  });

  it('should confirm exactly 10 and waitlist 40 at positions 1..40 when 50 sign up at once', async () => {
    assert.deepEqual(
      results.filter((r) => r.status !== 201),
      [],
      'every sign-up answered 201'
    );
    const confirmed = results.filter((r) => r.body.status === 'confirmed');
    const waiting = results.filter((r) => r.body.status === 'waitlisted');
    assert.equal(confirmed.length, SEATS);
    assert.equal(waiting.length, USERS - SEATS);
    const positions = waiting.map((r) => r.body.position).sort((x, y) => Number(x) - Number(y));
    assert.deepEqual(positions, Array.from({ length: USERS - SEATS }, (_, i) => i + 1));
    const servedByB = results.filter((r) => signers.find((s) => s.userId === r.userId)?.baseUrl === b.url);
    assert.equal(servedByB.length, USERS / 2, 'half the requests went to the second process');
  });

  it('should store the same outcome: one active row per person, count 10, no duplicate positions', async () => {
    const [group] = await a.db.query('SELECT confirmed_count, capacity FROM focus_groups WHERE id = ?', [focusGroupId]);
    assert.equal(group.confirmed_count, SEATS);
    const rows: { person_aad_id: string; status: string; position: number | null }[] = await a.db.query(
      "SELECT person_aad_id, status, position FROM focus_group_signups WHERE focus_group_id = ? AND status <> 'cancelled'",
      [focusGroupId]
    );
    assert.equal(rows.length, USERS);
    assert.equal(new Set(rows.map((r) => r.person_aad_id)).size, USERS, 'nobody has two places');
    assert.equal(rows.filter((r) => r.status === 'confirmed').length, SEATS);
    for (const r of results) {
      const row = rows.find((x) => x.person_aad_id === r.userId);
      assert.equal(row?.status, r.body.status, `${r.userId}: stored status matches the answer`);
      assert.equal(row?.position ?? undefined, r.body.position, `${r.userId}: stored position matches the answer`);
    }
    const intents = await a.db.query(
      "SELECT COUNT(*) AS n FROM calendar_intents WHERE focus_group_id = ? AND kind = 'send_invitation'",
      [focusGroupId]
    );
    assert.equal(Number(intents[0].n), SEATS, 'one invitation intent per confirmed seat');
  });

  it('should promote waiting-list number 1 and tell them in chat when a confirmed person cancels on the other process', async () => {
    const first = results.find((r) => r.body.position === 1);
    const second = results.find((r) => r.body.position === 2);
    assert.ok(first && second);
    // the promoted person needs a personal chat with the bot for the proactive message
    await a.request('POST', '/api/messages', {
      body: personalMessage({ serviceUrl: connector.url, userId: first.userId, text: 'hello' }),
    });
    await connector.waitFor(1);
    connector.reset();

    const leaver = results.find((r) => r.body.status === 'confirmed');
    assert.ok(leaver);
    // a token from the second process (each process signs its own), so the cancel runs there
    const leaverToken = await tokenFrom(b.url, { userId: leaver.userId });
    const cancel = await requestJson(b.url, 'DELETE', `/api/focus-groups/${focusGroupId}/signups/me`, { token: leaverToken });
    assert.equal(cancel.status, 200, cancel.text);
    assert.equal(cancel.body.seatPassedOn, true);

    const [call] = await connector.waitFor(1, 10_000);
    assert.equal(call.conversationId, `a:personal-${first.userId}`);
    assert.match(call.activity.text, /confirmed place/);

    const firstToken = signers.find((s) => s.userId === first.userId)!;
    const mine = await requestJson(firstToken.baseUrl, 'GET', `/api/focus-groups/${focusGroupId}`, { token: firstToken.token });
    assert.equal(mine.body.myStatus, 'confirmed');
    assert.equal(mine.body.confirmedCount, SEATS);
    assert.equal(mine.body.waitlistLength, USERS - SEATS - 1);

    const secondToken = signers.find((s) => s.userId === second.userId)!;
    const next = await requestJson(secondToken.baseUrl, 'GET', `/api/focus-groups/${focusGroupId}`, { token: secondToken.token });
    assert.equal(next.body.myStatus, 'waitlisted');
    assert.equal(next.body.myPosition, 1, 'everyone behind moved up one place');

    const positions: { position: number }[] = await a.db.query(
      "SELECT position FROM focus_group_signups WHERE focus_group_id = ? AND status = 'waitlisted' ORDER BY position",
      [focusGroupId]
    );
    assert.deepEqual(
      positions.map((p) => p.position),
      Array.from({ length: USERS - SEATS - 1 }, (_, i) => i + 1)
    );
  });
});
