import type { CalendarStore } from './store';
import { instant } from './store';
import type { RequestChecks } from './validator';

/** One Graph request, direct or inside a batch; `url` is relative to the API version. */
export type OpRequest = { method: string; url: string; body: unknown };

/** The stand-in's answer to one request. */
export type OpResult = { status: number; headers: Record<string, string>; body?: unknown };

/** What operations need from the server. */
export type OpContext = {
  store: CalendarStore;
  checks: RequestChecks;
  tenantDomains: string[];
  /** whether the next created event gets its Teams meeting (fault injection can say no) */
  withTeams: () => boolean;
  /** counts a body refused by the schema */
  rejected: (reason: string) => void;
};

type Body = Record<string, unknown>;
const DAY_MS = 86_400_000;
const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** @returns a Graph-style error answer */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): OpResult {
  return {
    status,
    headers: { ...JSON_HEADERS, ...headers },
    body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': crypto.randomUUID() } } },
  };
}

function ok(status: number, body?: unknown): OpResult {
  return body === undefined ? { status, headers: {} } : { status, headers: { ...JSON_HEADERS }, body };
}

/** @returns the mailbox a request acts on (`/users/{mailbox}/…`), lower-cased */
export function mailboxOf(url: string): string | undefined {
  const m = /^\/users\/([^/?]+)/.exec(url);
  return m ? decodeURIComponent(m[1]).toLowerCase() : undefined;
}

function invalid(ctx: OpContext, reason: string): OpResult {
  ctx.rejected(reason);
  return graphError(400, 'BadRequest', `Invalid request body: ${reason}`);
}

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lowerKeys(body: Body): Body {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * Runs one Graph calendar request against the in-memory store, validating its body against the
 * Graph description first (400 with a Graph-style error when it does not fit).
 * @param ctx store, validators and hooks
 * @param req method, relative URL and parsed body
 * @returns status, headers and body
 */
export function runOperation(ctx: OpContext, req: OpRequest): OpResult {
  const [path, query = ''] = req.url.split('?');
  const mailbox = mailboxOf(path);
  if (!mailbox) {
    return graphError(400, 'BadRequest', `Resource not found for the segment '${path.split('/')[1] ?? ''}'.`);
  }
  if (!ctx.tenantDomains.includes(mailbox.split('@')[1] ?? '')) {
    return graphError(404, 'ErrorInvalidUser', `The requested user '${mailbox}' is invalid.`);
  }
  const rest = path.replace(/^\/users\/[^/]+/, '');
  const eventMatch = /^\/events\/([^/]+)(\/cancel)?$/.exec(rest);
  if (rest === '/events' && req.method === 'POST') {
    return createEvent(ctx, mailbox, req.body);
  }
  if (rest === '/events' && req.method === 'GET') {
    return ok(200, { value: [...ctx.store.events.values()].filter((e) => e.mailbox === mailbox).map((e) => ctx.store.toJson(e)) });
  }
  if (rest === '/calendar/getSchedule' && req.method === 'POST') {
    return getSchedule(ctx, req.body);
  }
  if (!eventMatch) {
    return graphError(400, 'BadRequest', `Resource not found for the segment '${rest.split('/')[1] ?? ''}'.`);
  }
  const event = ctx.store.get(mailbox, decodeURIComponent(eventMatch[1]));
  if (!event) {
    return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  }
  if (eventMatch[2]) {
    if (req.method !== 'POST') {
      return graphError(405, 'BadRequest', 'The cancel action takes POST.');
    }
    const problem = ctx.checks.cancel(req.body);
    if (problem || !isObject(req.body)) {
      return invalid(ctx, problem ?? 'expected an object');
    }
    event.isCancelled = true;
    event.cancelComment = String(lowerKeys(req.body).comment ?? '');
    return ok(202);
  }
  if (req.method === 'GET') {
    const select = /(?:^|&)\$select=([^&]*)/.exec(query)?.[1];
    return ok(200, ctx.store.toJson(event, select ? decodeURIComponent(select).split(',') : undefined));
  }
  if (req.method === 'PATCH') {
    const problem = ctx.checks.event(req.body);
    if (problem || !isObject(req.body)) {
      return invalid(ctx, problem ?? 'expected an object');
    }
    ctx.store.update(event, req.body);
    return ok(200, ctx.store.toJson(event));
  }
  if (req.method === 'DELETE') {
    ctx.store.events.delete(event.id);
    return ok(204);
  }
  return graphError(405, 'BadRequest', `${req.method} is not supported here.`);
}

function createEvent(ctx: OpContext, mailbox: string, body: unknown): OpResult {
  const problem = ctx.checks.event(body);
  if (problem || !isObject(body)) {
    return invalid(ctx, problem ?? 'expected an object');
  }
  if (!isObject(body.start) || !isObject(body.end)) {
    return invalid(ctx, 'start and end are required');
  }
  const { event } = ctx.store.create(mailbox, body, ctx.withTeams);
  return ok(201, ctx.store.toJson(event));
}

function getSchedule(ctx: OpContext, body: unknown): OpResult {
  const problem = ctx.checks.getSchedule(body);
  if (problem || !isObject(body)) {
    return invalid(ctx, problem ?? 'expected an object');
  }
  const b = lowerKeys(body);
  const schedules = Array.isArray(b.schedules) ? b.schedules.map(String) : [];
  if (schedules.length === 0 || schedules.length > 20 || !isObject(b.starttime) || !isObject(b.endtime)) {
    return graphError(400, 'ErrorInvalidRequest', 'Give 1 to 20 schedules, a startTime and an endTime.');
  }
  const start = instant(b.starttime as { dateTime: string; timeZone: string });
  const end = instant(b.endtime as { dateTime: string; timeZone: string });
  if (!(end > start) || end.getTime() - start.getTime() >= 62 * DAY_MS) {
    return graphError(400, 'ErrorInvalidTimeInterval', 'The time range must be positive and shorter than 62 days.');
  }
  const interval = typeof b.availabilityviewinterval === 'number' ? b.availabilityviewinterval : 30;
  const value = schedules.map((email) =>
    ctx.tenantDomains.includes(email.split('@')[1]?.toLowerCase() ?? '')
      ? ctx.store.schedule(email, start, end, interval)
      : { scheduleId: email, availabilityView: '', error: { message: 'The user is outside the organisation.', responseCode: 'ErrorMailRecipientNotFound' } }
  );
  return ok(200, { value });
}
