import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Logger } from '../logging/logger';
import { handleControl } from './local-graph/control';
import { FaultQueue, type Fault, type FaultInput } from './local-graph/faults';
import { graphError, mailboxOf, runOperation, type OpContext, type OpResult } from './local-graph/operations';
import { CalendarStore } from './local-graph/store';
import { requestChecks } from './local-graph/validator';
import type { AttendeeResponse, BusyPeriod } from './types';

/** What the stand-in measured. */
export type LocalGraphStats = {
  /** Graph API requests (token and control calls excluded; a batch counts once) */
  httpRequests: number;
  batchRequests: number;
  /** single operations: direct requests plus each request inside a batch */
  operations: number;
  tokenRequests: number;
  /** most operations seen running at once on one mailbox */
  maxInFlight: number;
  /** operations refused because the mailbox already had the maximum running */
  concurrencyViolations: number;
  throttled: number;
  unavailable: number;
  /** requests that arrived while a Retry-After the stand-in had sent was still running */
  earlyRequests: number;
  rejectedBodies: number;
  /** the first reasons bodies were refused */
  rejections: string[];
};

/** How to start the stand-in. */
export type LocalGraphOptions = {
  /** 0 (default) for any free port */
  port?: number;
  /** email domains whose mailboxes exist (default `board.example`) */
  tenantDomains?: string[];
  /** when set, the token endpoint insists on this client secret */
  clientSecret?: string;
  /** time each operation takes, so concurrency is measurable (default 2 ms) */
  latencyMs?: number;
  /** Outlook's concurrent-request limit per mailbox, answered with 429 beyond it (default 4) */
  maxConcurrentPerMailbox?: number;
  /** a request this soon after a 429 was sent may have left before the client saw it (default 25 ms) */
  retryGraceMs?: number;
  log?: Logger;
};

/** A running stand-in. */
export type LocalGraphServer = {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  /** Graph base URL for the app's configuration (`…/v1.0`) */
  baseUrl: string;
  /** token endpoint for a tenant */
  tokenUrl: (tenant?: string) => string;
  store: CalendarStore;
  stats: LocalGraphStats;
  injectFault: (fault: FaultInput) => void;
  clearFaults: () => void;
  resetStats: () => void;
  respond: (eventId: string, email: string, response: AttendeeResponse) => boolean;
  setBusy: (email: string, periods: BusyPeriod[]) => void;
  close: () => Promise<void>;
};

type Answer = { status: number; headers: Record<string, string>; body?: string };

