import assert from 'node:assert/strict';

import { ValidationError } from '../../../../../src/errors';
import {
  makeAnswersSchema,
  NotificationAnswersSchema,
  parseNotificationAnswers,
} from '../../../../../src/domain/routing/answers';
import { buildAnswers } from './build-answers';

const TODAY = '2026-03-02';
const schema = makeAnswersSchema(TODAY);

/** @returns the messages zod gives for the input, or [] when it is valid */
function messagesFor(input: unknown): string[] {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}

/** Asserts the input is rejected with exactly this message among its messages. */
function assertRejected(input: unknown, message: string): void {
  const messages = messagesFor(input);
  assert.ok(messages.includes(message), `expected "${message}", got ${JSON.stringify(messages)}`);
}

describe('makeAnswersSchema', () => {
  describe('accepted answers', () => {
    it('should accept the minimal answers and trim the summary', () => {
      const parsed = schema.parse(buildAnswers({ summary: '  A short account.  ' }));
      assert.equal(parsed.summary, 'A short account.');
    });

    it('should accept every optional field at its limits', () => {
      const answers = buildAnswers({
        incidentDate: TODAY,
        awareDate: TODAY,
        subjectAgeYears: 120,
        diedInCustody: false,
        domesticAbuseDeath: false,
        childrenInHousehold: true,
        lookedAfter: true,
        agencies: Array.from({ length: 30 }, (_, i) => `AGENCY-${i}`),
        reviewPeriodMonths: 240,
        clearThemes: true,
        smallGroupOfKeyWorkers: false,
        summary: 'x'.repeat(2000),
      });
      assert.deepEqual(messagesFor(answers), []);
    });

    it('should accept age 0, a 1-month review period and an awareDate equal to the incident date', () => {
      const answers = buildAnswers({
        subjectAgeYears: 0,
        reviewPeriodMonths: 1,
        awareDate: '2026-02-20',
      });
      assert.deepEqual(messagesFor(answers), []);
    });

    it('should accept answers without awareDate', () => {
      const answers = buildAnswers();
      delete answers.awareDate;
      assert.deepEqual(messagesFor(answers), []);
    });
  });

  describe('dates', () => {
    it("should reject an incident date in the future with \"The incident date can't be in the future\"", () => {
      assertRejected(
        buildAnswers({ incidentDate: '2026-03-03', awareDate: undefined }),
        "The incident date can't be in the future"
      );
    });

    it('should reject an awareDate before the incident date', () => {
      assertRejected(
        buildAnswers({ incidentDate: '2026-02-20', awareDate: '2026-02-19' }),
        "The date the board became aware can't be before the incident date"
      );
    });

    it('should reject an awareDate in the future', () => {
      assertRejected(
        buildAnswers({ awareDate: '2026-03-03' }),
        "The date the board became aware can't be in the future"
      );
    });

    it('should reject a date that does not exist, such as 30 February', () => {
      assertRejected(
        buildAnswers({ incidentDate: '2026-02-30' }),
        'Please give the incident date as a real date in the form YYYY-MM-DD'
      );
    });

    it('should reject a date written day-first', () => {
      assertRejected(
        buildAnswers({ awareDate: '02/03/2026' }),
        'Please give the date the board became aware as a real date in the form YYYY-MM-DD'
      );
    });

    it('should reject a missing incident date', () => {
      const { incidentDate: _omit, ...rest } = buildAnswers();
      assertRejected(rest, 'Please give the incident date as a date (YYYY-MM-DD)');
    });

    it('should judge "the future" against the today it was built with', () => {
      const later = makeAnswersSchema('2026-03-03');
      const answers = buildAnswers({ incidentDate: '2026-03-03', awareDate: '2026-03-03' });
      assert.ok(later.safeParse(answers).success);
    });

    it('should refuse to build a schema for a today that is not a date', () => {
      assert.throws(() => makeAnswersSchema('2026-3-2'), ValidationError);
    });
  });

  describe('age', () => {
    it('should reject age 121 with "The age must be 120 or under"', () => {
      assertRejected(buildAnswers({ subjectAgeYears: 121 }), 'The age must be 120 or under');
    });

    it('should reject a negative age', () => {
      assertRejected(buildAnswers({ subjectAgeYears: -1 }), "The age can't be below 0");
    });

    it('should reject a fractional age', () => {
      assertRejected(buildAnswers({ subjectAgeYears: 10.5 }), 'Please give the age in whole years');
    });

    it('should reject an age sent as text', () => {
      const answers = { ...buildAnswers(), subjectAgeYears: '10' };
      assertRejected(answers, 'Please give the age in whole years');
    });
  });

  describe('yes/no answers', () => {
    it('should reject a missing required answer by asking the question', () => {
      const { died: _omit, ...rest } = buildAnswers();
      assertRejected(rest, 'Please answer yes or no: did the child die?');
    });

    it('should reject "yes" sent as text rather than a boolean', () => {
      assertRejected(
        { ...buildAnswers(), abuseOrNeglect: 'yes' },
        'Please answer yes or no: is abuse or neglect of the child known or suspected?'
      );
    });

    it('should reject a death in custody when the child is said not to have died', () => {
      assertRejected(
        buildAnswers({ died: false, diedInCustody: true }),
        'You said the child died in custody but not that they died; please check both answers'
      );
    });

    it('should reject a domestic-abuse death when no one is said to have died', () => {
      assertRejected(
        buildAnswers({ died: false, domesticAbuseDeath: true }),
        'You said the death resulted from domestic abuse but not that anyone died; please check'
      );
    });
  });

  describe('agencies', () => {
    it('should reject an empty agency list with "Choose at least one agency involved"', () => {
      assertRejected(buildAnswers({ agencies: [] }), 'Choose at least one agency involved');
    });

    it('should reject 31 agencies', () => {
      const agencies = Array.from({ length: 31 }, (_, i) => `AGENCY-${i}`);
      assertRejected(buildAnswers({ agencies }), 'Choose no more than 30 agencies');
    });

    it('should reject the same agency twice', () => {
      const agencies = ['POLICE', 'POLICE'];
      assertRejected(buildAnswers({ agencies }), 'Choose each agency only once');
    });

    it('should reject something that is not an agency code', () => {
      for (const code of ['Police <script>', 'A'.repeat(41), '']) {
        const answers = buildAnswers({ agencies: [code] });
        assertRejected(answers, 'Each agency must be a code from the agency list');
      }
    });

    it('should reject agencies sent as one string', () => {
      const answers = { ...buildAnswers(), agencies: 'POLICE' };
      assertRejected(answers, 'Please choose the agencies involved');
    });
  });

  describe('review period and summary', () => {
    it('should reject review periods of 0 and 241 months', () => {
      assertRejected(
        buildAnswers({ reviewPeriodMonths: 0 }),
        'The review period must be at least 1 month'
      );
      assertRejected(
        buildAnswers({ reviewPeriodMonths: 241 }),
        "The review period can't be more than 240 months (20 years)"
      );
    });

    it('should reject a summary of 2,001 characters', () => {
      const summary = 'x'.repeat(2001);
      assertRejected(buildAnswers({ summary }), 'The summary must be 2,000 characters or fewer');
    });

    it('should reject a summary of only spaces', () => {
      assertRejected(buildAnswers({ summary: '   ' }), 'Please describe what happened');
    });
  });

  describe('shape', () => {
    it('should reject an unknown key, naming it', () => {
      assertRejected(
        { ...buildAnswers(), childName: 'x' },
        "The form sent answers the app doesn't recognise: childName"
      );
    });

    it('should reject answers that are not an object', () => {
      for (const input of [null, 'answers', [buildAnswers()]]) {
        assertRejected(input, 'The answers must be a set of named fields');
      }
    });

    it('should give only plain-English messages when everything is wrong', () => {
      const messages = messagesFor({ incidentDate: 5, agencies: [3], summary: 7, extra: true });
      assert.ok(messages.length >= 10, JSON.stringify(messages));
      for (const message of messages) {
        assert.doesNotMatch(message, /invalid input|expected|received|nan|undefined/i, message);
        assert.match(message, /^[A-Z]/, message);
      }
    });

    it('should keep the date checks that do not depend on today in NotificationAnswersSchema', () => {
      const answers = buildAnswers({ incidentDate: '2099-01-02', awareDate: '2099-01-01' });
      const parsed = NotificationAnswersSchema.safeParse(answers);
      assert.equal(parsed.success, false);
      assert.deepEqual(parsed.error?.issues.map((i) => i.path.join('.')), ['awareDate']);
    });
  });
});

describe('parseNotificationAnswers', () => {
  it('should return the validated answers', () => {
    assert.equal(parseNotificationAnswers(buildAnswers(), TODAY).subjectAgeYears, 10);
  });

  it('should throw a ValidationError with the first problem as its message and every field in details', () => {
    const input = buildAnswers({ incidentDate: '2026-04-01', awareDate: undefined, agencies: [] });
    assert.throws(
      () => parseNotificationAnswers(input, TODAY),
      (err: unknown) => {
        assert.ok(err instanceof ValidationError);
        assert.equal(err.status, 400);
        assert.equal(err.message, 'Choose at least one agency involved');
        assert.deepEqual(err.details, {
          fields: [
            { field: 'agencies', message: 'Choose at least one agency involved' },
            { field: 'incidentDate', message: "The incident date can't be in the future" },
          ],
        });
        return true;
      }
    );
  });
});
