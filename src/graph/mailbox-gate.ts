import { GraphRetryableError } from './errors';

/** Gives back what `acquire` took. Call exactly once. */
export type Release = () => void;

type Waiter = { weight: number; grant: () => void; reject: (err: Error) => void };
type MailboxState = { inFlight: number; queue: Waiter[]; pausedUntil: number; timer?: NodeJS.Timeout };

/**
 * Outlook's per-mailbox limits, enforced on the app's side: at most `limit` requests in flight to
 * one mailbox (Outlook allows 4 concurrent requests per app and mailbox), and nothing sent to a
 * mailbox while Graph has asked us to wait (`Retry-After` on a 429/503). Waiters are served first
 * come, first served. Weights let a `$batch` whose inner requests run in parallel count as several.
 */
export class MailboxGate {
  private readonly states = new Map<string, MailboxState>();
  /** the most requests seen in flight to any one mailbox */
  maxInFlight = 0;

  constructor(readonly limit: number) {}

  /**
   * Waits for room (and for any pause to end), then takes `weight` places.
   * @param mailbox the mailbox the request goes to
   * @param weight how many concurrent Outlook requests it amounts to (clamped to the limit)
   * @param maxWaitMs reject instead of waiting longer than this for a pause to end
   * @returns the release function
   * @throws GraphRetryableError when the wait would exceed `maxWaitMs` or the gate is closed
   */
  acquire(mailbox: string, weight = 1, maxWaitMs?: number): Promise<Release> {
    const s = this.state(mailbox);
    const w = Math.max(1, Math.min(weight, this.limit));
    const pausedMs = s.pausedUntil - Date.now();
    if (maxWaitMs !== undefined && pausedMs > maxWaitMs) {
      return Promise.reject(new GraphRetryableError('throttled', 'Graph asked the app to wait before calling again', 0, pausedMs, true));
    }
    return new Promise<Release>((resolve, reject) => {
      let released = false;
      const release = () => {
        if (!released) {
          released = true;
          s.inFlight -= w;
          this.pump(mailbox);
        }
      };
      s.queue.push({ weight: w, grant: () => resolve(release), reject });
      this.pump(mailbox);
    });
  }

  /** Stops sending to a mailbox for `ms` (Graph's Retry-After). A longer pause already set wins. */
  pause(mailbox: string, ms: number): void {
    const s = this.state(mailbox);
    s.pausedUntil = Math.max(s.pausedUntil, Date.now() + ms);
  }

  /** @returns how long the mailbox is still paused for, in ms (0 when not paused) */
  pausedFor(mailbox: string): number {
    return Math.max(0, (this.states.get(mailbox)?.pausedUntil ?? 0) - Date.now());
  }

  /** @returns free places for a mailbox right now (0 while paused) */
  available(mailbox: string): number {
    const s = this.state(mailbox);
    return this.pausedFor(mailbox) > 0 ? 0 : Math.max(0, this.limit - s.inFlight - s.queue.length);
  }

  /** Rejects every waiter and clears timers (shutdown). */
  close(): void {
    for (const s of this.states.values()) {
      clearTimeout(s.timer);
      for (const w of s.queue.splice(0)) {
        w.reject(new GraphRetryableError('unavailable', 'The Graph sender is stopping', 0, undefined, true));
      }
    }
  }

  private state(mailbox: string): MailboxState {
    const key = mailbox.toLowerCase();
    let s = this.states.get(key);
    if (!s) {
      s = { inFlight: 0, queue: [], pausedUntil: 0 };
      this.states.set(key, s);
    }
    return s;
  }

  private pump(mailbox: string): void {
    const s = this.state(mailbox);
    const wait = s.pausedUntil - Date.now();
    if (wait > 0) {
      if (!s.timer && s.queue.length > 0) {
        s.timer = setTimeout(() => {
          s.timer = undefined;
          this.pump(mailbox);
        }, wait);
        s.timer.unref();
      }
      return;
    }
    while (s.queue.length > 0 && s.inFlight + s.queue[0].weight <= this.limit) {
      const next = s.queue.shift() as Waiter;
      s.inFlight += next.weight;
      this.maxInFlight = Math.max(this.maxInFlight, s.inFlight);
      next.grant();
    }
  }
}
