import type { LeadReviewerInputDto, ReviewStatus } from '../../contracts/reviews';
import type { Review } from '../../data/entities/review.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { PersonRepository } from '../../data/repositories/person.repository';
import { ValidationError } from '../../errors';
import type { Caller } from '../caller';
import { assertMayManageReviews } from './access';
import { changeReview } from './change-review';
import { assertAgenciesKnown } from './create-review';
import type { ReviewDeps } from './deps';
import type { ReviewRecord } from './review-view';

/** A change to a review, validated by the API's schema. */
export type ReviewChangeInput = {
  /** the version the change was made on */
  version: number;
  status?: ReviewStatus;
  title?: string;
  /** null removes the lead reviewer */
  leadReviewer?: LeadReviewerInputDto | null;
};

type LeadColumns = Pick<Review, 'leadReviewerAadId' | 'leadReviewerName' | 'leadReviewerAgencyId' | 'leadReviewerIndependent'>;

/**
 * @returns the lead reviewer's columns: a known person (their own agency unless another is given)
 *   or a named reviewer from outside the app
 * @throws ValidationError for an unknown person or agency
 */
async function leadColumns(deps: ReviewDeps, lead: LeadReviewerInputDto | null): Promise<LeadColumns> {
  if (lead === null) {
    return { leadReviewerAadId: null, leadReviewerName: null, leadReviewerAgencyId: null, leadReviewerIndependent: false };
  }
  const [agency] = lead.agency ? await assertAgenciesKnown(deps, [lead.agency], 'leadReviewer.agency') : [];
  if (lead.aadObjectId) {
    const person = await new PersonRepository(deps.db).findByAadObjectId(lead.aadObjectId);
    if (!person) {
      const message = 'The app has no person with that Entra object id: they sign in once, or give the name instead';
      throw new ValidationError(message, { fields: [{ field: 'leadReviewer.aadObjectId', message }] });
    }
    return {
      leadReviewerAadId: person.aadObjectId,
      leadReviewerName: null,
      leadReviewerAgencyId: lead.agency === undefined ? person.agencyId : (agency?.id ?? null),
      leadReviewerIndependent: lead.independent,
    };
  }
  return {
    leadReviewerAadId: null,
    leadReviewerName: (lead.name ?? '').trim(),
    leadReviewerAgencyId: agency?.id ?? null,
    leadReviewerIndependent: lead.independent,
  };
}

/**
 * Changes a review's status, title or lead reviewer (business unit), if nobody changed it since
 * `version`. The answer's `warnings` say, for an SCR, when the lead reviewer belongs to an agency
 * involved in the case.
 * @param deps the use-case dependencies
 * @param caller a business unit member
 * @param id the review
 * @param input the change and the version it was made on
 * @returns the review after the change
 * @throws AuthorizationError; NotFoundError; ValidationError; ConflictError `{reason: 'stale'}`
 */
export async function updateReview(deps: ReviewDeps, caller: Caller, id: number, input: ReviewChangeInput): Promise<ReviewRecord> {
  assertMayManageReviews(caller);
  const set: Partial<Review> = {};
  if (input.status !== undefined) {
    set.status = input.status;
  }
  if (input.title !== undefined) {
    set.title = input.title.trim();
  }
  if (input.leadReviewer !== undefined) {
    Object.assign(set, await leadColumns(deps, input.leadReviewer));
  }
  // changing only the status may reopen a finished review; anything else needs it open
  const statusOnly = input.title === undefined && input.leadReviewer === undefined;
  const { review } = await changeReview(
    deps,
    caller,
    id,
    async (em, after) => {
      await new AuditRepository(em).append({
        actorId: caller.id,
        action: 'review.updated',
        entityType: 'review',
        entityId: String(id),
        detail: {
          fields: Object.keys(set),
          ...(input.status !== undefined ? { status: after.status } : {}),
          version: after.version,
        },
      });
    },
    { expectedVersion: input.version, set, allowFinished: statusOnly }
  );
  return review;
}
