import assert from 'node:assert/strict';

import { decodeCursor, encodeCursor, sortKeys } from '../../../../../src/domain/actions/action-query';
import { ValidationError } from '../../../../../src/errors';

describe('action list cursors', () => {
  it('should give back the key values it was made from', () => {
    const c = encodeCursor('overdue', 'plan', '2026-03-10', [3, 0, '2026-02-01', 77]);
    assert.deepEqual(decodeCursor(c, 'overdue', 'plan', '2026-03-10'), [3, 0, '2026-02-01', 77]);
  });

  it('should refuse a cursor made for another sort order', () => {
    const c = encodeCursor('due', 'none', '2026-03-10', ['2026-02-01', 77]);
    assert.throws(() => decodeCursor(c, '-due', 'none', '2026-03-10'), ValidationError);
  });

  it('should refuse an overdue-first cursor from another day, whose ranks may have changed', () => {
    const c = encodeCursor('overdue', 'none', '2026-03-10', [0, '2026-02-01', 77]);
    assert.throws(() => decodeCursor(c, 'overdue', 'none', '2026-03-11'), ValidationError);
  });

  it('should refuse garbage and forged cursors with a validation error', () => {
    for (const bad of ['', 'not-base64!', Buffer.from('{"o":"none:due","v":[1]}').toString('base64url'), Buffer.from('[1,2]').toString('base64url')]) {
      assert.throws(() => decodeCursor(bad, 'due', 'none', '2026-03-10'), ValidationError, bad);
    }
  });
});

describe('sortKeys', () => {
  it('should put the group first and end with the id so that every row has its own position', () => {
    const keys = sortKeys('status', 'agency');
    assert.equal(keys[0].expr, 'a.leadAgencyId');
    assert.equal(keys[keys.length - 1].expr, 'a.id');
  });

  it('should sort the latest due first with descending keys for -due', () => {
    assert.deepEqual(sortKeys('-due').map((k) => k.desc), [true, true]);
  });
});
