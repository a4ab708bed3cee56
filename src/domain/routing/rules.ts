import type {
  NotificationAnswersDto,
  ReviewModel,
  RouteCode,
} from '../../contracts/notification';
import { longPeriodReason, REASONS } from './reasons';

/** The route half of a recommendation, before any clocks. */
export type RouteDecision = {
  primary: RouteCode;
  parallel: RouteCode[];
  reasons: string[];
  boardInvolvement?: boolean;
};

/** Review periods longer than this many months count as long (Case Review Model 1). */
export const DEFAULT_LONG_REVIEW_PERIOD_MONTHS = 12;

type Answers = NotificationAnswersDto;

const isChild = (a: Answers): boolean => a.subjectAgeYears < 18;

const isDomesticAbuseDeath = (a: Answers): boolean =>
  a.died && a.domesticAbuseDeath === true && a.subjectAgeYears >= 16;

/**
 * Applies the DOMAIN.md §3 routing rules, in order, for one review model.
 * @param answers the notifier's answers
 * @param model `2015` (Serious Case Reviews) or `current` (rapid reviews)
 * @param longReviewPeriodMonths review periods longer than this count as long
 * @returns the primary route, parallel routes and one reason per rule that fired
 */
export function routeCase(
  answers: Answers,
  model: ReviewModel,
  longReviewPeriodMonths: number = DEFAULT_LONG_REVIEW_PERIOD_MONTHS
): RouteDecision {
  if (model === '2015') {
    return (
      domesticAbuseDeathRoute(answers, model) ??
      seriousCaseReviewRoute(answers) ??
      nonStatutoryRoute(answers, model, longReviewPeriodMonths)
    );
  }
  const decision =
    domesticAbuseDeathRoute(answers, model) ??
    rapidReviewRoute(answers) ??
    nonStatutoryRoute(answers, model, longReviewPeriodMonths);
  if (isDomesticAbuseDeath(answers) && isChild(answers)) {
    decision.reasons.unshift(REASONS.domesticAbuseDeath16or17Current);
  }
  return decision;
}

/** Step 1: the death of someone 16 or over through domestic abuse (16–17 only in model 2015). */
function domesticAbuseDeathRoute(a: Answers, model: ReviewModel): RouteDecision | null {
  if (!isDomesticAbuseDeath(a)) {
    return null;
  }
  if (!isChild(a)) {
    const board = a.childrenInHousehold === true;
    return {
      primary: 'DHR',
      parallel: [],
      reasons: [
        REASONS.domesticAbuseDeathAdult,
        board ? REASONS.boardJoinsDhr : REASONS.boardNotInDhr,
      ],
      boardInvolvement: board,
    };
  }
  if (model === 'current') {
    return null;
  }
  return {
    primary: 'SCR',
    parallel: ['CDOP'],
    reasons: [REASONS.domesticAbuseDeath16or17, REASONS.childDied],
  };
}

/** Steps 2–3 of model 2015: death in custody, then the SCR criteria. */
function seriousCaseReviewRoute(a: Answers): RouteDecision | null {
  if (!isChild(a)) {
    return null;
  }
  if (a.diedInCustody) {
    return scrWithCdop(REASONS.diedInCustody);
  }
  if (a.abuseOrNeglect && a.died) {
    return scrWithCdop(REASONS.scrChildDied);
  }
  if (a.abuseOrNeglect && a.seriousHarm && a.concernsAboutWorkingTogether) {
    return { primary: 'SCR', parallel: [], reasons: [REASONS.scrChildHarmed] };
  }
  return null;
}

const scrWithCdop = (reason: string): RouteDecision => ({
  primary: 'SCR',
  parallel: ['CDOP'],
  reasons: [reason, REASONS.childDied],
});

/** Model `current`: a serious incident needs a rapid review. */
function rapidReviewRoute(a: Answers): RouteDecision | null {
  if (!isChild(a)) {
    return null;
  }
  const reasons: string[] = [];
  if (a.abuseOrNeglect && a.died) {
    reasons.push(REASONS.rapidReviewDied);
  } else if (a.abuseOrNeglect && a.seriousHarm) {
    reasons.push(REASONS.rapidReviewHarmed);
  }
  if (a.diedInCustody) {
    reasons.push(REASONS.rapidReviewCustody);
  }
  if (reasons.length === 0) {
    return null;
  }
  return a.died
    ? { primary: 'RAPID_REVIEW', parallel: ['CDOP'], reasons: [...reasons, REASONS.childDied] }
    : { primary: 'RAPID_REVIEW', parallel: [], reasons };
}

/** Steps 4–6: no statutory review; adults are out of remit, a child may get a learning review. */
function nonStatutoryRoute(a: Answers, model: ReviewModel, longMonths: number): RouteDecision {
  if (!isChild(a)) {
    return { primary: 'NO_REVIEW', parallel: [], reasons: [REASONS.adultOutsideRemit] };
  }
  const reasons = [whyNotStatutory(a, model)];
  const deathReasons = a.died ? [REASONS.childDied] : [];
  if (!a.learningPotential) {
    reasons.push(REASONS.noLearningPotential, ...deathReasons);
    return { primary: a.died ? 'CDOP' : 'NO_REVIEW', parallel: [], reasons };
  }
  const chosen = chooseLearningModel(a, longMonths);
  reasons.push(REASONS.learningPotential, chosen.reason, ...deathReasons);
  return { primary: chosen.route, parallel: a.died ? ['CDOP'] : [], reasons };
}

/** The plain-words reason the statutory test did not fire for a child. */
function whyNotStatutory(a: Answers, model: ReviewModel): string {
  if (model === 'current') {
    return a.abuseOrNeglect ? REASONS.rapidReviewNotMetNoHarm : REASONS.rapidReviewNotMetNoAbuse;
  }
  if (!a.abuseOrNeglect) {
    return REASONS.scrNotMetNoAbuse;
  }
  return a.seriousHarm ? REASONS.scrNotMetNoConcern : REASONS.scrNotMetNoHarm;
}

/** Step 5 a–e: the first non-statutory model that fits. */
function chooseLearningModel(
  a: Answers,
  longMonths: number
): { route: RouteCode; reason: string } {
  if (a.agencies.length === 1) {
    return { route: 'INDIVIDUAL_AGENCY_REPORT', reason: REASONS.oneAgency };
  }
  if (a.clearThemes) {
    return { route: 'THEMATIC_ENQUIRY', reason: REASONS.clearThemes };
  }
  if (a.reviewPeriodMonths !== undefined && a.reviewPeriodMonths > longMonths) {
    return { route: 'CASE_REVIEW_1', reason: longPeriodReason(a.reviewPeriodMonths, longMonths) };
  }
  if (a.smallGroupOfKeyWorkers) {
    return { route: 'CASE_REVIEW_2', reason: REASONS.smallGroup };
  }
  return { route: 'LEARNING_LESSONS_REVIEW', reason: REASONS.shortPeriod };
}
