import assert from 'node:assert/strict';

import { mergeAvailability, splitScheduleAsk } from '../../../../src/graph/schedule-split';

const DAY = 86_400_000;
const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@board.example`);

describe('splitScheduleAsk', () => {
  it('should keep a small ask as one call', () => {
    const start = new Date('2026-12-01T00:00:00Z');
    const parts = splitScheduleAsk({ schedules: people(3), start, end: new Date(start.getTime() + 5 * DAY), intervalMinutes: 30 });
    assert.equal(parts.length, 1);
  });

  it('should split more than 20 attendees into calls of at most 20', () => {
    const start = new Date('2026-12-01T00:00:00Z');
    const parts = splitScheduleAsk({ schedules: people(45), start, end: new Date(start.getTime() + DAY), intervalMinutes: 30 });
    assert.deepEqual(parts.map((p) => p.schedules.length), [20, 20, 5]);
    assert.deepEqual(parts.flatMap((p) => p.schedules), people(45));
  });

  it('should split a window of 62 days or more into windows under 62 days that join up exactly', () => {
    const start = new Date('2026-12-01T00:00:00Z');
    const end = new Date(start.getTime() + 150 * DAY);
    const parts = splitScheduleAsk({ schedules: people(25), start, end, intervalMinutes: 30 });
    assert.equal(parts.length, 3 * 2, 'three windows × two chunks of people');
    const windows = parts.filter((p) => p.schedules[0] === 'p0@board.example');
    assert.equal(windows[0].start.getTime(), start.getTime());
    assert.equal(windows.at(-1)?.end.getTime(), end.getTime());
    for (let i = 0; i < windows.length; i++) {
      assert.ok(windows[i].end.getTime() - windows[i].start.getTime() < 62 * DAY);
      if (i > 0) {
        assert.equal(windows[i].start.getTime(), windows[i - 1].end.getTime());
      }
    }
  });

  it('should cut exactly at 61 days for a 62-day ask', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    const parts = splitScheduleAsk({ schedules: people(1), start, end: new Date(start.getTime() + 62 * DAY), intervalMinutes: 15 });
    assert.deepEqual(parts.map((p) => (p.end.getTime() - p.start.getTime()) / DAY), [61, 1]);
  });
});

describe('mergeAvailability', () => {
  it('should join items and views per person in window order and keep the first error', () => {
    const a = (email: string, view: string, error?: string) => ({ email, items: [{ start: new Date(0), end: new Date(1), status: 'busy' as const }], availabilityView: view, ...(error ? { error } : {}) });
    const merged = mergeAvailability([[a('x@b.example', '00')], [a('X@b.example', '22', 'gone')]], ['x@b.example', 'y@b.example']);
    assert.equal(merged[0].availabilityView, '0022');
    assert.equal(merged[0].items.length, 2);
    assert.equal(merged[0].error, 'gone');
    assert.deepEqual(merged[1], { email: 'y@b.example', items: [], availabilityView: '' });
  });
});
