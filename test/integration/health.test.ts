import assert from 'node:assert/strict';

import { startTestServer, type TestServer } from '../helpers/start-server';

describe('GET /healthz', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server.stop());

  it('should answer 200 with the database status', async () => {
    const res = await server.request('GET', '/healthz');
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'ok');
    assert.equal(res.body.database, 'ok');
    assert.equal(res.body.devMode, true);
  });

  it('should answer 404 as JSON for an unknown route', async () => {
    const res = await server.request('GET', '/api/nope');
    assert.equal(res.status, 404);
    assert.equal(res.body.error, 'not_found');
  });

  it('should write one log line per request without the token', async () => {
    const before = server.logs.length;
    await server.request('GET', '/api/me', { token: 'not-a-real-token-abc123' });
    const lines = server.logs.slice(before).map((l) => JSON.parse(l));
    const requestLines = lines.filter((l) => l.msg === 'request');
    assert.equal(requestLines.length, 1);
    assert.equal(requestLines[0].route, '/api/me');
    assert.equal(requestLines[0].status, 401);
    assert.ok(!server.logs.slice(before).join('\n').includes('not-a-real-token-abc123'));
  });
});
