import assert from 'node:assert/strict';

import { localParts, zonedToUtc } from '../../../../../src/domain/calendar/zoned-time';

describe('zonedToUtc', () => {
  it('should read London wall-clock times in GMT and in BST', () => {
    assert.equal(zonedToUtc('2026-12-01', 9 * 60, 'Europe/London').toISOString(), '2026-12-01T09:00:00.000Z');
    assert.equal(zonedToUtc('2026-07-01', 9 * 60, 'Europe/London').toISOString(), '2026-07-01T08:00:00.000Z');
  });

  it('should give the instant after the gap for a time the spring clock change skips', () => {
    assert.equal(zonedToUtc('2026-03-29', 60 + 30, 'Europe/London').toISOString(), '2026-03-29T01:30:00.000Z');
  });

  it('should round-trip with localParts', () => {
    const at = zonedToUtc('2026-10-26', 17 * 60, 'Europe/London');
    assert.deepEqual(localParts(at, 'Europe/London'), { date: '2026-10-26', time: '17:00' });
  });
});
