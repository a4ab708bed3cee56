import assert from 'node:assert/strict';

import {
  isValidTimeZone,
  localDateOf,
  parseLocalTime,
  zonedTimeToUtc,
  zoneOffsetMs,
  localParts,
  zonedToUtc,
} from '../../../../../src/domain/time/zoned-time';

const LONDON = 'Europe/London';
const nine = { hour: 9, minute: 0 };
const iso = (d: Date) => d.toISOString();

describe('zonedTimeToUtc', () => {
  it('should give 09:00 GMT as 09:00Z in winter and 09:00 BST as 08:00Z in summer', () => {
    assert.equal(iso(zonedTimeToUtc('2026-01-15', nine, LONDON)), '2026-01-15T09:00:00.000Z');
    assert.equal(iso(zonedTimeToUtc('2026-07-15', nine, LONDON)), '2026-07-15T08:00:00.000Z');
  });

  it('should switch offset on the last Sunday of March (29 Mar 2026) when reminders fall either side', () => {
    assert.equal(iso(zonedTimeToUtc('2026-03-28', nine, LONDON)), '2026-03-28T09:00:00.000Z');
    assert.equal(iso(zonedTimeToUtc('2026-03-29', nine, LONDON)), '2026-03-29T08:00:00.000Z');
  });

  it('should switch back on the last Sunday of October (25 Oct 2026) when reminders fall either side', () => {
    assert.equal(iso(zonedTimeToUtc('2026-10-24', nine, LONDON)), '2026-10-24T08:00:00.000Z');
    assert.equal(iso(zonedTimeToUtc('2026-10-25', nine, LONDON)), '2026-10-25T09:00:00.000Z');
  });

  it('should move a time in the spring gap forward by the gap (01:30 → 02:30 BST) when it does not exist', () => {
    assert.equal(iso(zonedTimeToUtc('2026-03-29', { hour: 1, minute: 30 }, LONDON)), '2026-03-29T01:30:00.000Z');
  });

  it('should take the first of the two 01:30s (BST) when the autumn change repeats the hour', () => {
    assert.equal(iso(zonedTimeToUtc('2026-10-25', { hour: 1, minute: 30 }, LONDON)), '2026-10-25T00:30:00.000Z');
  });

  it('should work for zones far from UTC and with half-hour offsets when the board is elsewhere', () => {
    assert.equal(iso(zonedTimeToUtc('2026-06-01', nine, 'Asia/Kolkata')), '2026-06-01T03:30:00.000Z');
    assert.equal(iso(zonedTimeToUtc('2026-03-08', { hour: 2, minute: 30 }, 'America/New_York')), '2026-03-08T07:30:00.000Z');
  });
});

describe('localDateOf', () => {
  it('should give the next day for 23:30Z in summer and the same day in winter when in London', () => {
    assert.equal(localDateOf(new Date('2026-07-01T23:30:00Z'), LONDON), '2026-07-02');
    assert.equal(localDateOf(new Date('2026-01-01T23:30:00Z'), LONDON), '2026-01-01');
  });
});

describe('zoneOffsetMs', () => {
  it('should be +60 minutes in BST and 0 in GMT', () => {
    assert.equal(zoneOffsetMs(Date.parse('2026-07-01T12:00:00Z'), LONDON), 3_600_000);
    assert.equal(zoneOffsetMs(Date.parse('2026-12-01T12:00:00Z'), LONDON), 0);
  });
});

describe('parseLocalTime / isValidTimeZone', () => {
  it('should parse HH:MM and refuse other text', () => {
    assert.deepEqual(parseLocalTime('09:05'), { hour: 9, minute: 5 });
    assert.throws(() => parseLocalTime('9am'), /HH:MM/);
  });

  it('should know Europe/London and refuse a made-up zone', () => {
    assert.equal(isValidTimeZone(LONDON), true);
    assert.equal(isValidTimeZone('Europe/Atlantis'), false);
  });
});


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
