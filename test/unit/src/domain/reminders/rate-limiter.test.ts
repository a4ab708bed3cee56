import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';

import { LimiterClosedError, RateLimiter, type RateWindow } from '../../../../../src/domain/reminders/rate-limiter';

/** @returns the most grants seen in any window of `windowMs` (each grant opens a window) */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= windowMs) {
      j++;
    }
    best = Math.max(best, i - j + 1);
  }
  return best;
}

async function grantTimes(limiter: RateLimiter, keys: [string, string][]): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    keys.map(async ([c, t]) => {
      const release = await limiter.acquire(c, t);
      times.push(performance.now());
      setTimeout(release, 5);
    })
  );
  return times;
}

describe('RateLimiter', () => {
  const perConversation: RateWindow[] = [
    { limit: 4, windowMs: 100 },
    { limit: 10, windowMs: 600 },
  ];

  it('should never let more than the limit through in any sliding window when one conversation floods', async () => {
    const limiter = new RateLimiter({ perConversation, perTenant: [{ limit: 100, windowMs: 100 }], marginMs: 5 });
    const times = await grantTimes(limiter, Array.from({ length: 24 }, () => ['conv-a', 't1'] as [string, string]));

    assert.equal(times.length, 24);
    assert.ok(maxInWindow(times, 100) <= 4, `max ${maxInWindow(times, 100)} per 100 ms`);
    assert.ok(maxInWindow(times, 600) <= 10, `max ${maxInWindow(times, 600)} per 600 ms`);
    limiter.close();
  });

  it('should keep the tenant limit across many conversations', async () => {
    const limiter = new RateLimiter({ perConversation, perTenant: [{ limit: 6, windowMs: 100 }], marginMs: 5 });
    const keys = Array.from({ length: 30 }, (_, i) => [`conv-${i}`, 't1'] as [string, string]);
    const times = await grantTimes(limiter, keys);

    assert.ok(maxInWindow(times, 100) <= 6, `max ${maxInWindow(times, 100)} per 100 ms`);
    limiter.close();
  });

  it('should let other conversations through while one waits for its own window', async () => {
    const limiter = new RateLimiter({ perConversation: [{ limit: 1, windowMs: 10_000 }], perTenant: [{ limit: 100, windowMs: 1000 }], marginMs: 0 });
    (await limiter.acquire('busy', 't1'))();
    const blocked = limiter.acquire('busy', 't1');
    let blockedDone = false;
    void blocked.then(() => (blockedDone = true), () => undefined);

    (await limiter.acquire('other', 't1'))();

    assert.equal(blockedDone, false, 'the busy conversation still waits');
    assert.equal(limiter.waiting, 1);
    limiter.close();
    await assert.rejects(blocked, LimiterClosedError);
  });

  it('should count a request in its window until it has finished, however late it leaves', async () => {
    const limiter = new RateLimiter({ perConversation: [{ limit: 2, windowMs: 50 }], perTenant: [], marginMs: 0 });
    const first = await limiter.acquire('c', 't');
    await limiter.acquire('c', 't');
    let third = false;
    const pending = limiter.acquire('c', 't').then((r) => {
      third = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 120));

    assert.equal(third, false, 'two requests still in flight hold both slots');
    const released = performance.now();
    first();
    await pending;
    assert.ok(performance.now() - released >= 49, 'the slot frees a window after the request finished');
    limiter.close();
  });

  it('should hold a paused conversation back until the pause ends (Retry-After)', async () => {
    const limiter = new RateLimiter({ perConversation, perTenant: [{ limit: 100, windowMs: 100 }], marginMs: 0 });
    const start = performance.now();
    limiter.pauseConversation('conv-a', 150);
    await limiter.acquire('conv-a', 't1');

    assert.ok(performance.now() - start >= 149, 'not granted before the pause ends');
    limiter.close();
  });

  it('should refuse new waiters once closed', async () => {
    const limiter = new RateLimiter({ perConversation, perTenant: [], marginMs: 0 });
    limiter.close();
    await assert.rejects(limiter.acquire('c', 't'), LimiterClosedError);
  });
});
