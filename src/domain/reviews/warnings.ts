import type { ReviewType } from '../../contracts/reviews';
import type { ReviewParts } from '../../data/repositories/review.repository';

/** Review types whose lead reviewer must be independent of the agencies involved (DOMAIN.md §2: SCR). */
export const INDEPENDENT_LEAD_TYPES: readonly ReviewType[] = ['SCR'];

/** What the warnings need besides the stored parts. */
export type WarningLookups = {
  /** agency code by id */
  agencyCode: (id: number | null) => string | null;
  /** agency name by code */
  agencyName: (code: string) => string;
  /** a person's agency id and email by Entra object id */
  person: (aadObjectId: string) => { agencyId: number | null; email: string | null } | undefined;
};

/**
 * Things the business unit should look at, in plain words: an SCR's lead reviewer who belongs to
 * an agency involved in the case or is not recorded as independent, a panel drawn from one agency,
 * panel members who cannot be invited for want of an email.
 * @param parts the review and its parts
 * @param lookups agency and people look-ups
 * @returns the warnings, empty when all is well
 */
export function reviewWarnings(parts: ReviewParts, lookups: WarningLookups): string[] {
  const { review, panel } = parts;
  const warnings: string[] = [];
  const hasLead = review.leadReviewerAadId !== null || review.leadReviewerName !== null;
  if ((INDEPENDENT_LEAD_TYPES as readonly string[]).includes(review.type) && hasLead) {
    const involved = review.involvedAgencies.split(',').filter(Boolean);
    const agencyCode = lookups.agencyCode(review.leadReviewerAgencyId);
    if (agencyCode && involved.includes(agencyCode)) {
      warnings.push(
        `The lead reviewer belongs to ${lookups.agencyName(agencyCode)}, one of the agencies involved in the case: ` +
          'a Serious Case Review must be led by someone independent of them.'
      );
    }
    if (!review.leadReviewerIndependent) {
      warnings.push('The lead reviewer is not recorded as independent of the case: a Serious Case Review needs an independence statement.');
    }
  }
  const agencies = new Set(panel.map((p) => p.agencyId).filter((a) => a !== null));
  if (panel.length > 0 && agencies.size <= 1) {
    warnings.push('Every panel member comes from one agency: a review panel needs members from several agencies.');
  }
  const uninvitable = panel.filter((p) => !(p.email ?? lookups.person(p.aadObjectId)?.email)).length;
  if (uninvitable > 0) {
    warnings.push(
      `${uninvitable} panel member${uninvitable === 1 ? ' has' : 's have'} no email address, so meeting invitations cannot reach them.`
    );
  }
  return warnings;
}
