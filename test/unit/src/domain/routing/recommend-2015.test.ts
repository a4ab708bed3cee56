import assert from 'node:assert/strict';

import type { NotificationAnswersDto, RouteCode } from '../../../../../src/contracts/notification';
import { loadEnglandBankHolidays } from '../../../../../src/domain/calendar/working-days';
import { longPeriodReason, REASONS } from '../../../../../src/domain/routing/reasons';
import { recommend } from '../../../../../src/domain/routing/recommend';
import { buildAnswers } from './build-answers';

const holidays = loadEnglandBankHolidays();

type Row = {
  name: string;
  answers: Partial<NotificationAnswersDto>;
  primary: RouteCode;
  parallel: RouteCode[];
  /** the routing reasons, exactly and in order (notification reasons follow them) */
  reasons: string[];
  boardInvolvement?: boolean;
  longReviewPeriodMonths?: number;
};

const died = { died: true };
const daDeath = { died: true, domesticAbuseDeath: true };
const abuseDied = { abuseOrNeglect: true, died: true };
const abuseHarmConcern = {
  abuseOrNeglect: true,
  seriousHarm: true,
  concernsAboutWorkingTogether: true,
};
const learning = { learningPotential: true };
const notScr = REASONS.scrNotMetNoAbuse;

const step1: Row[] = [
  { name: 'should recommend SCR with parallel CDOP when a 16-year-old dies through domestic abuse',
    answers: { ...daDeath, subjectAgeYears: 16 }, primary: 'SCR', parallel: ['CDOP'],
    reasons: [REASONS.domesticAbuseDeath16or17, REASONS.childDied] },
  { name: 'should recommend SCR with parallel CDOP when a 17-year-old dies through domestic abuse',
    answers: { ...daDeath, subjectAgeYears: 17 }, primary: 'SCR', parallel: ['CDOP'],
    reasons: [REASONS.domesticAbuseDeath16or17, REASONS.childDied] },
  { name: 'should recommend DHR with board involvement and no CDOP when an 18-year-old dies through domestic abuse with children in the household',
    answers: { ...daDeath, subjectAgeYears: 18, childrenInHousehold: true }, primary: 'DHR',
    parallel: [], boardInvolvement: true,
    reasons: [REASONS.domesticAbuseDeathAdult, REASONS.boardJoinsDhr] },
  { name: 'should recommend DHR without board involvement when an 18-year-old dies through domestic abuse and no children lived there',
    answers: { ...daDeath, subjectAgeYears: 18, childrenInHousehold: false }, primary: 'DHR',
    parallel: [], boardInvolvement: false,
    reasons: [REASONS.domesticAbuseDeathAdult, REASONS.boardNotInDhr] },
  { name: 'should recommend DHR without board involvement when the household question is unanswered for a 45-year-old',
    answers: { ...daDeath, ...abuseDied, subjectAgeYears: 45 }, primary: 'DHR', parallel: [],
    boardInvolvement: false, reasons: [REASONS.domesticAbuseDeathAdult, REASONS.boardNotInDhr] },
  { name: 'should not apply the domestic-abuse rule to a 15-year-old (CDOP only when nothing else applies)',
    answers: { ...daDeath, subjectAgeYears: 15 }, primary: 'CDOP', parallel: [],
    reasons: [notScr, REASONS.noLearningPotential, REASONS.childDied] },
  { name: 'should recommend SCR through the SCR criteria when a 15-year-old dies through domestic abuse with abuse suspected',
    answers: { ...daDeath, ...abuseDied, subjectAgeYears: 15 }, primary: 'SCR', parallel: ['CDOP'],
    reasons: [REASONS.scrChildDied, REASONS.childDied] },
  { name: 'should apply the domestic-abuse rule before the custody rule for a 17-year-old',
    answers: { ...daDeath, diedInCustody: true, subjectAgeYears: 17 }, primary: 'SCR',
    parallel: ['CDOP'], reasons: [REASONS.domesticAbuseDeath16or17, REASONS.childDied] },
  { name: 'should recommend no review when an 18-year-old was harmed but did not die through domestic abuse',
    answers: { subjectAgeYears: 18, seriousHarm: true, abuseOrNeglect: true },
    primary: 'NO_REVIEW', parallel: [], reasons: [REASONS.adultOutsideRemit] },
];

