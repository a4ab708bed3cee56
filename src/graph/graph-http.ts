import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  ResponseType,
  type AuthenticationProvider,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

import type { Logger } from '../logging/logger';
import { GraphRetryableError, isGraphFailure } from './errors';
import type { MailboxGate } from './mailbox-gate';
import { failureOf, parseRetryAfter, type GraphCall, type GraphResponse } from './responses';

/** How the transport is set up. */
export type GraphHttpOptions = {
  /** e.g. `https://graph.microsoft.com/v1.0` */
  baseUrl: string;
  auth: AuthenticationProvider;
  gate: MailboxGate;
  timeoutMs: number;
  log: Logger;
  /** replaces the fetch at the end of the middleware chain (tests) */
  terminal?: Middleware;
};

/** Pause used when Graph throttles without saying for how long. */
const DEFAULT_PAUSE_MS = 1000;

const BatchAnswer = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    })
  ),
});

/**
 * Attaches the bearer token to requests for a plain-http loopback Graph (the local stand-in). The
 * SDK's AuthenticationHandler only does so for https hosts (Graph's own or `customHosts`) and
 * strips the header otherwise; this handler runs after it and only for the configured origin.
 */
class LoopbackBearerHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly auth: AuthenticationProvider, private readonly origin: string) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (url.startsWith(`${this.origin}/`) && context.options) {
      const token = await this.auth.getAccessToken();
      context.options.headers = { ...(context.options.headers as Record<string, string>), Authorization: `Bearer ${token}` };
    }
    await this.next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * Builds the Graph SDK client for a base URL: the SDK's AuthenticationHandler with `customHosts` =
 * the base URL's host (so a non-Graph https host still gets the token), a loopback handler for the
 * plain-http stand-in, and the SDK's fetch handler. No SDK retry handler: the outbox retries.
 * @param options base URL, token provider and optional terminal middleware
 * @returns the client
 */
export function createGraphSdkClient(options: Pick<GraphHttpOptions, 'baseUrl' | 'auth' | 'terminal'>): Client {
  const url = new URL(options.baseUrl);
  const segments = url.pathname.split('/').filter(Boolean);
  const version = segments.pop() ?? 'v1.0';
  const middleware: Middleware[] = [new AuthenticationHandler(options.auth)];
  if (url.protocol === 'http:') {
    middleware.push(new LoopbackBearerHandler(options.auth, url.origin));
  }
  middleware.push(options.terminal ?? new HTTPMessageHandler());
  return Client.initWithMiddleware({
    middleware,
    baseUrl: `${url.origin}${segments.length ? `/${segments.join('/')}` : ''}`,
    defaultVersion: version,
    customHosts: new Set([url.hostname]),
  });
}

/**
 * Sends Graph requests through the SDK with the per-mailbox gate, a time-out, and errors mapped
 * to the app's catalogue; single requests and JSON batches.
 */
export class GraphHttp {
  private readonly client: Client;
  /** HTTP requests sent to Graph (each batch counts once) */
  requests = 0;

  constructor(private readonly options: GraphHttpOptions) {
    this.client = createGraphSdkClient(options);
  }

  /**
   * Sends one request.
   * @param call the request
   * @param maxWaitMs fail instead of waiting longer than this for a Graph-imposed pause
   * @returns the 2xx answer
   * @throws GraphPermissionError, GraphRequestError or GraphRetryableError
   */
  async send(call: GraphCall, maxWaitMs?: number): Promise<GraphResponse> {
    const res = await this.exchange(call.mailbox, 1, call, maxWaitMs);
    const failure = failureOf(call, res);
    if (failure) {
      throw failure;
    }
    return res;
  }

