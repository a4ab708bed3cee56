import { AppError, ExternalServiceError } from '../errors';

/** Why a Graph call may succeed if tried again later. */
export type RetryReason = 'throttled' | 'unavailable' | 'server_error' | 'timeout' | 'network' | 'malformed';

/**
 * Graph (or Entra ID's token endpoint) refused the app's credentials or permissions (401/403).
 * The message says what an administrator has to grant or fix; retrying will not help.
 */
export class GraphPermissionError extends AppError {
  /** the HTTP status Graph answered with */
  readonly graphStatus: number;

  constructor(graphStatus: number, message: string) {
    super(502, 'graph_permission_denied', message, undefined, true);
    this.graphStatus = graphStatus;
  }
}

/** Graph rejected a request for good (a 4xx other than 401/403/429): sending it again will not help. */
export class GraphRequestError extends AppError {
  readonly graphStatus: number;
  /** Graph's error code, e.g. `ErrorInvalidRecipients` */
  readonly graphCode: string;

  constructor(graphStatus: number, graphCode: string, graphMessage: string) {
    super(502, 'graph_request_failed', `Microsoft Graph answered ${graphStatus} ${graphCode}: ${graphMessage}`, undefined, true);
    this.graphStatus = graphStatus;
    this.graphCode = graphCode;
  }
}

/** A Graph call that may succeed later: 429, 503/5xx, a time-out, a network error or an unreadable answer. */
export class GraphRetryableError extends ExternalServiceError {
  readonly reason: RetryReason;
  /** HTTP status when there was an answer (0 for time-outs and network errors) */
  readonly graphStatus: number;
  /** the request never left (the app held it back), so it costs no attempt */
  readonly notSent: boolean;

  constructor(reason: RetryReason, message: string, graphStatus = 0, retryAfterMs?: number, notSent = false) {
    super(message, retryAfterMs);
    this.reason = reason;
    this.graphStatus = graphStatus;
    this.notSent = notSent;
  }
}

/** Any error a Graph call can end in. */
export type GraphFailure = GraphPermissionError | GraphRequestError | GraphRetryableError;

/** @returns whether the error is one of the Graph failures above */
export function isGraphFailure(err: unknown): err is GraphFailure {
  return err instanceof GraphPermissionError || err instanceof GraphRequestError || err instanceof GraphRetryableError;
}