const steps2and3: Row[] = [
  { name: 'should recommend SCR with parallel CDOP when a child dies in custody without suspected abuse',
    answers: { ...died, diedInCustody: true, subjectAgeYears: 15 }, primary: 'SCR',
    parallel: ['CDOP'], reasons: [REASONS.diedInCustody, REASONS.childDied] },
  { name: 'should recommend SCR when a 17-year-old dies in custody',
    answers: { ...died, diedInCustody: true, subjectAgeYears: 17 }, primary: 'SCR',
    parallel: ['CDOP'], reasons: [REASONS.diedInCustody, REASONS.childDied] },
  { name: 'should recommend no review when an 18-year-old dies in custody (outside the remit)',
    answers: { ...died, diedInCustody: true, subjectAgeYears: 18 }, primary: 'NO_REVIEW',
    parallel: [], reasons: [REASONS.adultOutsideRemit] },
  { name: 'should recommend SCR with parallel CDOP when a baby dies and abuse is suspected',
    answers: { ...abuseDied, subjectAgeYears: 0 }, primary: 'SCR', parallel: ['CDOP'],
    reasons: [REASONS.scrChildDied, REASONS.childDied] },
  { name: 'should recommend SCR when a child dies with abuse suspected even without harm or concern answers',
    answers: { ...abuseDied, seriousHarm: false, concernsAboutWorkingTogether: false },
    primary: 'SCR', parallel: ['CDOP'], reasons: [REASONS.scrChildDied, REASONS.childDied] },
  { name: 'should recommend SCR without CDOP when a 17-year-old is seriously harmed with abuse and concern about working together',
    answers: { ...abuseHarmConcern, subjectAgeYears: 17 }, primary: 'SCR', parallel: [],
    reasons: [REASONS.scrChildHarmed] },
  { name: 'should recommend no review when an 18-year-old is seriously harmed with abuse and concern about working together',
    answers: { ...abuseHarmConcern, subjectAgeYears: 18 }, primary: 'NO_REVIEW', parallel: [],
    reasons: [REASONS.adultOutsideRemit] },
  { name: 'should recommend no review when an 18-year-old dies with abuse suspected, with no CDOP',
    answers: { ...abuseDied, subjectAgeYears: 18, ...learning }, primary: 'NO_REVIEW',
    parallel: [], reasons: [REASONS.adultOutsideRemit] },
  { name: 'should not recommend SCR when a child is seriously harmed with abuse but no concern about working together',
    answers: { ...abuseHarmConcern, concernsAboutWorkingTogether: false }, primary: 'NO_REVIEW',
    parallel: [], reasons: [REASONS.scrNotMetNoConcern, REASONS.noLearningPotential] },
  { name: 'should not recommend SCR when a child is seriously harmed with concern but no abuse or neglect',
    answers: { ...abuseHarmConcern, abuseOrNeglect: false }, primary: 'NO_REVIEW', parallel: [],
    reasons: [REASONS.scrNotMetNoAbuse, REASONS.noLearningPotential] },
  { name: 'should not recommend SCR when abuse is suspected but the child neither died nor was seriously harmed',
    answers: { abuseOrNeglect: true, concernsAboutWorkingTogether: true }, primary: 'NO_REVIEW',
    parallel: [], reasons: [REASONS.scrNotMetNoHarm, REASONS.noLearningPotential] },
];

