import assert from 'node:assert/strict';

import { formatReference } from '../../../../../src/domain/notifications/create-notification';
import { isoDateIn } from '../../../../../src/domain/notifications/deps';
import { pipelineOrder } from '../../../../../src/domain/notifications/records';

describe('pipelineOrder', () => {
  const item = (ref: string, overdue: boolean, nextDue: string | null, createdAt: string) => ({
    ref,
    overdue,
    nextDue,
    createdAt,
  });

  it('should put overdue first (earliest due first), then by next due date, then those with no clock newest first', () => {
    const sorted = pipelineOrder([
      item('no-clock-old', false, null, '2026-01-01T00:00:00Z'),
      item('due-later', false, '2026-12-20', '2026-11-01T00:00:00Z'),
      item('overdue-recent', true, '2026-11-20', '2026-11-10T00:00:00Z'),
      item('no-clock-new', false, null, '2026-11-02T00:00:00Z'),
      item('due-soon', false, '2026-12-01', '2026-11-03T00:00:00Z'),
      item('overdue-long', true, '2026-01-13', '2026-01-06T00:00:00Z'),
    ]);

    assert.deepEqual(sorted.map((s) => s.ref), [
      'overdue-long',
      'overdue-recent',
      'due-soon',
      'due-later',
      'no-clock-new',
      'no-clock-old',
    ]);
  });
});

describe('formatReference', () => {
  it('should pad to four digits and keep longer numbers whole', () => {
    assert.equal(formatReference('2026', 42), 'N-2026-0042');
    assert.equal(formatReference('2026', 12345), 'N-2026-12345');
  });
});

describe('isoDateIn', () => {
  it("should give the board's date, not UTC's, around midnight in summer time", () => {
    const lateUtc = new Date('2026-06-30T23:30:00Z');
    assert.equal(isoDateIn('Europe/London', lateUtc), '2026-07-01');
    assert.equal(isoDateIn('UTC', lateUtc), '2026-06-30');
  });
});
