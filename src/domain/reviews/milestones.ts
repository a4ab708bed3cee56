import type { MilestoneCode } from '../../contracts/reviews';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { ReviewRepository } from '../../data/repositories/review.repository';
import { NotFoundError, ValidationError } from '../../errors';
import type { Caller } from '../caller';
import { changeReview } from './change-review';
import type { ReviewDeps } from './deps';
import type { ReviewRecord } from './review-view';

/** A milestone change, validated by the API's schema. */
export type MilestoneChangeInput = {
  /** `YYYY-MM-DD`; needs a reason */
  targetDate?: string;
  reason?: string;
  done?: boolean;
  /** the review's version the change was made on */
  version?: number;
};

/**
 * Moves a milestone's target date (with a reason) and/or marks it done or open again. The old and
 * new dates and the reason go to the audit log, which is the milestone's history.
 * @returns the review after the change
 * @throws AuthorizationError; NotFoundError (no such review or milestone); ValidationError (a new
 *   date without a reason); ConflictError (stale version, finished review)
 */
export async function changeMilestone(
  deps: ReviewDeps,
  caller: Caller,
  reviewId: number,
  code: MilestoneCode,
  input: MilestoneChangeInput
): Promise<ReviewRecord> {
  if (input.targetDate !== undefined && !input.reason?.trim()) {
    const message = 'Say why the target date changes';
    throw new ValidationError(message, { fields: [{ field: 'reason', message }] });
  }
  const { review } = await changeReview(
    deps,
    caller,
    reviewId,
    async (em) => {
      const repo = new ReviewRepository(em);
      const milestone = await repo.findMilestone(reviewId, code);
      if (!milestone) {
        throw new NotFoundError(`Review ${reviewId} has no ${code} milestone`);
      }
      const detail: Record<string, unknown> = { code };
      if (input.targetDate !== undefined && input.targetDate !== milestone.targetDate) {
        Object.assign(detail, { from: milestone.targetDate, to: input.targetDate, reason: input.reason?.trim() });
        milestone.targetDate = input.targetDate;
        milestone.computedFrom = null;
        milestone.editedReason = input.reason?.trim() ?? null;
      }
      if (input.done !== undefined && input.done !== (milestone.doneAt !== null)) {
        detail.done = input.done;
        milestone.doneAt = input.done ? deps.now() : null;
      }
      if (Object.keys(detail).length === 1) {
        return;
      }
      await repo.saveMilestone(milestone);
      await new AuditRepository(em).append({
        actorId: caller.id,
        action: 'review.milestone_changed',
        entityType: 'review',
        entityId: String(reviewId),
        detail,
      });
    },
    { expectedVersion: input.version }
  );
  return review;
}
