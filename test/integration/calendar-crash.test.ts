import assert from 'node:assert/strict';
import path from 'node:path';

import { openDatabase } from '../../src/data/data-source';
import { CalendarEvent, CalendarOutboxItem } from '../../src/data/entities';
import { startLocalGraphServer, type LocalGraphServer } from '../../src/graph/local-graph-server';
import { ORGANISER, SECRET } from '../helpers/calendar';
import { requestJson, startChildServer, type ChildServer } from '../helpers/child-server';
import { tempDir } from '../helpers/start-server';

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('calendar outbox across a server crash', function () {
  this.timeout(90_000);
  let graph: LocalGraphServer;
  const children: ChildServer[] = [];

  after(async () => {
    for (const c of children) {
      await c.stop();
    }
    await graph?.close();
  });

  it('should leave exactly one Outlook event when the server is killed after Graph created it and before the commit', async () => {
    graph = await startLocalGraphServer({ tenantDomains: ['board.example'], clientSecret: SECRET });
    const dbPath = path.join(tempDir('sl-crash-'), 'crash.sqlite');
    const env = {
      DB_PATH: dbPath,
      GRAPH_TENANT_ID: 'test-tenant',
      GRAPH_CLIENT_ID: 'test-client',
      GRAPH_CLIENT_SECRET: SECRET,
      GRAPH_BASE_URL: graph.baseUrl,
      GRAPH_TOKEN_URL: graph.tokenUrl('test-tenant'),
      GRAPH_ORGANISER_MAILBOX: ORGANISER,
      GRAPH_REQUEST_TIMEOUT_MS: '1500',
      GRAPH_OUTBOX_POLL_MS: '50',
    };
    const first = await startChildServer(env);
    children.push(first);
    const token = (await requestJson(first.url, 'POST', '/dev/token', { body: { userId: 'dev-business-unit' } })).body.token as string;
    graph.injectFault({ kind: 'timeout', afterProcessing: true }); // Graph creates the event, the answer never comes
    const created = await requestJson(first.url, 'POST', '/api/calendar/events', {
      token,
      body: { subject: 'Panel', start: '2026-12-01T10:00:00Z', end: '2026-12-01T11:00:00Z', attendees: [{ email: 'ann@board.example' }] },
    });
    assert.equal(created.status, 201);
    await until('Graph to hold the created event', () => graph.store.events.size === 1);
    first.child.kill('SIGKILL');
    await first.stop();

    const db = await openDatabase({ type: 'sqlite', path: dbPath });
    try {
      const [item] = await db.getRepository(CalendarOutboxItem).find();
      assert.equal(item.status, 'in_flight', 'the send was never recorded');
      assert.equal((await db.getRepository(CalendarEvent).findOneByOrFail({ id: created.body.id })).graphEventId, null);

      const second = await startChildServer(env);
      children.push(second);
      await until('the restarted server to record the event', async () => (await db.getRepository(CalendarOutboxItem).findOneByOrFail({ id: item.id })).status === 'sent');
      const event = await db.getRepository(CalendarEvent).findOneByOrFail({ id: created.body.id });
      assert.equal(graph.store.events.size, 1, 'exactly one event in the organiser calendar');
      assert.equal(event.graphEventId, [...graph.store.events.keys()][0]);
      assert.equal(graph.store.createsByTransaction.get(item.transactionId), 2, 'sent twice with the same transactionId');
    } finally {
      await db.destroy();
    }
  });
});
