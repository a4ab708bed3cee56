import { performance } from 'node:perf_hooks';

/** At most `limit` sends in any `windowMs` (e.g. 7 per 1,000 ms). */
export type RateWindow = { limit: number; windowMs: number };

/** The limits of one scope: per conversation and per tenant (Teams': 7/1 s + 60/30 s, 30/1 s). */
export type RateLimits = { perConversation: RateWindow[]; perTenant: RateWindow[]; marginMs: number };

/** Thrown to waiters when the limiter closes (the worker is stopping). */
export class LimiterClosedError extends Error {
  constructor() {
    super('rate limiter closed');
    this.name = 'LimiterClosedError';
  }
}

/** Call when the request a grant was for has finished (answered, failed or not sent). */
export type Release = () => void;

type Waiter = { keys: [string, string]; resolve: (release: Release) => void; reject: (e: Error) => void };

/** Per key: requests still in flight, and finish times of the rest (ascending). */
type Usage = { inFlight: number; done: number[] };

/**
 * Sliding-window limits, exact at the receiving end. A classic token bucket of capacity C refilled
 * at C per second lets 2C through in a one-second window that straddles a refill, and Teams counts
 * requests per window. So each grant occupies its window from the moment it is granted until
 * `windowMs` (+ margin) after its request *finished*: the request reached the connector before it
 * finished, and the next one that needs its slot starts after that, so however late either
 * request leaves this process, the connector never sees more than `limit` in any window. Waiters
 * are served first come, first served, except that one held back by its own conversation does not
 * hold up others. A 429 pauses a conversation until its Retry-After.
 */
export class RateLimiter {
  private readonly usage = new Map<string, Usage>();
  private readonly pausedUntil = new Map<string, number>();
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private closed = false;
  private pumps = 0;

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: () => number = () => performance.now()
  ) {}

  /**
   * Waits until a request to this conversation (in this tenant) is within every limit.
   * @returns the release to call when the request has finished
   * @throws LimiterClosedError when the limiter closes first
   */
  acquire(conversationId: string, tenantId: string): Promise<Release> {
    if (this.closed) {
      return Promise.reject(new LimiterClosedError());
    }
    return new Promise((resolve, reject) => {
      this.waiters.push({ keys: [`c:${conversationId}`, `t:${tenantId}`], resolve, reject });
      this.pump();
    });
  }

  /** Holds back requests to a conversation until `ms` from now (after a 429). */
  pauseConversation(conversationId: string, ms: number): void {
    const key = `c:${conversationId}`;
    const until = this.clock() + ms;
    this.pausedUntil.set(key, Math.max(this.pausedUntil.get(key) ?? 0, until));
  }

  /** @returns how many requests are waiting */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Rejects every waiter and refuses new ones. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w.reject(new LimiterClosedError()));
  }

  private pump(): void {
    const now = this.clock();
    let next = Infinity;
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      const readyAt = Math.max(this.readyAt(w.keys[0], now), this.readyAt(w.keys[1], now));
      if (readyAt <= now) {
        w.resolve(this.grant(w.keys));
      } else {
        still.push(w);
        next = Math.min(next, readyAt);
      }
    }
    this.waiters = still;
    if (++this.pumps % 1000 === 0) {
      this.sweep(now);
    }
    this.arm(next, now);
  }

  private grant(keys: [string, string]): Release {
    const used = keys.map((k) => this.usageOf(k));
    used.forEach((u) => (u.inFlight += 1));
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      const at = this.clock();
      used.forEach((u) => {
        u.inFlight -= 1;
        insertSorted(u.done, at);
      });
      keys.forEach((k) => this.prune(k, at));
      if (!this.closed) {
        this.pump();
      }
    };
  }

  private arm(at: number, now: number): void {
    if (at === Infinity || at >= this.timerAt) {
      return;
    }
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timerAt = Infinity;
      this.pump();
    }, Math.max(1, Math.ceil(at - now)));
  }

  /** @returns the earliest time a request on this key is allowed (Infinity: after a release) */
  private readyAt(key: string, now: number): number {
    let at = this.pausedUntil.get(key) ?? 0;
    const u = this.usage.get(key);
    if (!u) {
      return at;
    }
    for (const { limit, windowMs } of this.windowsOf(key)) {
      const span = windowMs + this.limits.marginMs;
      const first = firstAfter(u.done, now - span);
      const count = u.inFlight + (u.done.length - first);
      if (count < limit) {
        continue;
      }
      if (u.inFlight >= limit) {
        return Infinity;
      }
      // The oldest (count - limit + 1) finished requests in the window have to leave it first.
      at = Math.max(at, u.done[first + count - limit] + span);
    }
    return at;
  }

  private usageOf(key: string): Usage {
    let u = this.usage.get(key);
    if (!u) {
      u = { inFlight: 0, done: [] };
      this.usage.set(key, u);
    }
    return u;
  }

  private windowsOf(key: string): RateWindow[] {
    return key.startsWith('c:') ? this.limits.perConversation : this.limits.perTenant;
  }

  /** Drops finish times that left every window of the key. */
  private prune(key: string, now: number): void {
    const u = this.usage.get(key);
    const longest = Math.max(0, ...this.windowsOf(key).map((w) => w.windowMs)) + this.limits.marginMs;
    if (u && u.done.length > 0 && u.done[0] < now - longest) {
      u.done.splice(0, firstAfter(u.done, now - longest));
    }
  }

  /** Forgets idle keys and past pauses. */
  private sweep(now: number): void {
    for (const [key, u] of this.usage) {
      this.prune(key, now);
      if (u.inFlight === 0 && u.done.length === 0) {
        this.usage.delete(key);
      }
    }
    for (const [key, until] of this.pausedUntil) {
      if (until < now) {
        this.pausedUntil.delete(key);
      }
    }
  }
}

/** @returns the index of the first of the ascending times that is after `t` */
function firstAfter(times: number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] > t) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

/** Inserts into an ascending array (finish times mostly arrive in order: usually at the end). */
function insertSorted(times: number[], t: number): void {
  if (times.length === 0 || times[times.length - 1] <= t) {
    times.push(t);
    return;
  }
  times.splice(firstAfter(times, t), 0, t);
}
