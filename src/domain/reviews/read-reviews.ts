import type { ReviewStatus } from '../../contracts/reviews';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { ReviewRepository } from '../../data/repositories/review.repository';
import { NotFoundError } from '../../errors';
import type { Caller } from '../caller';
import { assertMayReadReviews, seesAllReviews } from './access';
import type { ReviewDeps } from './deps';
import { reviewListOrder, toReviewRecords, type ReviewRecord } from './review-view';

/**
 * Lists the reviews a caller may see: every review for the business unit and the board, the ones
 * a panel member sits on (or leads) for a panel member. Overdue first, then by next milestone.
 * @param deps the use-case dependencies
 * @param caller who asks
 * @param status only reviews in this status, when given
 * @returns the reviews
 * @throws AuthorizationError for practitioners and agency leads
 */
export async function listReviews(deps: ReviewDeps, caller: Caller, status?: ReviewStatus): Promise<ReviewRecord[]> {
  assertMayReadReviews(caller);
  const repo = new ReviewRepository(deps.db);
  const ids = seesAllReviews(caller) ? undefined : await repo.idsFor(caller.id);
  const reviews = await repo.list({ ids, status });
  return reviewListOrder(await toReviewRecords(deps, await repo.parts(reviews)));
}

/**
 * Loads one review with no access check (after a change, for the app's own messages).
 * @returns the review with its milestone history, or null
 */
export async function loadReview(deps: ReviewDeps, id: number): Promise<ReviewRecord | null> {
  const repo = new ReviewRepository(deps.db);
  const review = await repo.find(id);
  if (!review) {
    return null;
  }
  const [record] = await toReviewRecords(deps, await repo.parts([review]), true);
  return record;
}

/**
 * Reads one review for a caller and records that they viewed it.
 * @throws AuthorizationError for practitioners; NotFoundError when it does not exist or a panel
 *   member does not sit on it
 */
export async function getReview(deps: ReviewDeps, caller: Caller, id: number): Promise<ReviewRecord> {
  assertMayReadReviews(caller);
  if (!seesAllReviews(caller) && !(await new ReviewRepository(deps.db).idsFor(caller.id)).includes(id)) {
    throw new NotFoundError(`There is no review ${id} that you can see`);
  }
  const record = await loadReview(deps, id);
  if (!record) {
    throw new NotFoundError(`There is no review ${id}`);
  }
  await new AuditRepository(deps.db).append({ actorId: caller.id, action: 'review.viewed', entityType: 'review', entityId: String(id) });
  return record;
}

/**
 * The reviews a person sits on the panel of (or leads) that are still running, for the bot's
 * `my reviews`: next meeting first.
 * @returns the reviews, soonest meeting first, then by next milestone
 */
export async function listMyReviews(deps: ReviewDeps, caller: Caller): Promise<ReviewRecord[]> {
  const repo = new ReviewRepository(deps.db);
  const reviews = (await repo.list({ ids: await repo.idsFor(caller.id) })).filter((r) => r.status !== 'closed' && r.status !== 'published');
  const records = await toReviewRecords(deps, await repo.parts(reviews));
  const meeting = (r: ReviewRecord) => r.nextMeeting?.startsAt ?? '9999';
  return reviewListOrder(records).sort((a, b) => (meeting(a) < meeting(b) ? -1 : meeting(a) > meeting(b) ? 1 : 0));
}
