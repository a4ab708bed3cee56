import assert from 'node:assert/strict';

import { DeliveryFailure } from '../../../../../src/domain/reminders/ports';
import { classifyFailure, retryDelayMs } from '../../../../../src/domain/reminders/retry-policy';

const settings = { baseMs: 1000, maxMs: 60_000, maxAttempts: 8 };

describe('classifyFailure', () => {
  for (const status of [408, 412, 429, 500, 502, 503, 504]) {
    it(`should retry when the connector answers ${status}`, () => {
      assert.equal(classifyFailure(new DeliveryFailure({ httpStatus: status })).action, 'retry');
    });
  }

  it('should retry when no answer came (connection refused)', () => {
    const d = classifyFailure(new DeliveryFailure({ errorCode: 'ECONNREFUSED' }));
    assert.deepEqual(d, { action: 'retry', reason: 'no answer (ECONNREFUSED)' });
  });

  it('should pass Retry-After on when the connector throttles', () => {
    const d = classifyFailure(new DeliveryFailure({ httpStatus: 429, retryAfterMs: 3000 }));
    assert.equal(d.action === 'retry' ? d.retryAfterMs : undefined, 3000);
  });

  it('should mark undeliverable when the conversation is gone or blocked (403, 404)', () => {
    assert.equal(classifyFailure(new DeliveryFailure({ httpStatus: 403 })).action, 'undeliverable');
    assert.equal(classifyFailure(new DeliveryFailure({ httpStatus: 404 })).action, 'undeliverable');
  });

  it('should fail for good on another client error (400)', () => {
    assert.equal(classifyFailure(new DeliveryFailure({ httpStatus: 400 })).action, 'failed');
  });
});

describe('retryDelayMs', () => {
  it('should double the backoff per attempt, with jitter between half and all of it', () => {
    assert.equal(retryDelayMs(1, undefined, settings, 0), 500);
    assert.equal(retryDelayMs(1, undefined, settings, 0.999999), 1000);
    assert.equal(retryDelayMs(3, undefined, settings, 0), 2000);
    assert.equal(retryDelayMs(3, undefined, settings, 0.999999), 4000);
  });

  it('should stop growing at the maximum', () => {
    assert.equal(retryDelayMs(30, undefined, settings, 0.999999), 60_000);
  });

  it('should never retry sooner than Retry-After', () => {
    assert.equal(retryDelayMs(1, 7000, settings, 0.5), 7000);
    assert.equal(retryDelayMs(8, 7000, settings, 0.999999), 60_000);
  });
});
