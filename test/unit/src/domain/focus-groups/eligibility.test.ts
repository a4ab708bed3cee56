import assert from 'node:assert/strict';

import type { Caller } from '../../../../../src/domain/caller';
import { describeEligibility, isEligible } from '../../../../../src/domain/focus-groups/eligibility';

function caller(roles: Caller['roles'], agency: string | null): Caller {
  return {
    id: 'u',
    name: 'U',
    personId: 1,
    roles,
    agency: agency ? { id: 1, code: agency, name: agency, sector: 'other' } : null,
  };
}

describe('isEligible', () => {
  it('should let any practitioner join when the session names no agencies or roles', () => {
    assert.equal(isEligible(caller(['practitioner'], 'POLICE'), { agencies: [], roles: [] }), true);
    assert.equal(isEligible(caller(['practitioner'], null), { agencies: [], roles: [] }), true);
  });

  it('should refuse someone without the practitioner role when no roles are named', () => {
    assert.equal(isEligible(caller(['business_unit'], 'LA-CSC'), { agencies: [], roles: [] }), false);
  });

  it('should refuse a practitioner of another agency, or of none, when agencies are named', () => {
    const rule = { agencies: ['EDUCATION', 'ACUTE'], roles: [] };
    assert.equal(isEligible(caller(['practitioner'], 'EDUCATION'), rule), true);
    assert.equal(isEligible(caller(['practitioner'], 'POLICE'), rule), false);
    assert.equal(isEligible(caller(['practitioner'], null), rule), false);
  });

  it('should use the named roles instead of practitioner when roles are named', () => {
    const rule = { agencies: [], roles: ['agency_lead'] };
    assert.equal(isEligible(caller(['agency_lead'], 'POLICE'), rule), true);
    assert.equal(isEligible(caller(['practitioner'], 'POLICE'), rule), false);
  });
});

describe('describeEligibility', () => {
  it('should say who may join in plain words', () => {
    assert.equal(describeEligibility({ agencies: [], roles: [] }), 'Practitioners from any agency');
    assert.equal(describeEligibility({ agencies: ['POLICE'], roles: ['agency_lead'] }), 'Agency lead from POLICE');
  });
});
