import assert from 'node:assert/strict';

import { checkStep, formValues, stepAfter, stepOfField } from '../../../../../src/domain/notifications/draft-steps';

const TODAY = '2026-11-26';

describe('checkStep', () => {
  it('should turn card strings into typed answers when the incident step is valid', () => {
    const result = checkStep(
      'incident',
      { incidentDate: '2026-11-02', awareDate: '', subjectAgeYears: '9', summary: '  What happened.  ', verb: 'notify.next' },
      {},
      TODAY
    );

    assert.deepEqual(result, { ok: true, answers: { incidentDate: '2026-11-02', subjectAgeYears: 9, summary: 'What happened.' } });
  });

  it('should report each field with a problem and echo the values as typed', () => {
    const result = checkStep('incident', { incidentDate: '2026-12-01', subjectAgeYears: 'nine', summary: '' }, {}, TODAY);

    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.deepEqual(Object.keys(result.errors).sort(), ['incidentDate', 'subjectAgeYears', 'summary']);
      assert.match(result.errors.incidentDate, /future/);
      assert.deepEqual(result.values, { incidentDate: '2026-12-01', subjectAgeYears: 'nine', summary: '' });
    }
  });

  it('should read yes/no choices and toggles, and keep answers from other steps', () => {
    const saved = { incidentDate: '2026-11-02', subjectAgeYears: 9, summary: 'x' };
    const result = checkStep(
      'statutory',
      { abuseOrNeglect: 'yes', died: 'no', seriousHarm: 'yes', concernsAboutWorkingTogether: 'no', lookedAfter: 'true', diedInCustody: 'false' },
      saved,
      TODAY
    );

    assert.deepEqual(result, {
      ok: true,
      answers: { ...saved, abuseOrNeglect: true, died: false, seriousHarm: true, concernsAboutWorkingTogether: false, lookedAfter: true, diedInCustody: false },
    });
  });

  it('should refuse "died in custody" ticked when the child did not die, on the same step', () => {
    const result = checkStep(
      'statutory',
      { abuseOrNeglect: 'no', died: 'no', seriousHarm: 'no', concernsAboutWorkingTogether: 'no', diedInCustody: 'true' },
      {},
      TODAY
    );

    assert.equal(result.ok, false);
    assert.deepEqual(Object.keys(result.ok ? {} : result.errors), ['diedInCustody']);
  });

  it('should refuse a yes/no answer that is not yes or no', () => {
    const result = checkStep(
      'statutory',
      { abuseOrNeglect: 'maybe', died: 'no', seriousHarm: 'no', concernsAboutWorkingTogether: 'no' },
      {},
      TODAY
    );

    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.errors.abuseOrNeglect, /yes or no/);
  });

  it('should split the agencies multi-select and refuse an empty choice', () => {
    assert.deepEqual(checkStep('agencies', { agencies: 'POLICE, LA-CSC' }, {}, TODAY), {
      ok: true,
      answers: { agencies: ['POLICE', 'LA-CSC'] },
    });
    const empty = checkStep('agencies', { agencies: '' }, {}, TODAY);
    assert.equal(empty.ok, false);
  });

  it('should drop an optional answer that was cleared', () => {
    const result = checkStep('learning', { learningPotential: 'no', reviewPeriodMonths: '' }, { reviewPeriodMonths: 6 }, TODAY);

    assert.deepEqual(result, { ok: true, answers: { learningPotential: false } });
  });

  it('should refuse a value of the wrong type sent by a forged card', () => {
    const result = checkStep('learning', { learningPotential: { yes: true }, reviewPeriodMonths: '0' }, {}, TODAY);

    assert.equal(result.ok, false);
    assert.deepEqual(Object.keys(result.ok ? {} : result.errors).sort(), ['learningPotential', 'reviewPeriodMonths']);
  });
});

describe('stepAfter and stepOfField', () => {
  it('should move forward and back within the flow without leaving it', () => {
    assert.equal(stepAfter('incident'), 'statutory');
    assert.equal(stepAfter('learning'), 'review');
    assert.equal(stepAfter('review'), 'review');
    assert.equal(stepAfter('incident', -1), 'incident');
    assert.equal(stepAfter('review', -1), 'learning');
  });

  it('should find the step that asks each question', () => {
    assert.equal(stepOfField('summary'), 'incident');
    assert.equal(stepOfField('lookedAfter'), 'statutory');
    assert.equal(stepOfField('agencies'), 'agencies');
    assert.equal(stepOfField('clearThemes'), 'learning');
  });
});

describe('formValues', () => {
  it('should show stored answers as card input values', () => {
    assert.deepEqual(formValues({ died: true, seriousHarm: false, agencies: ['A', 'B'], subjectAgeYears: 4, diedInCustody: false }), {
      died: 'yes',
      seriousHarm: 'no',
      agencies: 'A,B',
      subjectAgeYears: '4',
      diedInCustody: 'false',
    });
  });
});
