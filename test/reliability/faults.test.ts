import assert from 'node:assert/strict';

import Database from 'better-sqlite3';

import { devToken, startTestServer, type TestServer } from '../helpers/start-server';
import { VALID_BODIES } from './valid-bodies';

/** Row counts of the tables the writes below touch. */
async function counts(server: TestServer): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['notifications', 'focus_group_signups', 'action_history', 'audit_log']) {
    const [row] = (await server.db.query(`SELECT COUNT(*) AS n FROM "${t}"`)) as { n: number }[];
    out[t] = row.n;
  }
  return out;
}

describe('faults: the database is locked by another process mid-run', function () {
  this.timeout(120_000);
  let server: TestServer;
  let faults = 0;

  before(async () => {
    server = await startTestServer({ DB_BUSY_TIMEOUT_MS: '150', LOG_LEVEL: 'warn' });
  });
  after(async () => {
    await server.stop();
    process.stdout.write(`      (faults: ${faults} writes refused while the database was locked)\n`);
  });

  it('should answer 503 with a clear message, write nothing, and work again once the lock is gone', async () => {
    const practitioner = await devToken(server, 'dev-practitioner-police');
    const lead = await devToken(server, 'dev-agency-lead-police');
    const [group] = (await server.request('GET', '/api/focus-groups', { token: practitioner })).body.focusGroups;
    const actions = (await server.request('GET', '/api/actions?agency=POLICE&limit=1', { token: lead })).body.items;
    assert.ok(group?.id, 'a sample focus group is open');
    assert.ok(actions[0]?.id, 'a sample police action exists');
    const writes = () => [
      server.request('POST', '/api/notifications', { token: practitioner, body: VALID_BODIES['POST /api/notifications'] }),
      server.request('POST', `/api/focus-groups/${group.id}/signups`, { token: practitioner, body: VALID_BODIES['POST /api/focus-groups/:id/signups'] }),
      server.request('PATCH', `/api/actions/${actions[0].id}`, { token: lead, body: { version: actions[0].version, note: 'Progress while locked' } }),
    ];
    const before = await counts(server);

    const locker = new Database(server.dbPath);
    locker.pragma('busy_timeout = 0');
    locker.prepare('BEGIN EXCLUSIVE').run();
    let refused;
    try {
      refused = await Promise.all(writes());
    } finally {
      locker.prepare('ROLLBACK').run();
      locker.close();
    }
    for (const res of refused) {
      faults++;
      assert.equal(res.status, 503, res.text);
      assert.equal(res.body.error, 'service_unavailable');
      assert.match(res.body.message, /nothing was saved|try again/i);
    }
    assert.deepEqual(await counts(server), before, 'no partial writes');
    assert.equal((await server.request('GET', '/healthz')).status, 200);

    const retried = await Promise.all(writes());
    assert.deepEqual(retried.map((r) => r.status).sort(), [200, 201, 201]);
    const after = await counts(server);
    assert.equal(after.notifications, before.notifications + 1);
    assert.equal(after.focus_group_signups, before.focus_group_signups + 1);
  });
});
