import assert from 'node:assert/strict';

import { signToken } from '../helpers/local-keys';
import { OTHER_TENANT, startEntraServer, type EntraServer } from '../helpers/entra';

/** Every REST route the server has mounted, with path parameters filled in. */
function apiRoutes(e: EntraServer): { method: string; path: string }[] {
  const routes = Object.values(e.server.server.router.getRoutes()) as { method: string; path: string }[];
  return routes
    .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/messages')
    .map((r) => ({ method: r.method, path: r.path.replace(/:[A-Za-z]+/g, '1') }));
}

describe('security: every REST route refuses bad tokens', function () {
  this.timeout(120_000);
  let e: EntraServer;
  let tried = 0;
  before(async () => {
    e = await startEntraServer();
  });
  after(async () => {
    await e.close();
    process.stdout.write(`      (security: ${tried} route × token cases tried)\n`);
  });

  it('should find the REST routes to test', () => {
    assert.ok(apiRoutes(e).length >= 1);
  });

  const cases: [string, (e: EntraServer) => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['an expired token', (s) => s.token('dev-business-unit', {}, { expiresIn: Math.floor(Date.now() / 1000) - 600 })],
    ['a wrongly signed token', (s) => signToken(s.stranger, { iss: 'x', aud: 'y', tid: 'z', oid: 'dev-business-unit' })],
    ['a token for another audience', (s) => s.token('dev-business-unit', { aud: 'api://other-app' })],
    ['a token from another tenant', (s) => s.token('dev-business-unit', { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })],
  ];
  for (const [what, make] of cases) {
    it(`should answer 401 on every route for ${what}`, async () => {
      const token = await make(e);
      const failures: string[] = [];
      for (const r of apiRoutes(e)) {
        tried++;
        const res = await e.server.request(r.method, r.path, {
          token,
          body: ['POST', 'PATCH', 'PUT'].includes(r.method) ? {} : undefined,
        });
        if (res.status !== 401) {
          failures.push(`${r.method} ${r.path} ⇒ ${res.status}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  it('should keep tokens and secrets out of the log', async () => {
    const token = await e.token('dev-business-unit');
    await e.server.request('GET', '/api/me', { token });
    await e.server.request('GET', '/api/me', { token: `${token}x` });
    const log = e.server.logs.join('\n');
    assert.ok(!log.includes(token.split('.')[2]), 'no token signature in the log');
    assert.doesNotMatch(log, /Bearer /);
  });
});
