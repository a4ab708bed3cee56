import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';

import type { DataSource } from 'typeorm';

import { bulkSeedActions } from '../../src/data/seed/action-plans';
import { dateInZone } from '../../src/domain/actions/rag-rule';
import { recomputeRag } from '../../src/domain/actions/recompute-rag';
import { startRagWorker } from '../../src/domain/actions/rag-worker';
import type { TrackerDeps } from '../../src/domain/actions/tracker-deps';
import { updateAction } from '../../src/domain/actions/update-action';
import type { Caller } from '../../src/domain/caller';
import { createLogger } from '../../src/logging/logger';
import { startTestServer, type TestServer } from '../helpers/start-server';

const DAY = 86_400_000;
const RAG = { amberWithinDays: 14, staleProgressDays: 30 };
const BOARD: Caller = { id: 'dev-board-chair', name: 'Chris Taylor', personId: null, agency: null, roles: ['board'] };

/** Runs one operation in another process on the same database file (a second server instance). */
function otherInstance(args: string[]): Promise<Record<string, number>> {
  const script = path.join(__dirname, '..', 'fixtures', 'tracker-instance.ts');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { timeout: 30_000 }, (err, stdout) =>
      err ? reject(err) : resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}'))
    );
  });
}

function deps(db: DataSource, daysAhead: number): TrackerDeps {
  const now = new Date(Date.now() + daysAhead * DAY);
  return { db, rag: RAG, timeZone: 'Europe/London', now: () => now };
}

describe('RAG rule worker', function () {
  this.timeout(60_000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ RAG_RECOMPUTE_INTERVAL_MINUTES: '0' });
    await bulkSeedActions(server.db, { actions: 400, plans: 10, agencies: 8, seed: 3 });
  });
  after(async () => {
    await server?.stop();
  });

  it('should change nothing when every status already agrees with the rule today', async () => {
    const result = await recomputeRag(deps(server.db, 0));
    assert.equal(result.changed, 0);
    assert.ok(result.checked > 0);
  });

  it('should turn an action red the day after its target passes, with a system history line', async () => {
    const today = dateInZone(new Date(), 'Europe/London');
    const [row] = await server.db.query(
      "SELECT id, due_date, version FROM actions WHERE status = 'green' AND override_status IS NULL AND due_date > ? ORDER BY due_date LIMIT 1",
      [today]
    );
    const daysAhead = Math.round((Date.parse(row.due_date) - Date.parse(today)) / DAY) + 1;
    const result = await recomputeRag(deps(server.db, daysAhead));
    assert.ok(result.changed > 0);
    const [after] = await server.db.query('SELECT status, rule_status, version FROM actions WHERE id = ?', [row.id]);
    assert.deepEqual([after.status, after.rule_status, after.version], ['red', 'red', row.version + 1]);
    const lines = await server.db.query("SELECT actor_id, field, from_value, to_value FROM action_history WHERE action_id = ? AND actor_id = 'system' AND field IN ('rule_status', 'status')", [row.id]);
    assert.deepEqual(lines.map((l: { field: string; to_value: string }) => [l.field, l.to_value]).sort(), [['rule_status', 'red'], ['status', 'red']]);
  });

  it('should keep a human override while updating the rule view beside it', async () => {
    const [row] = await server.db.query("SELECT id, version, due_date FROM actions WHERE status = 'green' AND rule_status = 'green' AND due_date > '2000-01-01' ORDER BY id LIMIT 1");
    await updateAction(deps(server.db, 0), BOARD, row.id, row.version, { status: 'amber', note: 'Supplier delay' });
    const days = Math.round((Date.parse(row.due_date) - Date.now()) / DAY) + 3;
    await recomputeRag(deps(server.db, days));
    const [after] = await server.db.query('SELECT status, rule_status, override_status FROM actions WHERE id = ?', [row.id]);
    assert.deepEqual([after.status, after.rule_status, after.override_status], ['amber', 'red', 'amber']);
  });

  it('should write each change once when two instances apply the rule at the same time', async () => {
    const before = Number((await server.db.query("SELECT COUNT(*) AS n FROM action_history WHERE field = 'rule_status'"))[0].n);
    const [a, b] = await Promise.all([recomputeRag(deps(server.db, 500)), otherInstance(['recompute', server.dbPath, '500'])]);
    assert.ok(a.changed + b.changed > 0);
    const afterCount = Number((await server.db.query("SELECT COUNT(*) AS n FROM action_history WHERE field = 'rule_status'"))[0].n);
    assert.equal(afterCount - before, a.changed + b.changed, 'one history line per change');
    const dupes = await server.db.query(
      "SELECT action_id, COUNT(*) AS n FROM action_history WHERE field = 'rule_status' AND to_value = 'red' GROUP BY action_id HAVING COUNT(*) > 1"
    );
    assert.deepEqual(dupes, []);
    assert.equal((await otherInstance(['recompute', server.dbPath, '500'])).changed, 0, 'nothing left to change');
  });

  it('should let one of several instances win the same versioned update and refuse the others with 409', async () => {
    const [row] = await server.db.query("SELECT id, version FROM actions WHERE status <> 'complete' ORDER BY id LIMIT 1");
    const statuses = await Promise.all(
      ['A', 'B', 'C'].map((n) => otherInstance(['update', server.dbPath, String(row.id), String(row.version), `From instance ${n}`]).then((r) => r.status))
    );
    assert.deepEqual(statuses.sort(), [200, 409, 409]);
    const [after] = await server.db.query('SELECT version FROM actions WHERE id = ?', [row.id]);
    assert.equal(after.version, row.version + 1);
    const [{ n }] = await server.db.query("SELECT COUNT(*) AS n FROM action_history WHERE action_id = ? AND field = 'progress_note' AND to_value LIKE 'From instance %'", [row.id]);
    assert.equal(Number(n), 1);
  });

  it('should run at start and stop cleanly, waiting for a run in progress', async () => {
    const log = createLogger('silent');
    const worker = startRagWorker(deps(server.db, 900), 60_000, log);
    await worker.runNow();
    await worker.stop();
    const [{ n }] = await server.db.query("SELECT COUNT(*) AS n FROM actions WHERE status <> 'complete' AND rule_status <> 'red' AND due_date < ?", [dateInZone(new Date(Date.now() + 900 * DAY), 'Europe/London')]);
    assert.equal(Number(n), 0);
    await worker.runNow();
  });
});
