import assert from 'node:assert/strict';

import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

describe('seedSampleAudits (dev mode)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
  });

  it('should seed two themed audits with cases and upcoming open focus groups', async () => {
    const bu = await devToken(server, 'dev-business-unit');
    const audits = await server.request('GET', '/api/audits', { token: bu });
    const titles = audits.body.audits.map((a: { title: string }) => a.title).sort();
    assert.deepEqual(titles, ['Children missing from home and care', 'Neglect: multi-agency themed audit']);
    const sessions = await server.request('GET', '/api/focus-groups', { token: await devToken(server, 'dev-practitioner-school') });
    assert.equal(sessions.body.focusGroups.length, 3, 'the school practitioner may join all three');
    assert.ok(sessions.body.focusGroups.every((g: { past: boolean; status: string }) => !g.past && g.status === 'open'));
    const health = await devToken(server, { userId: 'seed-health', name: 'Health', agency: 'ACUTE', roles: ['practitioner'] });
    const forHealth = await server.request('GET', '/api/focus-groups', { token: health });
    assert.equal(forHealth.body.focusGroups.length, 2, 'one session is only for police and schools');
  });
});