const steps4to6: Row[] = [
  { name: 'should recommend no review for a 120-year-old, saying it is outside the remit',
    answers: { subjectAgeYears: 120, ...learning }, primary: 'NO_REVIEW', parallel: [],
    reasons: [REASONS.adultOutsideRemit] },
  { name: 'should recommend an Individual Agency Report when only one agency was involved',
    answers: { ...learning, agencies: ['POLICE'], clearThemes: true, reviewPeriodMonths: 24 },
    primary: 'INDIVIDUAL_AGENCY_REPORT', parallel: [],
    reasons: [notScr, REASONS.learningPotential, REASONS.oneAgency] },
  { name: 'should recommend a Thematic Enquiry when the case shows clear themes, before a long period',
    answers: { ...learning, clearThemes: true, reviewPeriodMonths: 24,
      smallGroupOfKeyWorkers: true },
    primary: 'THEMATIC_ENQUIRY', parallel: [],
    reasons: [notScr, REASONS.learningPotential, REASONS.clearThemes] },
  { name: 'should recommend Case Review Model 1 when the period is 13 months (over the default 12)',
    answers: { ...learning, reviewPeriodMonths: 13, smallGroupOfKeyWorkers: true },
    primary: 'CASE_REVIEW_1', parallel: [],
    reasons: [notScr, REASONS.learningPotential, longPeriodReason(13, 12)] },
  { name: 'should recommend Case Review Model 2 when the period is exactly 12 months and a small group can draw out the learning',
    answers: { ...learning, reviewPeriodMonths: 12, smallGroupOfKeyWorkers: true },
    primary: 'CASE_REVIEW_2', parallel: [],
    reasons: [notScr, REASONS.learningPotential, REASONS.smallGroup] },
  { name: 'should recommend a Learning Lessons Review when the period is exactly 12 months and nothing else fits',
    answers: { ...learning, reviewPeriodMonths: 12 }, primary: 'LEARNING_LESSONS_REVIEW',
    parallel: [], reasons: [notScr, REASONS.learningPotential, REASONS.shortPeriod] },
  { name: 'should recommend a Learning Lessons Review when no review period is given',
    answers: { ...learning, smallGroupOfKeyWorkers: false }, primary: 'LEARNING_LESSONS_REVIEW',
    parallel: [], reasons: [notScr, REASONS.learningPotential, REASONS.shortPeriod] },
  { name: 'should recommend a Learning Lessons Review for 24 months when the threshold is configured to 24',
    answers: { ...learning, reviewPeriodMonths: 24 }, longReviewPeriodMonths: 24,
    primary: 'LEARNING_LESSONS_REVIEW', parallel: [],
    reasons: [notScr, REASONS.learningPotential, REASONS.shortPeriod] },
  { name: 'should recommend Case Review Model 1 for 25 months when the threshold is configured to 24',
    answers: { ...learning, reviewPeriodMonths: 25 }, longReviewPeriodMonths: 24,
    primary: 'CASE_REVIEW_1', parallel: [],
    reasons: [notScr, REASONS.learningPotential, longPeriodReason(25, 24)] },
  { name: 'should recommend Case Review Model 1 for 7 months when the threshold is configured to 6',
    answers: { ...learning, reviewPeriodMonths: 7 }, longReviewPeriodMonths: 6,
    primary: 'CASE_REVIEW_1', parallel: [],
    reasons: [notScr, REASONS.learningPotential, longPeriodReason(7, 6)] },
  { name: 'should add parallel CDOP to a learning review when the child died',
    answers: { ...learning, ...died, clearThemes: true }, primary: 'THEMATIC_ENQUIRY',
    parallel: ['CDOP'],
    reasons: [notScr, REASONS.learningPotential, REASONS.clearThemes, REASONS.childDied] },
  { name: 'should recommend CDOP alone when a child died with no abuse and no learning potential',
    answers: { ...died, subjectAgeYears: 17 }, primary: 'CDOP', parallel: [],
    reasons: [notScr, REASONS.noLearningPotential, REASONS.childDied] },
  { name: 'should recommend no review when a child did not die and has no learning potential',
    answers: {}, primary: 'NO_REVIEW', parallel: [],
    reasons: [notScr, REASONS.noLearningPotential] },
];

/** Recommends under model 2015 for answers built from the overrides. */
function run2015(answers: Partial<NotificationAnswersDto>, longReviewPeriodMonths?: number) {
  return recommend(buildAnswers(answers), {
    model: '2015',
    longReviewPeriodMonths,
    today: '2026-03-02',
    holidays,
  });
}

/** Runs one table of rows against model 2015. */
function runRows(rows: Row[]): void {
  for (const row of rows) {
    it(row.name, () => {
      const result = run2015(row.answers, row.longReviewPeriodMonths);
      assert.equal(result.model, '2015');
      assert.equal(result.primary, row.primary);
      assert.deepEqual(result.parallel, row.parallel);
      assert.deepEqual(result.reasons.slice(0, row.reasons.length), row.reasons);
      assert.equal(result.boardInvolvement, row.boardInvolvement);
    });
  }
}

describe('recommend (model 2015)', () => {
  describe('step 1: domestic-abuse death of a person 16 or over', () => runRows(step1));
  describe('steps 2–3: custody and the SCR criteria', () => runRows(steps2and3));
  describe('steps 4–6: outside the remit, learning reviews and CDOP', () => runRows(steps4to6));

  it('should never recommend a rapid review under model 2015', () => {
    for (const row of [...step1, ...steps2and3, ...steps4to6]) {
      const result = run2015(row.answers);
      assert.notEqual(result.primary, 'RAPID_REVIEW', row.name);
      assert.ok(!result.parallel.includes('RAPID_REVIEW'), row.name);
    }
  });

  it('should leave boardInvolvement out of every recommendation that is not a DHR', () => {
    const result = run2015(abuseDied);
    assert.ok(!('boardInvolvement' in result));
  });

  it('should use a threshold of 12 months when none is configured', () => {
    const at12 = run2015({ ...learning, reviewPeriodMonths: 12 });
    const at13 = run2015({ ...learning, reviewPeriodMonths: 13 });
    assert.equal(at12.primary, 'LEARNING_LESSONS_REVIEW');
    assert.equal(at13.primary, 'CASE_REVIEW_1');
  });
});