  /**
   * Sends up to 20 requests to one mailbox as one `POST /$batch`.
   * @param calls the requests (unique ids, same mailbox)
   * @param sequential chain them with `dependsOn` so Graph runs one at a time (a failure makes
   *   the rest answer 424); otherwise they run in parallel and count as that many requests
   * @returns each inner answer by request id (not mapped to errors: see `failureOf`)
   * @throws a Graph failure when the batch itself fails
   */
  async batch(calls: GraphCall[], sequential: boolean, maxWaitMs?: number): Promise<Map<string, GraphResponse>> {
    const mailbox = calls[0].mailbox;
    const requests = calls.map((c, i) => ({
      id: c.id,
      method: c.method,
      url: c.path,
      ...(c.body === undefined ? {} : { body: c.body }),
      ...(c.body === undefined && !c.headers ? {} : { headers: { ...c.headers, ...(c.body === undefined ? {} : { 'Content-Type': 'application/json' }) } }),
      ...(sequential && i > 0 ? { dependsOn: [calls[i - 1].id] } : {}),
    }));
    const outer: GraphCall = { id: 'batch', mailbox, method: 'POST', path: '/$batch', body: { requests }, permission: calls[0].permission, what: calls[0].what };
    const res = await this.exchange(mailbox, sequential ? 1 : calls.length, outer, maxWaitMs);
    const failure = failureOf(outer, res);
    if (failure) {
      throw failure;
    }
    // Parsed here rather than with the SDK's BatchResponseContent, which only decodes inner JSON
    // bodies whose header is spelled exactly `Content-Type`.
    const parsed = BatchAnswer.safeParse(res.body);
    if (!parsed.success) {
      throw new GraphRetryableError('malformed', 'Graph answered the batch with a body that is not a batch response', res.status);
    }
    const answers = new Map<string, GraphResponse>();
    for (const r of parsed.data.responses) {
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      answers.set(r.id, { status: r.status, headers, body: r.body });
    }
    return answers;
  }

  private async exchange(mailbox: string, weight: number, call: GraphCall, maxWaitMs?: number): Promise<GraphResponse> {
    const gate = this.options.gate;
    let release = await gate.acquire(mailbox, weight, maxWaitMs);
    try {
      await this.options.auth.getAccessToken(); // token errors surface typed, not wrapped by the SDK
      // A 429 may have paused the mailbox while this request waited for its token: wait again.
      while (gate.pausedFor(mailbox) > 0) {
        release();
        release = await gate.acquire(mailbox, weight, maxWaitMs);
      }
      this.requests += 1;
      let request = this.client
        .api(call.path)
        .responseType(ResponseType.RAW)
        .options({ signal: AbortSignal.timeout(this.options.timeoutMs) });
      for (const [name, value] of Object.entries(call.headers ?? {})) {
        request = request.header(name, value);
      }
      const raw = (await (call.method === 'GET'
        ? request.get()
        : call.method === 'POST'
          ? request.post(call.body ?? {})
          : call.method === 'PATCH'
            ? request.patch(call.body ?? {})
            : request.delete())) as Response;
      const text = await raw.text();
      const headers: Record<string, string> = {};
      raw.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
      const res = { status: raw.status, headers, body: parseBody(raw.status, text) };
      // Before the place is released, so no waiting request slips out past a fresh Retry-After.
      this.notePauses(mailbox, res);
      return res;
    } catch (err) {
      throw transportFailure(err, call, this.options.log);
    } finally {
      release();
    }
  }

  /** Pauses the mailbox for a 429/503 answer, or for any such answer inside a batch answer. */
  private notePauses(mailbox: string, res: GraphResponse): void {
    const answers = [res, ...(BatchAnswer.safeParse(res.body).data?.responses ?? [])];
    for (const a of answers) {
      if (a.status === 429 || a.status === 503) {
        const headers = Object.fromEntries(Object.entries(a.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        this.options.gate.pause(mailbox, parseRetryAfter(headers['retry-after']) ?? DEFAULT_PAUSE_MS);
      }
    }
  }
}

function parseBody(status: number, text: string): unknown {
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    if (status < 400) {
      throw new GraphRetryableError('malformed', `Graph answered ${status} with a body that is not JSON`, status);
    }
    return { error: { code: `HTTP${status}`, message: text.slice(0, 200) } };
  }
}

function transportFailure(err: unknown, call: GraphCall, log: Logger): Error {
  if (isGraphFailure(err)) {
    return err;
  }
  const e = err as { name?: unknown; code?: unknown; message?: unknown } | null;
  const name = `${String(e?.name ?? '')} ${String(e?.code ?? '')}`;
  if (/TimeoutError|AbortError/.test(name)) {
    return new GraphRetryableError('timeout', `Graph did not answer in time (${call.what})`);
  }
  log.warn('graph request failed without an answer', { what: call.what, error: name.trim() });
  return new GraphRetryableError('network', `Graph could not be reached (${call.what})`);
}
