import { DeliveryFailure } from './ports';

/** Backoff settings (configuration). */
export type RetrySettings = {
  /** first retry after about this long (before jitter) */
  baseMs: number;
  /** backoff never grows past this */
  maxMs: number;
  /** attempts before a reminder is marked failed */
  maxAttempts: number;
};

/** What to do after a failed send. */
export type FailureDecision =
  | { action: 'retry'; retryAfterMs?: number; reason: string }
  | { action: 'undeliverable'; reason: string }
  | { action: 'failed'; reason: string };

/**
 * Classifies a send failure. Throttling and server trouble (408, 412, 429, any 5xx, no answer)
 * are retried; 403 and 404 mean the bot can no longer reach that conversation (app removed,
 * blocked, conversation gone); any other answer is a permanent failure.
 */
export function classifyFailure(err: unknown): FailureDecision {
  if (!(err instanceof DeliveryFailure)) {
    return { action: 'retry', reason: `send error: ${err instanceof Error ? err.name : 'unknown'}` };
  }
  const status = err.httpStatus;
  if (status === undefined) {
    return { action: 'retry', reason: `no answer${err.errorCode ? ` (${err.errorCode})` : ''}` };
  }
  const reason = `HTTP ${status}${err.errorCode ? ` ${err.errorCode}` : ''}`;
  if (status === 408 || status === 412 || status === 429 || status >= 500) {
    return { action: 'retry', retryAfterMs: err.retryAfterMs, reason };
  }
  if (status === 403 || status === 404) {
    return { action: 'undeliverable', reason };
  }
  return { action: 'failed', reason };
}

/**
 * Delay before the next attempt: exponential backoff with "equal jitter" (half fixed, half
 * random), and never sooner than the connector's Retry-After.
 * @param attempt the attempt that just failed (1 = first)
 * @param retryAfterMs the connector's Retry-After, if it sent one
 * @param random a number in [0, 1)
 * @returns milliseconds to wait
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  settings: RetrySettings,
  random: number
): number {
  const exp = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp / 2 + random * (exp / 2);
  return Math.ceil(Math.max(retryAfterMs ?? 0, jittered));
}
