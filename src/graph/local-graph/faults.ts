import { z } from 'zod';

/** What the stand-in can be told to do instead of answering normally. */
export const FaultSchema = z.object({
  /**
   * `throttle` ⇒ 429 with Retry-After; `unavailable` ⇒ 503 with Retry-After; `timeout` ⇒ hold the
   * request without answering; `malformed` ⇒ 2xx with a broken JSON body; `error` ⇒ the given
   * status/code/message; `no_teams_link` ⇒ the next created online meetings come back without
   * their Teams link (as Graph sometimes does).
   */
  kind: z.enum(['throttle', 'unavailable', 'timeout', 'malformed', 'error', 'no_teams_link']),
  /** how many requests it applies to (default 1) */
  count: z.number().int().min(1).max(10_000).default(1),
  /** Retry-After for throttle/unavailable, in seconds (fractions allowed for quick tests) */
  retryAfterSeconds: z.number().min(0).max(3600).default(1),
  /** `http`: the next HTTP requests (a batch counts once); `operation`: the next single operations, inside batches too */
  scope: z.enum(['http', 'operation']).default('http'),
  /** timeout/malformed: carry the request out before failing to answer (what makes retries risky) */
  afterProcessing: z.boolean().default(true),
  status: z.number().int().min(400).max(599).default(400),
  code: z.string().min(1).max(100).default('ErrorInvalidRequest'),
  message: z.string().min(1).max(500).default('The request is invalid.'),
});

/** A fault as given (defaults optional). */
export type FaultInput = z.input<typeof FaultSchema>;
/** A fault with defaults applied. */
export type Fault = z.output<typeof FaultSchema>;

/** Pending faults, per scope, used up one request at a time. */
export class FaultQueue {
  private readonly queues: Record<Fault['scope'], Fault[]> = { http: [], operation: [] };
  private teamsLinksToDrop = 0;

  /** Adds a fault for the next `count` requests of its scope. */
  add(input: FaultInput): void {
    const fault = FaultSchema.parse(input);
    if (fault.kind === 'no_teams_link') {
      this.teamsLinksToDrop += fault.count;
      return;
    }
    for (let i = 0; i < fault.count; i++) {
      this.queues[fault.scope].push(fault);
    }
  }

  /** @returns the fault for the next request of a scope, if any */
  next(scope: Fault['scope']): Fault | undefined {
    return this.queues[scope].shift();
  }

  /** @returns whether the next created online meeting keeps its Teams link */
  withTeams(): boolean {
    if (this.teamsLinksToDrop > 0) {
      this.teamsLinksToDrop -= 1;
      return false;
    }
    return true;
  }

  /** Forgets every pending fault. */
  clear(): void {
    this.queues.http.length = 0;
    this.queues.operation.length = 0;
    this.teamsLinksToDrop = 0;
  }
}
