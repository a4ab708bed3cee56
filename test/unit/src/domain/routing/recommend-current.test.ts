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
const abuseHarm = { abuseOrNeglect: true, seriousHarm: true };
const learning = { learningPotential: true };
const noRr = REASONS.rapidReviewNotMetNoAbuse;
const rrDied = [REASONS.rapidReviewDied, REASONS.childDied];

const domesticAbuse: Row[] = [
  { name: 'should recommend CDOP, not SCR, when a 16-year-old dies through domestic abuse with no abuse-or-neglect answer',
    answers: { ...daDeath, subjectAgeYears: 16 }, primary: 'CDOP', parallel: [],
    reasons: [REASONS.domesticAbuseDeath16or17Current, noRr, REASONS.noLearningPotential,
      REASONS.childDied] },
  { name: 'should recommend a rapid review with parallel CDOP when a 16-year-old dies through domestic abuse with abuse suspected',
    answers: { ...daDeath, ...abuseDied, subjectAgeYears: 16 }, primary: 'RAPID_REVIEW',
    parallel: ['CDOP'], reasons: [REASONS.domesticAbuseDeath16or17Current, ...rrDied] },
  { name: 'should recommend a rapid review with parallel CDOP when a 17-year-old dies through domestic abuse with abuse suspected',
    answers: { ...daDeath, ...abuseDied, subjectAgeYears: 17 }, primary: 'RAPID_REVIEW',
    parallel: ['CDOP'], reasons: [REASONS.domesticAbuseDeath16or17Current, ...rrDied] },
  { name: 'should not add the domestic-abuse note for a 15-year-old',
    answers: { ...daDeath, ...abuseDied, subjectAgeYears: 15 }, primary: 'RAPID_REVIEW',
    parallel: ['CDOP'], reasons: rrDied },
  { name: 'should recommend DHR with board involvement when an 18-year-old dies through domestic abuse with children in the household',
    answers: { ...daDeath, subjectAgeYears: 18, childrenInHousehold: true }, primary: 'DHR',
    parallel: [], boardInvolvement: true,
    reasons: [REASONS.domesticAbuseDeathAdult, REASONS.boardJoinsDhr] },
  { name: 'should recommend DHR without board involvement when an 18-year-old dies through domestic abuse and no children lived there',
    answers: { ...daDeath, subjectAgeYears: 18, childrenInHousehold: false }, primary: 'DHR',
    parallel: [], boardInvolvement: false,
    reasons: [REASONS.domesticAbuseDeathAdult, REASONS.boardNotInDhr] },
];

const seriousIncidents: Row[] = [
  { name: 'should recommend a rapid review with parallel CDOP when a child dies and abuse is suspected',
    answers: abuseDied, primary: 'RAPID_REVIEW', parallel: ['CDOP'], reasons: rrDied },
  { name: 'should recommend a rapid review without CDOP when a child is seriously harmed with abuse and no concern about working together',
    answers: abuseHarm, primary: 'RAPID_REVIEW', parallel: [],
    reasons: [REASONS.rapidReviewHarmed] },
  { name: 'should recommend a rapid review when a 17-year-old is seriously harmed with abuse and concern about working together',
    answers: { ...abuseHarm, concernsAboutWorkingTogether: true, subjectAgeYears: 17 },
    primary: 'RAPID_REVIEW', parallel: [], reasons: [REASONS.rapidReviewHarmed] },
  { name: 'should recommend no review when an 18-year-old is seriously harmed with abuse',
    answers: { ...abuseHarm, subjectAgeYears: 18 }, primary: 'NO_REVIEW', parallel: [],
    reasons: [REASONS.adultOutsideRemit] },
  { name: 'should recommend a rapid review with parallel CDOP when a child dies in custody without suspected abuse',
    answers: { ...died, diedInCustody: true, subjectAgeYears: 16 }, primary: 'RAPID_REVIEW',
    parallel: ['CDOP'], reasons: [REASONS.rapidReviewCustody, REASONS.childDied] },
  { name: 'should give both reasons when a child dies in custody and abuse is suspected',
    answers: { ...abuseDied, diedInCustody: true }, primary: 'RAPID_REVIEW', parallel: ['CDOP'],
    reasons: [REASONS.rapidReviewDied, REASONS.rapidReviewCustody, REASONS.childDied] },
  { name: 'should recommend no review when an 18-year-old dies in custody',
    answers: { ...died, diedInCustody: true, subjectAgeYears: 18 }, primary: 'NO_REVIEW',
    parallel: [], reasons: [REASONS.adultOutsideRemit] },
  { name: 'should not recommend a rapid review when a child is seriously harmed with no abuse or neglect',
    answers: { seriousHarm: true, concernsAboutWorkingTogether: true }, primary: 'NO_REVIEW',
    parallel: [], reasons: [noRr, REASONS.noLearningPotential] },
  { name: 'should not recommend a rapid review when abuse is suspected but the child neither died nor was harmed',
    answers: { abuseOrNeglect: true, ...learning, agencies: ['EDUCATION'] },
    primary: 'INDIVIDUAL_AGENCY_REPORT', parallel: [],
    reasons: [REASONS.rapidReviewNotMetNoHarm, REASONS.learningPotential, REASONS.oneAgency] },
];

