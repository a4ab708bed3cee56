import type { NotificationAnswersDto } from '../../contracts/notification';
import { makeAnswersSchema, MAX_SUMMARY_CHARS } from '../routing';

/** The chat flow's steps, in order; `review` is "check your answers". */
export const DRAFT_STEPS = ['incident', 'statutory', 'agencies', 'learning', 'review'] as const;

/** A step of the chat flow. */
export type DraftStep = (typeof DRAFT_STEPS)[number];

/** A step with questions (every step but the review). */
export type FormStep = Exclude<DraftStep, 'review'>;

/** Answers collected so far. */
export type DraftAnswers = Partial<NotificationAnswersDto>;

/** How a card input sends its value. */
type FieldKind = 'date' | 'number' | 'text' | 'yesno' | 'toggle' | 'multi';

type Field = keyof NotificationAnswersDto;

/** The questions on each step, with the kind of card input that asks them. */
export const STEP_FIELDS: Readonly<Record<FormStep, readonly { field: Field; kind: FieldKind }[]>> = {
  incident: [
    { field: 'incidentDate', kind: 'date' },
    { field: 'awareDate', kind: 'date' },
    { field: 'subjectAgeYears', kind: 'number' },
    { field: 'summary', kind: 'text' },
  ],
  statutory: [
    { field: 'abuseOrNeglect', kind: 'yesno' },
    { field: 'died', kind: 'yesno' },
    { field: 'seriousHarm', kind: 'yesno' },
    { field: 'concernsAboutWorkingTogether', kind: 'yesno' },
    { field: 'diedInCustody', kind: 'toggle' },
    { field: 'domesticAbuseDeath', kind: 'toggle' },
    { field: 'childrenInHousehold', kind: 'toggle' },
    { field: 'lookedAfter', kind: 'toggle' },
  ],
  agencies: [{ field: 'agencies', kind: 'multi' }],
  learning: [
    { field: 'learningPotential', kind: 'yesno' },
    { field: 'reviewPeriodMonths', kind: 'number' },
    { field: 'clearThemes', kind: 'toggle' },
    { field: 'smallGroupOfKeyWorkers', kind: 'toggle' },
  ],
};

/** Values as card inputs hold them (strings), for showing a step again. */
export type FormValues = Record<string, string>;

/** Per-field messages for a step. */
export type FieldErrors = Record<string, string>;

/** The outcome of checking one step's inputs. */
export type StepCheck =
  | { ok: true; answers: DraftAnswers }
  | { ok: false; errors: FieldErrors; values: FormValues };

/** Valid stand-ins for questions on other steps, so one step can be checked on its own. */
const STAND_INS: NotificationAnswersDto = {
  incidentDate: '2000-01-01',
  subjectAgeYears: 0,
  abuseOrNeglect: false,
  died: false,
  seriousHarm: false,
  concernsAboutWorkingTogether: false,
  learningPotential: false,
  agencies: ['STAND-IN'],
  summary: 'stand-in',
};

/** The longest value echoed back into a card (forged submissions can be long). */
const MAX_ECHO = MAX_SUMMARY_CHARS;

/** @returns whether a string names a step of the flow */
export function isDraftStep(step: unknown): step is DraftStep {
  return typeof step === 'string' && (DRAFT_STEPS as readonly string[]).includes(step);
}

/** @returns the step after (or before, with -1) a step, staying within the flow */
export function stepAfter(step: DraftStep, direction: 1 | -1 = 1): DraftStep {
  const i = DRAFT_STEPS.indexOf(step) + direction;
  return DRAFT_STEPS[Math.min(Math.max(i, 0), DRAFT_STEPS.length - 1)];
}

/** @returns the step that asks a question */
export function stepOfField(field: string): FormStep {
  const entry = (Object.entries(STEP_FIELDS) as [FormStep, readonly { field: Field }[]][]).find(([, fields]) =>
    fields.some((f) => f.field === field)
  );
  return entry ? entry[0] : 'incident';
}

