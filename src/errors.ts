/** Base of every error the app raises on purpose; the HTTP layer turns it into `{ error, message }`. */
export class AppError extends Error {
  /** HTTP status to answer with */
  readonly status: number;
  /** stable machine-readable code */
  readonly code: string;
  /** whether the error is worth reporting to operators */
  readonly isReportable: boolean;
  /** optional details safe to show to the caller (e.g. field errors) */
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown, isReportable = false) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.details = details;
    this.isReportable = isReportable;
  }
}

/** Bad input: 400 with a message and, where useful, per-field details. */
export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'validation_error', message, details);
  }
}

/** Missing or invalid credentials: 401. */
export class AuthenticationError extends AppError {
  constructor(message = 'Authentication required') {
    super(401, 'authentication_required', message);
  }
}

/** Known caller, not allowed: 403. */
export class AuthorizationError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super(403, 'forbidden', message);
  }
}

/** The thing asked for does not exist (or the caller may not know it does): 404. */
export class NotFoundError extends AppError {
  constructor(message = 'Not found') {
    super(404, 'not_found', message);
  }
}

/** A write that conflicts with the current state (stale version, duplicate): 409. */
export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super(409, 'conflict', message, details);
  }
}

/** A body too large or of a type the route does not take: 413/415. */
export class UnsupportedContentError extends AppError {
  constructor(status: 413 | 415, message: string) {
    super(status, status === 413 ? 'payload_too_large' : 'unsupported_media_type', message);
  }
}

/** A service outside the app failed (Graph, Bot Connector): 502, retryable when `retryAfterMs` is set. */
export class ExternalServiceError extends AppError {
  readonly retryAfterMs?: number;

  constructor(message: string, retryAfterMs?: number) {
    super(502, 'external_service_error', message, undefined, true);
    this.retryAfterMs = retryAfterMs;
  }
}

/** The app is not ready (e.g. database down): 503. */
export class ServiceUnavailableError extends AppError {
  constructor(message = 'Service unavailable') {
    super(503, 'service_unavailable', message, undefined, true);
  }
}

/**
 * @returns whether a database driver error means the database cannot take the request right now
 *   (SQLite busy, locked, read-only, disk I/O or full; SQL Server deadlock, lock time-out or a lost
 *   connection), so the caller gets a 503 "try again" rather than a 500
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; number?: unknown; driverError?: { code?: unknown; number?: unknown } } | null;
  const code = String(e?.driverError?.code ?? e?.code ?? '');
  const num = Number(e?.driverError?.number ?? e?.number);
  return (
    /^SQLITE_(BUSY|LOCKED|READONLY|IOERR|FULL|CANTOPEN)/.test(code) ||
    ['ETIMEOUT', 'ESOCKET', 'ECONNCLOSED', 'ECONNRESET'].includes(code) ||
    num === 1205 ||
    num === 1222
  );
}
