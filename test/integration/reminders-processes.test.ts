import assert from 'node:assert/strict';
import path from 'node:path';

import type { DataSource } from 'typeorm';

import { openDatabase } from '../../src/data/data-source';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import {
  deliveries,
  insertDueReminders,
  spawnServer,
  statusCounts,
  storePersonalRefs,
  until,
  type ServerProcess,
} from '../helpers/reminders';
import { tempDir } from '../helpers/start-server';

const COUNT = 5000;
const MAX_IN_FLIGHT = 8;

/** Child servers: fast polling, short leases (a dead instance's rows are taken over after 5 s). */
function childEnv(dbPath: string): Record<string, string> {
  return {
    DB_PATH: dbPath,
    DB_SEED_SAMPLE_DATA: 'false',
    GRAPH_LOCAL_STANDIN: 'false',
    REMINDER_POLL_MS: '50',
    REMINDER_BATCH_SIZE: '100',
    REMINDER_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT),
    REMINDER_LEASE_MS: '5000',
    REMINDER_SEND_TIMEOUT_MS: '2500',
    REMINDER_LIMIT_PER_CONVERSATION: '1000/1s',
    REMINDER_LIMIT_PER_TENANT: '5000/1s',
  };
}

function report(line: string): void {
  process.stdout.write(`      ${line}\n`);
}

describe('reminder worker across server processes (one SQLite database)', function () {
  this.timeout(300_000);
  let connector: FakeConnector;
  let db: DataSource;
  let dbPath: string;
  const children: ServerProcess[] = [];

  beforeEach(async () => {
    connector = await startFakeConnector();
    dbPath = path.join(tempDir(), 'shared.sqlite');
    db = await openDatabase({ type: 'sqlite', path: dbPath });
    const aads = Array.from({ length: 1000 }, (_, i) => `user-${i}`);
    await storePersonalRefs(db, aads, connector.url);
    await insertDueReminders(db, COUNT, aads);
  });
  afterEach(async () => {
    for (const c of children.splice(0)) {
      if (c.child.exitCode === null && c.child.signalCode === null) {
        c.child.kill('SIGKILL');
        await c.exited;
      }
    }
    await db.destroy();
    await connector.close();
  });

  it('should deliver every reminder when a server is SIGKILLed mid-run and another starts, duplicating only sends in flight', async () => {
    const first = await spawnServer(childEnv(dbPath));
    children.push(first);
    await connector.waitFor(1500, 200_000);

    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = connector.calls.length;
    await new Promise((r) => setTimeout(r, 300));
    const arrivedFromFirst = connector.calls.length;
    const stranded = (await statusCounts(db)).sending ?? 0;
    const second = await spawnServer(childEnv(dbPath));
    children.push(second);
    await until(async () => (await statusCounts(db)).sent === COUNT, 240_000, 'every reminder sent');

    const seen = deliveries(connector.calls);
    const duplicates = connector.calls.length - seen.size;
    const firstArrival = new Map<string, number>();
    connector.calls.forEach((c, i) => firstArrival.set(c.activity.summary, firstArrival.get(c.activity.summary) ?? i));
    const dupKeys = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
    report(
      `killed after ${atKill} deliveries (${arrivedFromFirst} arrived from the killed process); ` +
        `${stranded} rows left 'sending'; duplicates after restart: ${duplicates} (window: <= ${MAX_IN_FLIGHT} in flight)`
    );
    assert.equal(seen.size, COUNT, 'no reminder lost');
    assert.deepEqual(await statusCounts(db), { sent: COUNT });
    assert.ok(duplicates <= MAX_IN_FLIGHT, `${duplicates} duplicates`);
    assert.ok(
      dupKeys.every((k) => (firstArrival.get(k) ?? Infinity) < arrivedFromFirst),
      'only reminders the killed process had sent were sent again'
    );
  });

  it('should share the work between two servers on one database without sending any reminder twice', async () => {
    const a = await spawnServer(childEnv(dbPath));
    const b = await spawnServer(childEnv(dbPath));
    children.push(a, b);

    await until(async () => (await statusCounts(db)).sent === COUNT, 240_000, 'every reminder sent');

    const seen = deliveries(connector.calls);
    assert.equal(seen.size, COUNT, 'no reminder lost');
    assert.equal(connector.calls.length, COUNT, 'no reminder sent twice');
    const owners = (await db.query(
      "SELECT lease_owner AS owner, COUNT(*) AS n FROM reminders WHERE status = 'sent' GROUP BY lease_owner"
    )) as { owner: string; n: number }[];
    const perInstance = new Map<string, number>();
    for (const o of owners) {
      const instance = o.owner.split(':').slice(0, 3).join(':');
      perInstance.set(instance, (perInstance.get(instance) ?? 0) + Number(o.n));
    }
    report(`sent per instance: ${[...perInstance.values()].join(' + ')}`);
    assert.equal(perInstance.size, 2, 'both instances sent reminders');
    for (const c of [a, b]) {
      c.child.kill('SIGTERM');
      assert.equal(await c.exited, 0);
      assert.match(c.output(), /"msg":"reminder worker stopped"/);
    }
  });
});
