import { In } from 'typeorm';

import type { ReviewType } from '../../contracts/reviews';
import { Agency } from '../../data/entities/agency.entity';
import { writeTransaction } from '../../data/write-transaction';
import { ValidationError } from '../../errors';
import type { Caller } from '../caller';
import { assertMayManageReviews } from './access';
import { todayOf, type ReviewDeps } from './deps';
import { insertReview } from './open-review';
import { loadReview } from './read-reviews';
import { reviewReminderPlan } from './review-reminders';
import type { ReviewRecord } from './review-view';
import { ReviewRepository } from '../../data/repositories/review.repository';

/** A review created directly, validated by the API's schema. */
export type NewReviewInput = { type: ReviewType; title: string; agencies?: string[]; startsOn?: string };

/** @throws ValidationError naming the agency codes the app does not know */
export async function assertAgenciesKnown(deps: Pick<ReviewDeps, 'db'>, codes: string[], field: string): Promise<Agency[]> {
  if (codes.length === 0) {
    return [];
  }
  const found = await deps.db.getRepository(Agency).find({ where: { code: In(codes) } });
  const unknown = codes.filter((c) => !found.some((a) => a.code === c));
  if (unknown.length > 0) {
    const message = `Unknown agency code${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}`;
    throw new ValidationError(message, { fields: [{ field, message }] });
  }
  return found;
}

/**
 * Creates a review directly (not from a notification), in `scoping`, with milestones planned from
 * its statutory clock, under the configured review model.
 * @param deps the use-case dependencies
 * @param caller a business unit member
 * @param input type, title, agencies involved, start date (default today)
 * @returns the new review
 * @throws AuthorizationError; ValidationError for an unknown agency
 */
export async function createReview(deps: ReviewDeps, caller: Caller, input: NewReviewInput): Promise<ReviewRecord> {
  assertMayManageReviews(caller);
  const agencies = [...new Set(input.agencies ?? [])];
  await assertAgenciesKnown(deps, agencies, 'agencies');
  const id = await writeTransaction(deps.db, async (em) => {
    const review = await insertReview(em, {
      type: input.type,
      model: deps.model,
      title: input.title.trim(),
      startsOn: input.startsOn ?? todayOf(deps),
      involvedAgencies: agencies,
      notificationId: null,
      actorId: caller.id,
      holidays: deps.holidays,
      now: deps.now(),
    });
    if (deps.reminders) {
      const [parts] = await new ReviewRepository(em).parts([review]);
      await deps.reminders(em, reviewReminderPlan(parts, deps.now(), deps.reviewLink?.(review.id)));
    }
    return review.id;
  });
  return (await loadReview(deps, id)) as ReviewRecord;
}