function emptyStats(): LocalGraphStats {
  return { httpRequests: 0, batchRequests: 0, operations: 0, tokenRequests: 0, maxInFlight: 0, concurrencyViolations: 0, throttled: 0, unavailable: 0, earlyRequests: 0, rejectedBodies: 0, rejections: [] };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a small Microsoft Graph stand-in on 127.0.0.1: the client-credentials token endpoint,
 * events (create with `transactionId` de-duplication, get, update, cancel, delete), getSchedule
 * and `$batch`, in memory. Every request body is validated against Graph's published description
 * (src/graph/schemas). Faults can be injected (429/503 with Retry-After, time-outs, broken bodies,
 * errors, missing Teams links) through `injectFault` or `POST /_control/faults`.
 * @param options see LocalGraphOptions
 * @returns the running server
 */
export async function startLocalGraphServer(options: LocalGraphOptions = {}): Promise<LocalGraphServer> {
  const store = new CalendarStore();
  const faults = new FaultQueue();
  const tokens = new Set<string>();
  let stats = emptyStats();
  const latency = options.latencyMs ?? 2;
  const limit = options.maxConcurrentPerMailbox ?? 4;
  const grace = options.retryGraceMs ?? 25;
  const inFlight = new Map<string, number>();
  const pauses = new Map<string, { announced: number; until: number }>();
  const ctx: OpContext = {
    store,
    checks: requestChecks(),
    tenantDomains: (options.tenantDomains ?? ['board.example']).map((d) => d.toLowerCase()),
    withTeams: () => faults.withTeams(),
    rejected: (reason) => {
      stats.rejectedBodies += 1;
      if (stats.rejections.length < 20) stats.rejections.push(reason);
      options.log?.warn('local graph refused a request body', { reason });
    },
  };

  const notePause = (mailbox: string, res: OpResult) => {
    if (res.status === 429 || res.status === 503) {
      stats[res.status === 429 ? 'throttled' : 'unavailable'] += 1;
      const seconds = Number(res.headers['Retry-After'] ?? 0);
      const now = Date.now();
      const old = pauses.get(mailbox);
      pauses.set(mailbox, { announced: now, until: Math.max(old?.until ?? 0, now + seconds * 1000) });
    }
  };
  const faultAnswer = (f: Fault): OpResult =>
    f.kind === 'throttle'
      ? graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': String(f.retryAfterSeconds) })
      : f.kind === 'unavailable'
        ? graphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.', { 'Retry-After': String(f.retryAfterSeconds) })
        : graphError(f.status, f.code, f.message);

  /** Runs one operation holding a place on its mailbox for the simulated latency. */
  const operate = async (method: string, url: string, body: unknown): Promise<OpResult> => {
    const mailbox = mailboxOf(url) ?? '';
    stats.operations += 1;
    const running = (inFlight.get(mailbox) ?? 0) + 1;
    inFlight.set(mailbox, running);
    try {
      stats.maxInFlight = Math.max(stats.maxInFlight, running);
      if (running > limit) {
        stats.concurrencyViolations += 1;
        const res = graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': '1' });
        notePause(mailbox, res);
        return res;
      }
      await sleep(latency);
      const fault = faults.next('operation');
      const res = fault && fault.kind !== 'timeout' && fault.kind !== 'malformed' ? faultAnswer(fault) : runOperation(ctx, { method, url, body });
      notePause(mailbox, res);
      return res;
    } finally {
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 1) - 1);
    }
  };

  const runBatch = async (body: unknown): Promise<OpResult> => {
    stats.batchRequests += 1;
    const problem = ctx.checks.batch(body);
    if (problem) {
      ctx.rejected(`$batch: ${problem}`);
      return graphError(400, 'BadRequest', `Invalid batch: ${problem}`);
    }
    const requests = (body as { requests: { id: string; method: string; url: string; body?: unknown; dependsOn?: string[] }[] }).requests;
    const ids = new Set(requests.map((r) => r.id.toLowerCase()));
    if (ids.size !== requests.length) {
      return graphError(400, 'BadRequest', 'Batch request ids must be unique.');
    }
    const done = new Map<string, Promise<OpResult>>();
    for (const r of requests) {
      const deps = (r.dependsOn ?? []).map((d) => done.get(d.toLowerCase()));
      if (deps.some((d) => d === undefined)) {
        return graphError(400, 'BadRequest', `Request ${r.id} depends on a request that does not come before it.`);
      }
      done.set(
        r.id.toLowerCase(),
        Promise.all(deps).then((results) =>
          results.some((x) => (x as OpResult).status >= 400)
            ? graphError(424, 'FailedDependency', 'A request this one depends on failed.')
            : operate(r.method, r.url.replace(/^\/v1\.0/, ''), r.body)
        )
      );
    }
    const responses = await Promise.all(requests.map(async (r) => ({ id: r.id, ...(await done.get(r.id.toLowerCase()) as OpResult) })));
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: { responses } };
  };

  const graph = async (req: http.IncomingMessage, raw: string): Promise<Answer | 'hold'> => {
    const auth = req.headers.authorization ?? '';
    if (!tokens.has(auth.replace(/^Bearer /, ''))) {
      return toAnswer(graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.'));
    }
    stats.httpRequests += 1;
    const url = (req.url ?? '').replace(/^\/v1\.0/, '');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      ctx.rejected('body is not JSON');
      return toAnswer(graphError(400, 'BadRequest', 'Unable to read JSON request payload.'));
    }
    const isBatch = url.split('?')[0] === '/$batch';
    const firstInner = isBatch ? (body as { requests?: { url?: unknown }[] } | undefined)?.requests?.[0]?.url : undefined;
    const mailbox = mailboxOf(isBatch ? String(firstInner ?? '').replace(/^\/v1\.0/, '') : url) ?? '';
    const pause = pauses.get(mailbox);
    const now = Date.now();
    if (pause && now > pause.announced + grace && now < pause.until - 5) {
      stats.earlyRequests += 1;
    }
    const fault = faults.next('http');
    if (fault && fault.kind !== 'timeout' && fault.kind !== 'malformed') {
      const answer = faultAnswer(fault);
      notePause(mailbox, answer);
      return toAnswer(answer);
    }
    if (fault?.kind === 'timeout' && !fault.afterProcessing) {
      return 'hold';
    }
    const result = isBatch ? await runBatch(body) : await operate(req.method ?? 'GET', url, body);
    if (fault?.kind === 'timeout') {
      return 'hold';
    }
    if (fault?.kind === 'malformed') {
      return { status: result.status < 400 ? result.status : 200, headers: { 'Content-Type': 'application/json' }, body: '{"id": "AAMk' };
    }
    return toAnswer(result);
  };

  const token = (raw: string): Answer => {
    stats.tokenRequests += 1;
    const form = new URLSearchParams(raw);
    if (form.get('grant_type') !== 'client_credentials' || !form.get('client_id') || !form.get('scope')) {
      return json(400, { error: 'invalid_request', error_description: 'AADSTS900144: The request body must contain grant_type, client_id and scope.' });
    }
    if (options.clientSecret !== undefined && form.get('client_secret') !== options.clientSecret) {
      return json(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
    }
    const accessToken = `local.${randomBytes(24).toString('base64url')}`;
    tokens.add(accessToken);
    return json(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '').split('?')[0];
      const work: Promise<Answer | 'hold'> =
        req.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)
          ? Promise.resolve(token(raw))
          : path.startsWith('/_control/')
            ? Promise.resolve(handleControl(api, req.method ?? 'GET', path, raw))
            : path.startsWith('/v1.0/')
              ? graph(req, raw)
              : Promise.resolve(toAnswer(graphError(404, 'NotFound', 'Only /v1.0 is served here.')));
      work
        .then((answer) => {
          if (answer !== 'hold') {
            // Not chained: restify (same process in dev mode) patches writeHead and returns nothing.
            res.writeHead(answer.status, answer.headers);
            res.end(answer.body);
          }
        })
        .catch((err: unknown) => {
          options.log?.error('local graph failed', { err: err instanceof Error ? err.message : String(err) });
          if (!res.headersSent) {
            res.writeHead(500);
          }
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api: LocalGraphServer = {
    url,
    baseUrl: `${url}/v1.0`,
    tokenUrl: (tenant = 'local-tenant') => `${url}/${tenant}/oauth2/v2.0/token`,
    store,
    get stats() {
      return stats;
    },
    injectFault: (f) => faults.add(f),
    clearFaults: () => faults.clear(),
    resetStats: () => {
      stats = emptyStats();
    },
    respond: (eventId, email, response) => store.respond(eventId, email, response),
    setBusy: (email, periods) => store.setBusy(email, periods),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return api;
}

function json(status: number, body: unknown): Answer {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

function toAnswer(r: OpResult): Answer {
  return { status: r.status, headers: r.headers, body: r.body === undefined ? undefined : JSON.stringify(r.body) };
}