const unchangedSteps: Row[] = [
  { name: 'should recommend a Thematic Enquiry when the case shows clear themes',
    answers: { ...learning, clearThemes: true }, primary: 'THEMATIC_ENQUIRY', parallel: [],
    reasons: [noRr, REASONS.learningPotential, REASONS.clearThemes] },
  { name: 'should recommend Case Review Model 1 when the period is 13 months',
    answers: { ...learning, reviewPeriodMonths: 13 }, primary: 'CASE_REVIEW_1', parallel: [],
    reasons: [noRr, REASONS.learningPotential, longPeriodReason(13, 12)] },
  { name: 'should recommend Case Review Model 2 when the period is 12 months and a small group can draw out the learning',
    answers: { ...learning, reviewPeriodMonths: 12, smallGroupOfKeyWorkers: true },
    primary: 'CASE_REVIEW_2', parallel: [],
    reasons: [noRr, REASONS.learningPotential, REASONS.smallGroup] },
  { name: 'should recommend a Learning Lessons Review for 18 months when the threshold is configured to 18',
    answers: { ...learning, reviewPeriodMonths: 18 }, longReviewPeriodMonths: 18,
    primary: 'LEARNING_LESSONS_REVIEW', parallel: [],
    reasons: [noRr, REASONS.learningPotential, REASONS.shortPeriod] },
  { name: 'should add parallel CDOP to a learning review when the child died',
    answers: { ...learning, ...died }, primary: 'LEARNING_LESSONS_REVIEW', parallel: ['CDOP'],
    reasons: [noRr, REASONS.learningPotential, REASONS.shortPeriod, REASONS.childDied] },
  { name: 'should recommend CDOP alone when a child died with no abuse and no learning potential',
    answers: died, primary: 'CDOP', parallel: [],
    reasons: [noRr, REASONS.noLearningPotential, REASONS.childDied] },
  { name: 'should recommend no review when a child did not die and has no learning potential',
    answers: {}, primary: 'NO_REVIEW', parallel: [], reasons: [noRr, REASONS.noLearningPotential] },
];

/** Recommends under the current model for answers built from the overrides. */
function runCurrent(answers: Partial<NotificationAnswersDto>, longReviewPeriodMonths?: number) {
  return recommend(buildAnswers(answers), {
    model: 'current',
    longReviewPeriodMonths,
    today: '2026-03-02',
    holidays,
  });
}

/** Runs one table of rows against the current model. */
function runRows(rows: Row[]): void {
  for (const row of rows) {
    it(row.name, () => {
      const result = runCurrent(row.answers, row.longReviewPeriodMonths);
      assert.equal(result.model, 'current');
      assert.equal(result.primary, row.primary);
      assert.deepEqual(result.parallel, row.parallel);
      assert.deepEqual(result.reasons.slice(0, row.reasons.length), row.reasons);
      assert.equal(result.boardInvolvement, row.boardInvolvement);
    });
  }
}

describe('recommend (model current)', () => {
  describe('domestic-abuse deaths', () => runRows(domesticAbuse));
  describe('serious incidents and rapid reviews', () => runRows(seriousIncidents));
  describe('steps 4–6, unchanged from 2015', () => runRows(unchangedSteps));

  it('should never recommend a Serious Case Review under the current model', () => {
    for (const row of [...domesticAbuse, ...seriousIncidents, ...unchangedSteps]) {
      const result = runCurrent(row.answers);
      assert.notEqual(result.primary, 'SCR', row.name);
      assert.ok(!result.parallel.includes('SCR'), row.name);
    }
  });
});
