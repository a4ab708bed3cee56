import assert from 'node:assert/strict';

import type { Review } from '../../../../../src/data/entities/review.entity';
import type { ReviewPanelMember } from '../../../../../src/data/entities/review-panel-member.entity';
import type { ReviewParts } from '../../../../../src/data/repositories/review.repository';
import { reviewWarnings, type WarningLookups } from '../../../../../src/domain/reviews/warnings';

const AGENCIES: Record<number, { code: string; name: string }> = { 1: { code: 'LA-CSC', name: "Children's Social Care" }, 2: { code: 'POLICE', name: 'County Police' }, 3: { code: 'ICB', name: 'Integrated Care Board' } };

const lookups: WarningLookups = {
  agencyCode: (id) => (id === null ? null : (AGENCIES[id]?.code ?? null)),
  agencyName: (code) => Object.values(AGENCIES).find((a) => a.code === code)?.name ?? code,
  person: () => ({ agencyId: null, email: 'someone@board.example' }),
};

function buildParts(review: Partial<Review> = {}, panel: Partial<ReviewPanelMember>[] = []): ReviewParts {
  return {
    review: {
      type: 'SCR',
      involvedAgencies: 'POLICE,LA-CSC',
      leadReviewerAadId: null,
      leadReviewerName: 'A Reviewer',
      leadReviewerAgencyId: null,
      leadReviewerIndependent: true,
      ...review,
    } as Review,
    panel: panel.map((p, i) => ({ id: i + 1, aadObjectId: `p${i}`, agencyId: 3, email: null, ...p }) as ReviewPanelMember),
    infoReports: [],
    milestones: [],
    meetings: [],
  };
}

describe('reviewWarnings', () => {
  it('should warn when an SCR lead reviewer belongs to one of the agencies involved', () => {
    const warnings = reviewWarnings(buildParts({ leadReviewerAgencyId: 2 }), lookups);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /belongs to County Police, one of the agencies involved/);
  });

  it('should not warn when the SCR lead comes from an agency not involved', () => {
    assert.deepEqual(reviewWarnings(buildParts({ leadReviewerAgencyId: 3 }), lookups), []);
  });

  it('should warn when an SCR lead is not recorded as independent', () => {
    assert.match(reviewWarnings(buildParts({ leadReviewerIndependent: false }), lookups).join(' '), /not recorded as independent/);
  });

  it('should not ask for independence on a non-statutory review', () => {
    assert.deepEqual(reviewWarnings(buildParts({ type: 'CASE_REVIEW_1', leadReviewerAgencyId: 2, leadReviewerIndependent: false }), lookups), []);
  });

  it('should warn when every panel member comes from one agency and not when several agencies sit on it', () => {
    assert.match(reviewWarnings(buildParts({}, [{ agencyId: 3 }, { agencyId: 3 }]), lookups).join(' '), /one agency/);
    assert.deepEqual(reviewWarnings(buildParts({}, [{ agencyId: 3 }, { agencyId: 2 }]), lookups), []);
  });

  it('should count panel members nobody can invite for want of an email', () => {
    const noEmail: WarningLookups = { ...lookups, person: () => ({ agencyId: 3, email: null }) };
    const warnings = reviewWarnings(buildParts({}, [{ agencyId: 3 }, { agencyId: 2, email: 'p@board.example' }]), noEmail);
    assert.deepEqual(warnings, ['1 panel member has no email address, so meeting invitations cannot reach them.']);
  });
});
