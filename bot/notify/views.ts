import type { NotificationAnswersDto } from '../../src/contracts/notification';
import {
  DRAFT_STEPS,
  listAgencyOptions,
  todayOf,
  type AgencyOption,
  type DraftState,
  type FieldErrors,
  type FormValues,
  type NotificationDeps,
  type NotificationRecord,
} from '../../src/domain/notifications';
import { MAX_SUMMARY_CHARS, ROUTE_NEXT_STEPS } from '../../src/domain/routing';
import { buildNotifyResumeCard } from '../cards/notify-resume';
import { buildNotifyReviewCard } from '../cards/notify-review';
import { buildNotifySentCard } from '../cards/notify-sent';
import { buildNotifyStepCard } from '../cards/notify-step';
import type { CardJson } from '../cards/template';
import { clockLines, formatDay, routeNames } from './format';

/** The name of each step, as cards show it. */
export const STEP_TITLES: Record<DraftState['step'], string> = {
  incident: 'About the incident',
  statutory: 'The statutory questions',
  agencies: 'Agencies involved',
  learning: 'Learning from the case',
  review: 'Check your answers',
};

const QUESTION_STEPS = DRAFT_STEPS.length - 1;

/**
 * Builds the card for the step a draft is on; after a refused submit, with the messages beside
 * their fields and the values as typed.
 */
export async function draftCard(
  deps: NotificationDeps,
  draft: DraftState,
  refused?: { errors: FieldErrors; values: FormValues }
): Promise<CardJson> {
  const agencies = await listAgencyOptions(deps);
  if (draft.step === 'review') {
    return buildNotifyReviewCard({
      draftKey: draft.draftKey,
      draftVersion: draft.version,
      facts: reviewFacts(draft.answers, agencies),
      summary: draft.answers.summary ?? '',
    });
  }
  return buildNotifyStepCard({
    step: draft.step,
    stepNumber: DRAFT_STEPS.indexOf(draft.step) + 1,
    stepCount: QUESTION_STEPS,
    draftKey: draft.draftKey,
    draftVersion: draft.version,
    today: todayOf(deps),
    values: refused?.values ?? draft.values,
    errors: refused?.errors ?? {},
    agencyOptions: agencies,
    maxSummary: MAX_SUMMARY_CHARS,
  });
}

/** Builds the card offering to resume the open draft or start again. */
export function resumeCard(draft: DraftState, timeZone: string): CardJson {
  const position = draft.step === 'review' ? '' : ` (step ${DRAFT_STEPS.indexOf(draft.step) + 1} of ${QUESTION_STEPS})`;
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    draft.updatedAt
  );
  return buildNotifyResumeCard({
    draftKey: draft.draftKey,
    draftVersion: draft.version,
    stepTitle: `${STEP_TITLES[draft.step]}${position}`,
    updatedOn: when,
  });
}

/** Builds the notifier's confirmation card: no answers, only the reference, route and deadlines. */
export function sentCard(record: NotificationRecord): CardJson {
  return buildNotifySentCard({
    reference: record.reference,
    route: record.recommendedRoute.label,
    parallel: routeNames(record.parallelRoutes),
    reasons: record.recommendation.reasons.map((text) => ({ text })),
    clocks: clockLines(record.clocks),
    nextSteps: ROUTE_NEXT_STEPS[record.recommendedRoute.code],
  });
}

const yesNo = (v: boolean | undefined) => (v ? 'Yes' : 'No');

function reviewFacts(a: Partial<NotificationAnswersDto>, agencies: AgencyOption[]): { title: string; value: string }[] {
  const names = new Map(agencies.map((x) => [x.code, x.name]));
  const facts: [string, string][] = [
    ['Incident date', a.incidentDate ? formatDay(a.incidentDate) : 'Not given'],
    ['Board became aware', a.awareDate ? formatDay(a.awareDate) : 'Today'],
    ['Age at the incident', a.subjectAgeYears !== undefined ? `${a.subjectAgeYears} years` : 'Not given'],
    ['Abuse or neglect known or suspected', yesNo(a.abuseOrNeglect)],
    ['The child died', yesNo(a.died)],
    ['Seriously harmed', yesNo(a.seriousHarm)],
    ['Concern about how agencies worked together', yesNo(a.concernsAboutWorkingTogether)],
    ['Died in custody or detention', yesNo(a.diedInCustody)],
    ['Death through domestic abuse', yesNo(a.domesticAbuseDeath)],
    ['Children lived in the household', yesNo(a.childrenInHousehold)],
    ['Looked after by the local authority', yesNo(a.lookedAfter)],
    ['Agencies involved', (a.agencies ?? []).map((c) => names.get(c) ?? c).join(', ') || 'None'],
    ['Lessons about working together', yesNo(a.learningPotential)],
    ['Period a review would cover', a.reviewPeriodMonths ? `${a.reviewPeriodMonths} months` : 'Not given'],
    ['Clear themes', yesNo(a.clearThemes)],
    ['A small group of key workers could draw out the learning', yesNo(a.smallGroupOfKeyWorkers)],
  ];
  return facts.map(([title, value]) => ({ title, value }));
}
