import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One request the bot sent to the Bot Connector. */
export type ConnectorCall = {
  method: string;
  path: string;
  conversationId: string;
  authorization?: string;
  activity: Record<string, any>;
  /** when the stand-in received it (`performance.now()` of the test process) */
  at: number;
};

/** A request the stand-in refused with an injected failure (`failNext`). */
export type RefusedCall = { path: string; conversationId: string; status: number; at: number };

/** A loopback stand-in for the Bot Connector service (the `serviceUrl` of test activities). */
export type FakeConnector = {
  url: string;
  calls: ConnectorCall[];
  /** requests answered with an injected failure, in arrival order */
  refused: RefusedCall[];
  /** resolves when at least `n` calls have arrived (bounded by `timeoutMs`) */
  waitFor: (n: number, timeoutMs?: number) => Promise<ConnectorCall[]>;
  /** answers the next `count` calls with this status (e.g. 429) and optional Retry-After */
  failNext: (count: number, status: number, retryAfterSeconds?: number) => void;
  reset: () => void;
  close: () => Promise<void>;
};

const ACTIVITY_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/** Starts the stand-in on 127.0.0.1 with an ephemeral port. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const refused: RefusedCall[] = [];
  const failures: { status: number; retryAfter?: number }[] = [];
  let waiters: { n: number; resolve: () => void }[] = [];
  let seq = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = decodeURIComponent((req.url ?? '').split('?')[0]);
      const m = ACTIVITY_PATH.exec(path);
      res.setHeader('content-type', 'application/json');
      const failure = failures.shift();
      if (failure) {
        refused.push({ path, conversationId: m?.[1] ?? '', status: failure.status, at: performance.now() });
        if (failure.retryAfter !== undefined) {
          res.setHeader('retry-after', String(failure.retryAfter));
        }
        res.statusCode = failure.status;
        res.end(JSON.stringify({ error: { code: 'Throttled', message: 'injected' } }));
        return;
      }
      if (!m || req.method !== 'POST' && req.method !== 'PUT') {
        res.statusCode = 404;
        res.end('{}');
        return;
      }
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      calls.push({
        method: req.method ?? '',
        path,
        conversationId: m[1],
        authorization: req.headers.authorization,
        activity,
        at: performance.now(),
      });
      waiters = waiters.filter((w) => (calls.length >= w.n ? (w.resolve(), false) : true));
      res.end(JSON.stringify({ id: `activity-${++seq}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    calls,
    refused,
    waitFor: (n, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        if (calls.length >= n) {
          resolve(calls);
          return;
        }
        const timer = setTimeout(() => reject(new Error(`expected ${n} connector calls, got ${calls.length}`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve(calls)) });
      }),
    failNext: (count, status, retryAfter) => {
      for (let i = 0; i < count; i++) {
        failures.push({ status, retryAfter });
      }
    },
    reset: () => {
      calls.length = 0;
      refused.length = 0;
      failures.length = 0;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