/**
 * Checks one step's card inputs against the answers schema (today's date for "not in the future").
 * Questions on other steps take stored answers, or valid stand-ins, so only this step's problems
 * are reported.
 * @param step the step the inputs came from
 * @param raw the card's submitted data (unknown keys are ignored)
 * @param saved the answers stored so far
 * @param today `YYYY-MM-DD` in the board's time zone
 * @returns the answers with this step's merged in, or per-field messages and the typed values
 */
export function checkStep(step: FormStep, raw: Record<string, unknown>, saved: DraftAnswers, today: string): StepCheck {
  const fields = STEP_FIELDS[step];
  const own = new Set<string>(fields.map((f) => f.field));
  const candidate: Record<string, unknown> = {};
  for (const [k, v] of Object.entries({ ...STAND_INS, ...saved })) {
    if (!own.has(k)) {
      candidate[k] = v;
    }
  }
  for (const { field, kind } of fields) {
    const value = fromCard(kind, raw[field]);
    if (value !== undefined) {
      candidate[field] = value;
    }
  }
  const schema = makeAnswersSchema(today);
  const parsed = schema.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, errors: stepErrors(schema, candidate, own), values: echoValues(step, raw) };
  }
  const answers: Record<string, unknown> = { ...saved };
  for (const field of own) {
    delete answers[field];
    const value = (parsed.data as Record<string, unknown>)[field];
    if (value !== undefined) {
      answers[field] = value;
    }
  }
  return { ok: true, answers: answers as DraftAnswers };
}

/**
 * Collects a message per field of the step. Cross-field and "not in the future" checks run only
 * once every field has the right type, so fields already refused are swapped for stand-ins (a
 * few rounds at most) until no new problem shows: the person sees every problem at once.
 */
function stepErrors(
  schema: ReturnType<typeof makeAnswersSchema>,
  candidate: Record<string, unknown>,
  own: Set<string>
): FieldErrors {
  const errors: FieldErrors = {};
  let attempt = { ...candidate };
  for (let round = 0; round < 3; round++) {
    const parsed = schema.safeParse(attempt);
    const fresh = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message }));
    const added = fresh.filter((i) => own.has(i.field) && !errors[i.field]);
    added.forEach((i) => (errors[i.field] ??= i.message));
    if (added.length === 0) {
      break;
    }
    attempt = { ...attempt };
    for (const field of Object.keys(errors)) {
      const standIn = (STAND_INS as Record<string, unknown>)[field];
      if (standIn === undefined) {
        delete attempt[field];
      } else {
        attempt[field] = standIn;
      }
    }
  }
  if (Object.keys(errors).length === 0) {
    errors['(answers)'] = 'Please check the answers';
  }
  return errors;
}

/** Turns a card input's value into the answer's type; leaves anything odd for the schema to refuse. */
function fromCard(kind: FieldKind, value: unknown): unknown {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    return value;
  }
  const v = value.trim();
  switch (kind) {
    case 'date':
      return v === '' ? undefined : v;
    case 'number':
      return v === '' ? undefined : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    case 'text':
      return value;
    case 'yesno':
      return v === 'yes' ? true : v === 'no' ? false : v === '' ? undefined : v;
    case 'toggle':
      return v === 'true' ? true : v === 'false' || v === '' ? false : v;
    case 'multi':
      return v === '' ? [] : v.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  }
}

/** @returns a step's submitted values as strings, to show the card again as it was typed */
function echoValues(step: FormStep, raw: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const { field } of STEP_FIELDS[step]) {
    const v = raw[field];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      values[field] = String(v).slice(0, MAX_ECHO);
    }
  }
  return values;
}

/** @returns stored answers as card input values */
export function formValues(answers: DraftAnswers): FormValues {
  const values: FormValues = {};
  for (const fields of Object.values(STEP_FIELDS)) {
    for (const { field, kind } of fields) {
      const v = answers[field];
      if (v === undefined) {
        continue;
      }
      if (kind === 'yesno') {
        values[field] = v ? 'yes' : 'no';
      } else if (Array.isArray(v)) {
        values[field] = v.join(',');
      } else {
        values[field] = String(v);
      }
    }
  }
  return values;
}
