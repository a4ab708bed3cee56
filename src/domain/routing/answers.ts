import { z } from 'zod';

import type { NotificationAnswersDto } from '../../contracts/notification';
import { ValidationError } from '../../errors';
import { isIsoDate } from '../calendar/iso-date';

/** Most agencies one notification may list. */
export const MAX_AGENCIES = 30;
/** Longest summary, in characters, after trimming. */
export const MAX_SUMMARY_CHARS = 2000;

const AGENCY_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

const yesNo = (question: string) => z.boolean({ error: `Please answer yes or no: ${question}` });

const dateField = (what: string) =>
  z
    .string({ error: `Please give ${what} as a date (YYYY-MM-DD)` })
    .refine(isIsoDate, `Please give ${what} as a real date in the form YYYY-MM-DD`);

const wholeNumber = (message: string) => z.number({ error: message }).int(message);

const agencies = z
  .array(
    z.string({ error: 'Each agency must be a code from the agency list' })
      .trim()
      .regex(AGENCY_CODE, 'Each agency must be a code from the agency list'),
    { error: 'Please choose the agencies involved' }
  )
  .min(1, 'Choose at least one agency involved')
  .max(MAX_AGENCIES, `Choose no more than ${MAX_AGENCIES} agencies`)
  .refine((codes) => new Set(codes).size === codes.length, 'Choose each agency only once');

const shape = {
  incidentDate: dateField('the incident date'),
  awareDate: dateField('the date the board became aware').optional(),
  subjectAgeYears: wholeNumber('Please give the age in whole years')
    .min(0, "The age can't be below 0")
    .max(120, 'The age must be 120 or under'),
  abuseOrNeglect: yesNo('is abuse or neglect of the child known or suspected?'),
  died: yesNo('did the child die?'),
  seriousHarm: yesNo('was the child seriously harmed?'),
  concernsAboutWorkingTogether: yesNo('is there concern about how agencies worked together?'),
  diedInCustody: yesNo('did the child die in custody or while detained?').optional(),
  domesticAbuseDeath: yesNo('did the death result from domestic abuse?').optional(),
  childrenInHousehold: yesNo('did children live in the household?').optional(),
  lookedAfter: yesNo('was the child looked after by the local authority?').optional(),
  learningPotential: yesNo('can the case teach agencies about working together?'),
  agencies,
  reviewPeriodMonths: wholeNumber('Please give the review period in whole months')
    .min(1, 'The review period must be at least 1 month')
    .max(240, "The review period can't be more than 240 months (20 years)")
    .optional(),
  clearThemes: yesNo('does the case show clear themes?').optional(),
  smallGroupOfKeyWorkers: yesNo('could a small group of key workers draw out the learning?')
    .optional(),
  summary: z
    .string({ error: 'Please describe what happened' })
    .trim()
    .min(1, 'Please describe what happened')
    .max(MAX_SUMMARY_CHARS, 'The summary must be 2,000 characters or fewer'),
};

/**
 * The notifier's answers (DOMAIN.md §3), with every check that does not depend on today's date.
 * Use {@link makeAnswersSchema} to validate a submission; it adds the "not in the future" checks.
 */
export const NotificationAnswersSchema = z
  .strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `The form sent answers the app doesn't recognise: ${issue.keys.join(', ')}`
        : 'The answers must be a set of named fields',
  })
  .superRefine((a, ctx) => {
    const issue = (field: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message });
    if (a.awareDate && isIsoDate(a.awareDate) && isIsoDate(a.incidentDate)) {
      if (a.awareDate < a.incidentDate) {
        issue('awareDate', "The date the board became aware can't be before the incident date");
      }
    }
    if (a.died === false && a.diedInCustody === true) {
      issue(
        'diedInCustody',
        'You said the child died in custody but not that they died; please check both answers'
      );
    }
    if (a.died === false && a.domesticAbuseDeath === true) {
      issue(
        'domesticAbuseDeath',
        'You said the death resulted from domestic abuse but not that anyone died; please check'
      );
    }
  });

/** Validated answers; `summary` is trimmed. */
export type NotificationAnswers = z.infer<typeof NotificationAnswersSchema>;

/**
 * Builds the full answers schema for a given day, so tests can fix "today".
 * @param today `YYYY-MM-DD` in the board's time zone; no date may be after it
 * @returns the schema
 * @throws ValidationError when `today` is not a `YYYY-MM-DD` date
 */
export function makeAnswersSchema(today: string) {
  if (!isIsoDate(today)) {
    throw new ValidationError(`"${today}" is not a date in the form YYYY-MM-DD`);
  }
  return NotificationAnswersSchema.superRefine((a, ctx) => {
    if (isIsoDate(a.incidentDate) && a.incidentDate > today) {
      ctx.addIssue({
        code: 'custom',
        path: ['incidentDate'],
        message: "The incident date can't be in the future",
      });
    }
    if (a.awareDate && isIsoDate(a.awareDate) && a.awareDate > today) {
      ctx.addIssue({
        code: 'custom',
        path: ['awareDate'],
        message: "The date the board became aware can't be in the future",
      });
    }
  });
}

/**
 * Validates a submission from a card or the API.
 * @param input the raw answers
 * @param today `YYYY-MM-DD` in the board's time zone
 * @returns the validated answers
 * @throws ValidationError whose message is the first problem and whose details list every field
 */
export function parseNotificationAnswers(input: unknown, today: string): NotificationAnswers {
  const parsed = schemaFor(today).safeParse(input);
  if (parsed.success) {
    return parsed.data;
  }
  const fields = parsed.error.issues.map((i) => ({
    field: i.path.map(String).join('.') || '(answers)',
    message: i.message,
  }));
  throw new ValidationError(fields[0]?.message ?? 'Please check the answers', { fields });
}

/** The schema of the current day, kept: building a zod schema costs far more than running it. */
let cached: { today: string; schema: ReturnType<typeof makeAnswersSchema> } | undefined;

function schemaFor(today: string): ReturnType<typeof makeAnswersSchema> {
  if (cached?.today !== today) {
    cached = { today, schema: makeAnswersSchema(today) };
  }
  return cached.schema;
}

// Fails to compile if the schema and the contract drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertTrue<T extends true> = T;
type AnswersMatchContract = AssertTrue<Same<NotificationAnswers, NotificationAnswersDto>>;
