import type { Next, Request, Response } from 'restify';
import { z } from 'zod';

import type { Caller } from '../domain/caller';
import { AppError, isDatabaseUnavailable, UnsupportedContentError, ValidationError } from '../errors';
import type { Logger } from '../logging/logger';

/** A request after the app's middleware: parsed JSON body, and the caller once authenticated. */
export type AppRequest = Request & { caller?: Caller; rawBody?: Buffer };

/** A route handler: resolves to nothing; throws AppErrors for expected failures. */
export type Handler = (req: AppRequest, res: Response) => Promise<void>;

/** Error body every 4xx/5xx of the API has. */
export type ErrorBody = { error: string; message: string; details?: unknown };

/**
 * Maps any error to the status and `{ error, message }` body the API answers with. AppErrors keep
 * their status and message; library 4xx errors get a generic message; anything else becomes a 500
 * `internal_error` whose message is never shown and whose stack is logged.
 */
export function errorResponse(err: unknown, log: Logger): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return { status: err.status, body: { error: err.code, message: err.message, details: err.details } };
  }
  if (isDatabaseUnavailable(err)) {
    log.warn('database unavailable', { code: (err as { code?: unknown }).code });
    return {
      status: 503,
      body: { error: 'service_unavailable', message: 'The database is busy or unavailable, so nothing was saved. Please try again in a moment.' },
    };
  }
  const clientStatus = clientErrorStatus(err);
  if (clientStatus) {
    const body =
      clientStatus === 404
        ? { error: 'not_found', message: 'No such page or API route' }
        : clientStatus === 405
          ? { error: 'method_not_allowed', message: 'This route does not take that method' }
          : { error: 'bad_request', message: 'The request was not accepted' };
    return { status: clientStatus, body };
  }
  log.error('request failed', {
    err: err instanceof Error ? { name: err.name, stack: err.stack } : String(err),
  });
  return {
    status: 500,
    body: { error: 'internal_error', message: 'Something went wrong on our side. Please try again.' },
  };
}

/** Sends an error as JSON (see `errorResponse`). */
export function sendError(res: Response, err: unknown, log: Logger): void {
  const { status, body } = errorResponse(err, log);
  if (!res.headersSent) {
    res.status(status);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  }
}

/** @returns the 4xx status a library error carries (restify's own errors), if any */
function clientErrorStatus(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** Sends a JSON body with a status. */
export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/**
 * Wraps a chain of async handlers so restify never sees a rejection: each runs in turn; an error
 * stops the chain and is sent as JSON.
 */
export function route(log: Logger, ...handlers: Handler[]) {
  return (req: Request, res: Response, next: Next): void => {
    void (async () => {
      for (const h of handlers) {
        if (res.headersSent) {
          break;
        }
        await h(req as AppRequest, res);
      }
    })()
      .catch((err: unknown) => sendError(res, err, log))
      .finally(() => next());
  };
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads and parses a JSON body up to `maxBytes` (413 above it). A body with another content type
 * is refused with 415, malformed JSON with 400. Requests with no body pass with `req.body`
 * undefined.
 */
export function jsonBody(maxBytes: number, log: Logger) {
  return (req: Request, res: Response, next: Next): void => {
    if (!BODY_METHODS.has(req.method ?? '')) {
      next();
      return;
    }
    const length = Number(req.headers['content-length'] ?? '0');
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (!chunked && !(length > 0)) {
      next();
      return;
    }
    const type = String(req.headers['content-type'] ?? '').toLowerCase();
    if (!/^application\/(.+\+)?json\b/.test(type)) {
      req.resume();
      sendError(res, new UnsupportedContentError(415, 'Send the body as application/json'), log);
      next(false);
      return;
    }
    if (length > maxBytes) {
      req.resume();
      sendError(res, new UnsupportedContentError(413, `The body is larger than ${maxBytes} bytes`), log);
      next(false);
      return;
    }
    readBody(req, maxBytes)
      .then((buf) => {
        (req as AppRequest).rawBody = buf;
        try {
          req.body = buf.length > 0 ? JSON.parse(buf.toString('utf8')) : undefined;
        } catch {
          throw new ValidationError('The body is not valid JSON');
        }
        next();
      })
      .catch((err: unknown) => {
        sendError(res, err, log);
        next(false);
      });
  };
}

function readBody(req: Request, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(new UnsupportedContentError(413, `The body is larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Validates a value with a zod schema.
 * @returns the parsed value
 * @throws ValidationError with per-field messages
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what = 'request'): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({
      field: i.path.map(String).join('.') || '(body)',
      message: i.message,
    }));
    const first = fields[0];
    throw new ValidationError(
      `The ${what} is not valid: ${first ? `${first.field}: ${first.message}` : 'unknown problem'}`,
      { fields }
    );
  }
  return parsed.data;
}
