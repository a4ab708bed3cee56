import { GraphPermissionError, GraphRequestError, GraphRetryableError, type GraphFailure } from './errors';

/** HTTP methods the calendar client uses. */
export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One Graph request, sendable on its own or inside a `$batch`. */
export type GraphCall = {
  /** unique within a batch; correlates the answer */
  id: string;
  /** the mailbox the request acts on (Outlook's limits are per mailbox) */
  mailbox: string;
  method: GraphMethod;
  /** path relative to the API version, e.g. `/users/x/events` (may carry a query string) */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** the application permission the call needs, named in permission errors */
  permission: string;
  /** what the call does, for messages: e.g. `create an event` */
  what: string;
};

/** An answer from Graph: status, headers (names lower-cased) and the body (parsed JSON when it was JSON). */
export type GraphResponse = { status: number; headers: Record<string, string>; body: unknown };

/** What a Graph error body looks like (`{error: {code, message}}`). */
type ErrorBody = { error?: { code?: unknown; message?: unknown } };

/**
 * Reads a Retry-After value: delta-seconds (fractions accepted; the local stand-in uses them to keep
 * tests short) or an HTTP date.
 * @param value the header value
 * @param now the current time in ms
 * @returns milliseconds to wait, or undefined when absent or unreadable
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) {
    return undefined;
  }
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) {
    return Math.ceil(seconds * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** @returns Graph's error code and message from an error body, with fallbacks */
export function graphErrorOf(res: GraphResponse): { code: string; message: string } {
  const err = (res.body as ErrorBody | null)?.error;
  const code = typeof err?.code === 'string' && err.code ? err.code : `HTTP${res.status}`;
  const message = typeof err?.message === 'string' && err.message ? err.message : 'no message';
  return { code, message };
}

/**
 * Maps a Graph answer to the app's error catalogue.
 * @param call the request that was answered
 * @param res the answer
 * @returns undefined for 1xx-3xx; a GraphPermissionError for 401/403, a GraphRetryableError for
 *   429 and 5xx (with Retry-After), a GraphRequestError for any other 4xx
 */
export function failureOf(call: GraphCall, res: GraphResponse): GraphFailure | undefined {
  if (res.status < 400) {
    return undefined;
  }
  const { code, message } = graphErrorOf(res);
  if (res.status === 401) {
    return new GraphPermissionError(
      401,
      `Microsoft Graph refused the app's access token (401 ${code}) when trying to ${call.what}. ` +
        'Check GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET (client secrets expire), and that an ' +
        `administrator granted admin consent for the application permission ${call.permission}. Graph said: ${message}`
    );
  }
  if (res.status === 403) {
    return new GraphPermissionError(
      403,
      `Microsoft Graph denied access (403 ${code}) when trying to ${call.what} in ${call.mailbox}. Grant the app ` +
        `registration the Microsoft Graph application permission ${call.permission} with admin consent; if an ` +
        `Exchange application access policy limits the app's mailboxes, add ${call.mailbox} to it. Graph said: ${message}`
    );
  }
  const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
  if (res.status === 429) {
    return new GraphRetryableError('throttled', `Graph throttled the request (429 ${code})`, 429, retryAfterMs);
  }
  if (res.status >= 500) {
    const reason = res.status === 503 ? 'unavailable' : 'server_error';
    return new GraphRetryableError(reason, `Graph answered ${res.status} ${code}: ${message}`, res.status, retryAfterMs);
  }
  return new GraphRequestError(res.status, code, message);
}
