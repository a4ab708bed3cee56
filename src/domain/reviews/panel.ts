import { AuditRepository } from '../../data/repositories/audit.repository';
import { PersonRepository } from '../../data/repositories/person.repository';
import { ReviewRepository } from '../../data/repositories/review.repository';
import { NotFoundError, ValidationError } from '../../errors';
import { parseRoles, type Caller } from '../caller';
import { changeReview } from './change-review';
import { assertAgenciesKnown } from './create-review';
import type { ReviewDeps } from './deps';
import { syncPanelInvitations } from './panel-invitations';
import type { ReviewRecord } from './review-view';

/** A panel member to add, validated by the API's schema. */
export type NewPanelMemberInput = { aadObjectId: string; panelRole: string; agency?: string; email?: string };

/** A review after a change, with warnings about this change only (the review has its own). */
export type ReviewChangeResult = { review: ReviewRecord; warnings: string[] };

/**
 * Adds someone to a review's panel, with the agency they represent (theirs unless another is
 * given) and their role on it, and invites them to the review's upcoming meetings in the same
 * transaction.
 * @returns the review, and a warning when the person does not hold the panel member role (they
 *   will not see the review in the app)
 * @throws AuthorizationError; NotFoundError; ValidationError (unknown person or agency, no
 *   agency); ConflictError (already on the panel, finished review)
 */
export async function addPanelMember(deps: ReviewDeps, caller: Caller, reviewId: number, input: NewPanelMemberInput): Promise<ReviewChangeResult> {
  const person = await new PersonRepository(deps.db).findByAadObjectId(input.aadObjectId);
  if (!person) {
    const message = 'The app has no person with that Entra object id: ask them to open the app once';
    throw new ValidationError(message, { fields: [{ field: 'aadObjectId', message }] });
  }
  const [agency] = input.agency ? await assertAgenciesKnown(deps, [input.agency], 'agency') : [];
  const agencyId = agency?.id ?? person.agencyId;
  if (agencyId === null) {
    const message = 'This person has no agency in their profile: say which agency they represent';
    throw new ValidationError(message, { fields: [{ field: 'agency', message }] });
  }
  const email = input.email?.trim().toLowerCase() || null;
  const { review } = await changeReview(
    deps,
    caller,
    reviewId,
    async (em) => {
      const member = await new ReviewRepository(em).addPanelMember({
        reviewId,
        aadObjectId: person.aadObjectId,
        agencyId,
        panelRole: input.panelRole.trim(),
        email,
        createdAt: deps.now(),
      });
      const address = email ?? person.email;
      if (address) {
        await syncPanelInvitations(em, deps, reviewId, { email: address, name: person.displayName.slice(0, 200), joined: true }, caller.id);
      }
      await new AuditRepository(em).append({
        actorId: caller.id,
        action: 'review.panel_member_added',
        entityType: 'review',
        entityId: String(reviewId),
        detail: { memberId: member.id, agencyId },
      });
    },
    { calendar: true }
  );
  const warnings = parseRoles(person.roles).includes('panel_member')
    ? []
    : ['This person does not hold the panel member role, so they will not see the review in the app until they are given it.'];
  return { review, warnings };
}

/**
 * Takes someone off a review's panel and un-invites them from its upcoming meetings, in one
 * transaction.
 * @throws AuthorizationError; NotFoundError (no such review or member); ConflictError (finished review)
 */
export async function removePanelMember(deps: ReviewDeps, caller: Caller, reviewId: number, memberId: number): Promise<ReviewRecord> {
  const { review } = await changeReview(
    deps,
    caller,
    reviewId,
    async (em) => {
      const repo = new ReviewRepository(em);
      const member = (await repo.panel(reviewId)).find((m) => m.id === memberId);
      if (!member || !(await repo.removePanelMember(reviewId, memberId))) {
        throw new NotFoundError(`Review ${reviewId} has no panel member ${memberId}`);
      }
      const address = member.email ?? (await new PersonRepository(em).findByAadObjectId(member.aadObjectId))?.email;
      if (address) {
        await syncPanelInvitations(em, deps, reviewId, { email: address, joined: false }, caller.id);
      }
      await new AuditRepository(em).append({
        actorId: caller.id,
        action: 'review.panel_member_removed',
        entityType: 'review',
        entityId: String(reviewId),
        detail: { memberId },
      });
    },
    { calendar: true }
  );
  return review;
}
