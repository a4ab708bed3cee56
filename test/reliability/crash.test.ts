import assert from 'node:assert/strict';
import path from 'node:path';

import { requestJson, startChildServer, type ChildServer } from '../helpers/child-server';
import { tempDir } from '../helpers/start-server';
import { VALID_BODIES } from './valid-bodies';

const USERS = 40;

async function tokenFor(url: string, userId: string): Promise<string> {
  const res = await requestJson(url, 'POST', '/dev/token', {
    body: { userId, name: `Crash ${userId}`, agency: 'POLICE', roles: ['practitioner'] },
  });
  assert.equal(res.status, 200, res.text);
  return res.body.token as string;
}

describe('faults: SIGKILL of the server during writes, then restart', function () {
  this.timeout(180_000);
  let a: ChildServer | undefined;
  let b: ChildServer | undefined;
  after(async () => {
    a?.child.kill('SIGKILL');
    await b?.stop();
  });

  it('should keep every acknowledged notification, sign-up and status change, and duplicate none', async () => {
    const dbPath = path.join(tempDir(), 'crash.sqlite');
    a = await startChildServer({ DB_PATH: dbPath });
    const users = Array.from({ length: USERS }, (_, i) => `crash-user-${i}`);
    const tokens = await Promise.all(users.map((u) => tokenFor(a!.url, u)));
    const lead = (await requestJson(a.url, 'POST', '/dev/token', { body: { userId: 'dev-agency-lead-police' } })).body.token;
    const [group] = (await requestJson(a.url, 'GET', '/api/focus-groups', { token: tokens[0] })).body.focusGroups;
    const [action] = (await requestJson(a.url, 'GET', '/api/actions?agency=POLICE&limit=1', { token: lead })).body.items;

    const acked = { notifications: new Map<string, string>(), signups: new Set<string>(), notes: [] as string[] };
    const notes = (async () => {
      let version = action.version as number;
      for (let n = 0; n < 200; n++) {
        const note = `crash note ${n}`;
        const r = await requestJson(a!.url, 'PATCH', `/api/actions/${action.id}`, { token: lead, body: { version, note } }).catch(() => null);
        if (!r || r.status >= 300) {
          assert.ok(!r || r.status === 503, `unexpected answer ${r?.status} ${r?.text}`);
          return;
        }
        acked.notes.push(note);
        version = r.body.version;
      }
    })();
    while (acked.notes.length < 3) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const pending: Promise<unknown>[] = [];
    users.forEach((u, i) => {
      pending.push(
        requestJson(a!.url, 'POST', '/api/notifications', {
          token: tokens[i],
          body: VALID_BODIES['POST /api/notifications'],
          headers: { 'idempotency-key': `crash-${i}` },
        }).then((r) => r.status < 300 && acked.notifications.set(`crash-${i}`, r.body.reference), () => undefined),
        requestJson(a!.url, 'POST', `/api/focus-groups/${group.id}/signups`, {
          token: tokens[i],
          body: VALID_BODIES['POST /api/focus-groups/:id/signups'],
        }).then((r) => r.status < 300 && acked.signups.add(u), () => undefined)
      );
    });
    // kill once some writes are acknowledged and others are still in flight
    const deadline = Date.now() + 20_000;
    while (acked.notifications.size + acked.signups.size < USERS / 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    a.child.kill('SIGKILL');
    await Promise.all([...pending, notes]);
    assert.ok(acked.notifications.size > 0 && acked.notifications.size + acked.signups.size < USERS * 2, 'killed mid-run');

    b = await startChildServer({ DB_PATH: dbPath });
    const bu = (await requestJson(b.url, 'POST', '/dev/token', { body: { userId: 'dev-business-unit' } })).body.token;
    const listed = (await requestJson(b.url, 'GET', '/api/notifications', { token: bu })).body;
    const references = new Set<string>((listed.notifications ?? listed.items ?? listed).map((n: { reference: string }) => n.reference));
    for (const ref of acked.notifications.values()) {
      assert.ok(references.has(ref), `acknowledged notification ${ref} survived`);
    }
    const newTokens = await Promise.all(users.map((u) => tokenFor(b!.url, u)));
    for (const u of acked.signups) {
      const i = users.indexOf(u);
      const view = (await requestJson(b.url, 'GET', `/api/focus-groups/${group.id}`, { token: newTokens[i] })).body;
      assert.ok(['confirmed', 'waitlisted'].includes(view.myStatus), `acknowledged sign-up of ${u} survived (${view.myStatus})`);
    }
    const leadB = (await requestJson(b.url, 'POST', '/dev/token', { body: { userId: 'dev-agency-lead-police' } })).body.token;
    const history = JSON.stringify((await requestJson(b.url, 'GET', `/api/actions/${action.id}/history`, { token: leadB })).body);
    for (const note of acked.notes) {
      assert.ok(history.includes(note), `acknowledged note "${note}" survived`);
    }

    // the notifier retries everything with the same idempotency keys: nothing is duplicated
    const retries = await Promise.all(
      users.map((_, i) =>
        requestJson(b!.url, 'POST', '/api/notifications', {
          token: newTokens[i],
          body: VALID_BODIES['POST /api/notifications'],
          headers: { 'idempotency-key': `crash-${i}` },
        })
      )
    );
    retries.forEach((r, i) => {
      assert.ok(r.status === 200 || r.status === 201, r.text);
      const first = acked.notifications.get(`crash-${i}`);
      if (first) {
        assert.equal(r.body.reference, first, 'a retry of an acknowledged notification returns it, not a new one');
      }
    });
    const all = (await requestJson(b.url, 'GET', '/api/notifications', { token: bu })).body;
    const crashRefs = (all.notifications ?? all.items ?? all).filter((n: { notifierAadId?: string; notifier?: { id?: string } }) => JSON.stringify(n).includes('crash-user-'));
    process.stdout.write(`      (crash: ${acked.notifications.size} notifications, ${acked.signups.size} sign-ups, ${acked.notes.length} notes acknowledged before SIGKILL; ${crashRefs.length} notifications after retries)\n`);
    assert.equal(new Set(retries.map((r) => r.body.reference)).size, USERS, 'one notification per key');
  });
});
