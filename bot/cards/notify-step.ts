import type { FormStep } from '../../src/domain/notifications';
import { dropNulls, setNumberInput } from './card-tools';
import { NOTIFY_VERBS } from './notify-verbs';
import { bindCard, type CardJson } from './template';

/** What a question step of the notification flow shows. */
export type NotifyStepView = {
  step: FormStep;
  /** 1-based position among the question steps */
  stepNumber: number;
  stepCount: number;
  draftKey: string;
  draftVersion: number;
  /** `YYYY-MM-DD`, the latest date the date pickers offer */
  today: string;
  /** input values as the card holds them (strings); absent when not answered */
  values: Record<string, string | undefined>;
  /** a message per field with a problem */
  errors: Record<string, string>;
  /** the choices of the agencies step */
  agencyOptions: { code: string; name: string }[];
  maxSummary: number;
};

/** Every field each step shows a message for (so the template's `$when` tests always bind). */
const STEP_FIELD_IDS: Record<FormStep, string[]> = {
  incident: ['incidentDate', 'awareDate', 'subjectAgeYears', 'summary'],
  statutory: [
    'abuseOrNeglect',
    'died',
    'seriousHarm',
    'concernsAboutWorkingTogether',
    'diedInCustody',
    'domesticAbuseDeath',
    'childrenInHousehold',
    'lookedAfter',
  ],
  agencies: ['agencies'],
  learning: ['learningPotential', 'reviewPeriodMonths', 'clearThemes', 'smallGroupOfKeyWorkers'],
};

const NUMBER_FIELDS = ['subjectAgeYears', 'reviewPeriodMonths'];

/**
 * Builds one question step of the notification flow (`bot/cards/notify-<step>.json`), with the
 * values given so far and any messages beside their fields.
 */
export function buildNotifyStepCard(view: NotifyStepView): CardJson {
  const ids = STEP_FIELD_IDS[view.step];
  const values: Record<string, string | null> = {};
  const errors: Record<string, string> = {};
  for (const id of ids) {
    values[id] = view.values[id] ?? null;
    errors[id] = view.errors[id] ?? '';
  }
  const problems = Object.keys(view.errors).length;
  const card = bindCard(`notify-${view.step}`, {
    stepNumber: view.stepNumber,
    stepCount: view.stepCount,
    draftKey: view.draftKey,
    draftVersion: view.draftVersion,
    verbs: NOTIFY_VERBS,
    today: view.today,
    values,
    errors,
    formError: problems > 0 ? `Please check ${problems === 1 ? 'the answer' : 'the answers'} marked below.` : '',
    agencyOptions: view.agencyOptions,
    maxSummary: view.maxSummary,
  });
  for (const id of NUMBER_FIELDS.filter((f) => ids.includes(f))) {
    const raw = view.values[id];
    const n = raw !== undefined && /^-?\d+$/.test(raw.trim()) ? Number(raw) : null;
    setNumberInput(card, id, n);
  }
  return dropNulls(card);
}
