import assert from 'node:assert/strict';

import type { ClockCode } from '../../../../../src/contracts/notification';
import {
  CLOCK_LABELS,
  ROUTE_CODES,
  ROUTE_LABELS,
  ROUTE_NEXT_STEPS,
} from '../../../../../src/domain/routing/labels';
import { loadEnglandBankHolidays } from '../../../../../src/domain/calendar/working-days';
import { REASONS } from '../../../../../src/domain/routing/reasons';
import { recommend } from '../../../../../src/domain/routing/recommend';
import { buildAnswers } from './build-answers';

const EXPECTED_ROUTES = [
  'SCR',
  'CASE_REVIEW_1',
  'CASE_REVIEW_2',
  'LEARNING_LESSONS_REVIEW',
  'THEMATIC_ENQUIRY',
  'INDIVIDUAL_AGENCY_REPORT',
  'DHR',
  'CDOP',
  'NO_REVIEW',
  'RAPID_REVIEW',
];

describe('route labels', () => {
  it('should list exactly the ten route codes of DOMAIN.md', () => {
    assert.deepEqual([...ROUTE_CODES].sort(), [...EXPECTED_ROUTES].sort());
  });

  it('should give every route a label and a one-sentence next step', () => {
    for (const code of ROUTE_CODES) {
      assert.ok(ROUTE_LABELS[code].length > 0, code);
      assert.match(ROUTE_NEXT_STEPS[code], /^[A-Z][^]*\.$/, code);
    }
    assert.deepEqual(Object.keys(ROUTE_LABELS).sort(), [...EXPECTED_ROUTES].sort());
    assert.deepEqual(Object.keys(ROUTE_NEXT_STEPS).sort(), [...EXPECTED_ROUTES].sort());
  });

  it('should use the names practitioners know', () => {
    assert.equal(ROUTE_LABELS.SCR, 'Serious Case Review');
    assert.equal(ROUTE_LABELS.DHR, 'Domestic Homicide Review');
    assert.equal(ROUTE_LABELS.CASE_REVIEW_1, 'Case Review Model 1');
    assert.equal(ROUTE_LABELS.INDIVIDUAL_AGENCY_REPORT, 'Individual Agency Report');
  });

  it('should label every clock', () => {
    const codes: ClockCode[] = [
      'NOTIFY_OFSTED',
      'NOTIFY_NATIONAL_PANEL',
      'RAPID_REVIEW',
      'SCR_DECISION',
      'DHR_DECISION',
      'SCR_COMPLETE',
      'PRACTICE_REVIEW_COMPLETE',
      'DHR_COMPLETE',
    ];
    assert.deepEqual(Object.keys(CLOCK_LABELS).sort(), [...codes].sort());
  });
});

describe('reasons', () => {
  it('should be plain words: no route codes, no field names', () => {
    for (const [key, reason] of Object.entries(REASONS)) {
      assert.doesNotMatch(reason, /[A-Z]{2,}_|[a-z][A-Z]/, key);
      assert.match(reason, /^[A-Z].*\.$/, key);
    }
  });

  it('should give ages only as bands, never the exact age', () => {
    const holidays = loadEnglandBankHolidays();
    for (const subjectAgeYears of [9, 15, 19, 45]) {
      for (const model of ['2015', 'current'] as const) {
        const answers = buildAnswers({ subjectAgeYears, died: true, domesticAbuseDeath: true });
        const { reasons } = recommend(answers, { model, today: '2026-03-02', holidays });
        for (const reason of reasons) {
          const where = `${model}, ${subjectAgeYears}: ${reason}`;
          assert.ok(!reason.includes(String(subjectAgeYears)), where);
        }
      }
    }
  });
});
