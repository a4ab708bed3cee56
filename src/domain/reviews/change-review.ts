import type { EntityManager } from 'typeorm';

import type { Review } from '../../data/entities/review.entity';
import { ReviewRepository } from '../../data/repositories/review.repository';
import { writeTransaction } from '../../data/write-transaction';
import { ConflictError, NotFoundError } from '../../errors';
import type { Caller } from '../caller';
import { assertMayManageReviews } from './access';
import type { ReviewDeps } from './deps';
import { loadReview } from './read-reviews';
import { reviewReminderPlan } from './review-reminders';
import { FINISHED_STATUSES } from './review-types';
import type { ReviewRecord } from './review-view';

/** How a change is made. */
export type ChangeOptions = {
  /** the version the change was made on; a different current version is refused (409) */
  expectedVersion?: number;
  /** review columns to set with the version bump */
  set?: Partial<Review>;
  /** allow the change on a published or closed review (status changes) */
  allowFinished?: boolean;
  /** the change queued calendar work: wake the outbox worker after the commit */
  calendar?: boolean;
};

/**
 * Runs one business-unit change to a review in a transaction: bumps the review's version first
 * (holding its row until the commit), runs the work, re-plans the review's reminders in the same
 * transaction, and after the commit returns the review as it now is.
 * @param deps the use-case dependencies
 * @param caller who changes it (business unit only)
 * @param reviewId the review
 * @param work the change; gets the transaction and the review after the bump
 * @param options expected version, columns to set, whether finished reviews may change
 * @returns the review after the change and what the work returned
 * @throws AuthorizationError; NotFoundError; ConflictError `{reason: 'stale'}` or `{reason: 'finished'}`
 */
export async function changeReview<T>(
  deps: ReviewDeps,
  caller: Caller,
  reviewId: number,
  work: (em: EntityManager, review: Review) => Promise<T>,
  options: ChangeOptions = {}
): Promise<{ review: ReviewRecord; result: T }> {
  assertMayManageReviews(caller);
  const result = await writeTransaction(deps.db, async (em) => {
    const repo = new ReviewRepository(em);
    const before = await repo.find(reviewId);
    if (!before) {
      throw new NotFoundError(`There is no review ${reviewId}`);
    }
    if (!(await repo.touch(reviewId, deps.now(), options.set, options.expectedVersion))) {
      throw new ConflictError('This review changed since you opened it; reload and try again', {
        reason: 'stale',
        version: before.version,
      });
    }
    // read again under the row's lock: what the work sees cannot change before the commit
    const review = (await repo.find(reviewId)) as Review;
    // the status before this change (a status being set is the new one)
    const status = options.set?.status === undefined ? review.status : before.status;
    if (!options.allowFinished && (FINISHED_STATUSES as readonly string[]).includes(status)) {
      throw new ConflictError(`This review is ${status}: reopen it before changing it`, { reason: 'finished' });
    }
    const out = await work(em, review);
    if (deps.reminders) {
      const [parts] = await repo.parts([(await repo.find(reviewId)) as Review]);
      await deps.reminders(em, reviewReminderPlan(parts, deps.now(), deps.reviewLink?.(reviewId)));
    }
    return out;
  });
  if (options.calendar) {
    deps.wakeCalendar?.();
  }
  return { review: (await loadReview(deps, reviewId)) as ReviewRecord, result };
}
