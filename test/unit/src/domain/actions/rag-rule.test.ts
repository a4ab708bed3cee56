import assert from 'node:assert/strict';

import {
  dateInZone,
  dueDateOf,
  effectiveStatus,
  isOverdue,
  ruleStatus,
  type RagInput,
} from '../../../../../src/domain/actions/rag-rule';

const T = { amberWithinDays: 14, staleProgressDays: 30 };
const TODAY = '2026-03-10';

function input(overrides: Partial<RagInput> = {}): RagInput {
  return { targetDate: '2026-06-30', revisedTargetDate: null, lastProgressDate: null, signedOff: false, ...overrides };
}

describe('ruleStatus', () => {
  it('should say complete when the action is signed off, even if it is past its date', () => {
    assert.equal(ruleStatus(input({ targetDate: '2025-01-01', signedOff: true }), TODAY, T), 'complete');
  });

  it('should say red when the target date was yesterday and the action is not complete', () => {
    assert.equal(ruleStatus(input({ targetDate: '2026-03-09', lastProgressDate: TODAY }), TODAY, T), 'red');
  });

  it('should not say red when the target date is today', () => {
    assert.equal(ruleStatus(input({ targetDate: TODAY, lastProgressDate: TODAY }), TODAY, T), 'green');
  });

  it('should say amber when the target is today and there has been no progress update', () => {
    assert.equal(ruleStatus(input({ targetDate: TODAY }), TODAY, T), 'amber');
  });

  it('should say amber when the target is exactly the amber window away with no progress', () => {
    assert.equal(ruleStatus(input({ targetDate: '2026-03-24' }), TODAY, T), 'amber');
  });

  it('should say green when the target is one day beyond the amber window with no progress', () => {
    assert.equal(ruleStatus(input({ targetDate: '2026-03-25' }), TODAY, T), 'green');
  });

  it('should say green when the target is near but the last progress is exactly the stale limit old', () => {
    assert.equal(ruleStatus(input({ targetDate: '2026-03-15', lastProgressDate: '2026-02-08' }), TODAY, T), 'green');
  });

  it('should say amber when the target is near and the last progress is one day past the stale limit', () => {
    assert.equal(ruleStatus(input({ targetDate: '2026-03-15', lastProgressDate: '2026-02-07' }), TODAY, T), 'amber');
  });

  it('should use the revised target date instead of the target when one is agreed', () => {
    const revised = input({ targetDate: '2026-01-31', revisedTargetDate: '2026-05-31' });
    assert.equal(ruleStatus(revised, TODAY, T), 'green');
    assert.equal(dueDateOf(revised), '2026-05-31');
  });

  it('should say red when the revised target date has passed as well', () => {
    assert.equal(ruleStatus(input({ targetDate: '2026-01-31', revisedTargetDate: '2026-03-01', lastProgressDate: TODAY }), TODAY, T), 'red');
  });

  it('should follow the configured thresholds when they change', () => {
    const strict = { amberWithinDays: 30, staleProgressDays: 7 };
    const a = input({ targetDate: '2026-04-05', lastProgressDate: '2026-03-01' });
    assert.equal(ruleStatus(a, TODAY, T), 'green');
    assert.equal(ruleStatus(a, TODAY, strict), 'amber');
  });

  it('should treat an amber window of 0 days as the target day only', () => {
    const zero = { amberWithinDays: 0, staleProgressDays: 30 };
    assert.equal(ruleStatus(input({ targetDate: TODAY }), TODAY, zero), 'amber');
    assert.equal(ruleStatus(input({ targetDate: '2026-03-11' }), TODAY, zero), 'green');
  });

  it('should count across a year end and a leap day', () => {
    assert.equal(ruleStatus(input({ targetDate: '2028-03-01' }), '2028-02-16', T), 'amber');
    assert.equal(ruleStatus(input({ targetDate: '2028-03-02' }), '2028-02-16', T), 'green');
    assert.equal(ruleStatus(input({ targetDate: '2026-12-31', lastProgressDate: '2027-01-01' }), '2027-01-01', T), 'red');
  });
});

describe('effectiveStatus', () => {
  it('should show the override when there is one', () => {
    assert.equal(effectiveStatus('red', 'amber'), 'amber');
  });

  it('should show the rule when there is no override', () => {
    assert.equal(effectiveStatus('amber', null), 'amber');
  });

  it('should show complete over any override', () => {
    assert.equal(effectiveStatus('complete', 'red'), 'complete');
  });
});

describe('isOverdue', () => {
  it('should be true only for an incomplete action past its due date', () => {
    assert.equal(isOverdue('2026-03-09', 'amber', TODAY), true);
    assert.equal(isOverdue(TODAY, 'red', TODAY), false);
    assert.equal(isOverdue('2026-03-09', 'complete', TODAY), false);
  });
});

describe('dateInZone', () => {
  it("should give the board's date, not UTC's, late in the evening in summer", () => {
    assert.equal(dateInZone(new Date('2026-06-30T23:30:00Z'), 'Europe/London'), '2026-07-01');
  });

  it('should give the same date as UTC in winter in London', () => {
    assert.equal(dateInZone(new Date('2026-01-31T23:30:00Z'), 'Europe/London'), '2026-01-31');
  });

  it('should fall back to UTC for an unknown time zone', () => {
    assert.equal(dateInZone(new Date('2026-06-30T23:30:00Z'), 'Not/A_Zone'), '2026-06-30');
  });
});
