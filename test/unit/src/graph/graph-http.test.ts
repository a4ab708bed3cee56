import assert from 'node:assert/strict';

import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

import { createGraphSdkClient } from '../../../../src/graph/graph-http';

/** Stands in for fetch at the end of the SDK's chain and records what would have been sent. */
function capture(): Middleware & { seen: { url: string; authorization?: string }[] } {
  const seen: { url: string; authorization?: string }[] = [];
  return {
    seen,
    execute: async (context: Context) => {
      const url = typeof context.request === 'string' ? context.request : context.request.url;
      const headers = (context.options?.headers ?? {}) as Record<string, string>;
      seen.push({ url, authorization: headers.Authorization });
      context.response = new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    },
  };
}

const auth = { getAccessToken: async () => 'test-token' };

describe('createGraphSdkClient', () => {
  it('should send the token to a non-Graph https host given as GRAPH_BASE_URL (customHosts)', async () => {
    const terminal = capture();
    const client = createGraphSdkClient({ baseUrl: 'https://graph-proxy.board.example/graph/v1.0', auth, terminal });
    await client.api('/users/x/events').get();
    assert.deepEqual(terminal.seen, [{ url: 'https://graph-proxy.board.example/graph/v1.0/users/x/events', authorization: 'Bearer test-token' }]);
  });

  it('should send the token to Graph itself', async () => {
    const terminal = capture();
    const client = createGraphSdkClient({ baseUrl: 'https://graph.microsoft.com/v1.0', auth, terminal });
    await client.api('/users/x/events').get();
    assert.equal(terminal.seen[0].url, 'https://graph.microsoft.com/v1.0/users/x/events');
    assert.equal(terminal.seen[0].authorization, 'Bearer test-token');
  });

  it('should send the token to a plain-http loopback stand-in, which the SDK alone would not', async () => {
    const terminal = capture();
    const client = createGraphSdkClient({ baseUrl: 'http://127.0.0.1:4567/v1.0', auth, terminal });
    await client.api('/users/x/events').get();
    assert.deepEqual(terminal.seen, [{ url: 'http://127.0.0.1:4567/v1.0/users/x/events', authorization: 'Bearer test-token' }]);
  });

  it('should not send the token to any other host', async () => {
    const terminal = capture();
    const client = createGraphSdkClient({ baseUrl: 'https://graph.microsoft.com/v1.0', auth, terminal });
    await client.api('https://elsewhere.example/v1.0/users').get();
    assert.equal(terminal.seen[0].url.startsWith('https://elsewhere.example/'), true);
    assert.equal(terminal.seen[0].authorization, undefined);
  });
});
