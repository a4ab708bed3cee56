import assert from 'node:assert/strict';

import { hostileObject, hostileValue, mutate, prng } from '../helpers/fuzz';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';
import { VALID_BODIES } from './valid-bodies';

const PER_ROUTE = 30;

/** Row counts of every table, to prove a rejected request changed nothing. */
async function snapshot(server: TestServer): Promise<string> {
  const tables = (await server.db.query(
    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
  )) as { name: string }[];
  const counts: string[] = [];
  for (const t of tables) {
    const [row] = (await server.db.query(`SELECT COUNT(*) AS n FROM "${t.name}"`)) as { n: number }[];
    counts.push(`${t.name}=${row.n}`);
  }
  return counts.join(',');
}

describe('fuzz: hostile REST bodies and query strings', function () {
  this.timeout(300_000);
  let server: TestServer;
  let tried = 0;
  let rejected = 0;
  let rowsChecked = 0;

  before(async () => {
    server = await startTestServer({ LOG_LEVEL: 'warn' });
  });
  after(async () => {
    await server.stop();
    process.stdout.write(`      (fuzz-api: ${tried} inputs tried, ${rejected} rejected with 4xx, ${rowsChecked} table snapshots compared)\n`);
  });

  for (const user of ['dev-business-unit', 'dev-agency-lead-police', 'dev-practitioner-police']) {
    it(`should never answer 5xx nor change rows on a rejected request, as ${user}`, async () => {
      const rand = prng(user.length * 7919);
      const token = await devToken(server, user);
      const routes = (Object.values(server.server.router.getRoutes()) as { method: string; path: string }[]).filter(
        (r) => (r.path.startsWith('/api/') || r.path.startsWith('/dev/')) && r.path !== '/api/messages'
      );
      const problems: string[] = [];
      for (const r of routes) {
        for (let i = 0; i < PER_ROUTE; i++) {
          const raw = hostileValue(rand);
          // slice can cut a surrogate pair in two, which encodeURIComponent refuses: drop surrogates
          const id = (typeof raw === 'string' ? raw : JSON.stringify(raw) ?? '1').slice(0, 40).replace(/[\uD800-\uDFFF]/g, '') || '1';
          const path = r.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(rand() < 0.5 ? '1' : id));
          const query = rand() < 0.5 ? `?${new URLSearchParams(Object.entries(hostileObject(rand, 0, ['status', 'limit', 'cursor', 'q', 'agency', 'format', 'overdue', 'sort'])).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v) ?? ""])).toString()}` : '';
          const sample = VALID_BODIES[`${r.method} ${r.path}`];
          const body = ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method)
            ? sample && rand() < 0.6 ? mutate(rand, sample) : hostileValue(rand)
            : undefined;
          const before = await snapshot(server);
          const res = await server.request(r.method, `${path}${query}`, { token, body: body === undefined ? undefined : body });
          tried++;
          if (res.status >= 500) {
            problems.push(`${r.method} ${path}${query} ⇒ ${res.status} ${res.text.slice(0, 200)} body=${JSON.stringify(body)?.slice(0, 200)}`);
          }
          if (res.status >= 400 && res.status < 500) {
            rejected++;
            rowsChecked++;
            if ((await snapshot(server)) !== before) {
              problems.push(`${r.method} ${path} ⇒ ${res.status} but rows changed`);
            }
          }
        }
      }
      assert.deepEqual(problems.slice(0, 10), []);
      assert.equal((await server.request('GET', '/healthz')).status, 200);
    });
  }
});
