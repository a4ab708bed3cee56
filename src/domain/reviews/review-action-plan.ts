import type { NewRecommendationDto, PlanDetailDto } from '../../contracts/actions';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { ReviewRepository } from '../../data/repositories/review.repository';
import { NotFoundError } from '../../errors';
import { createPlan } from '../actions/create-plan';
import { getPlan } from '../actions/list-plans';
import type { Caller } from '../caller';
import { assertMayManageReviews } from './access';
import { changeReview } from './change-review';
import type { ReviewDeps } from './deps';
import { reviewReference } from './review-types';

/** What the plan is made with, validated by the API's schema. */
export type ReviewPlanInput = { title?: string; recommendations?: NewRecommendationDto[] };

/**
 * Turns a review's recommendations into an action plan (source type `review`, source reference
 * the review's reference) with the action-plan use-case, and links it to the review. A review has
 * one plan: asking again returns the plan already made (add recommendations to it in the tracker).
 * @returns the plan and whether it was made now
 * @throws AuthorizationError; NotFoundError; ValidationError (unknown agency or owner in an action)
 */
export async function createReviewActionPlan(
  deps: ReviewDeps,
  caller: Caller,
  reviewId: number,
  input: ReviewPlanInput
): Promise<{ plan: PlanDetailDto; created: boolean }> {
  assertMayManageReviews(caller);
  const review = await new ReviewRepository(deps.db).find(reviewId);
  if (!review) {
    throw new NotFoundError(`There is no review ${reviewId}`);
  }
  if (review.actionPlanId !== null) {
    return { plan: await getPlan(deps.tracker, caller, review.actionPlanId), created: false };
  }
  const plan = await createPlan(deps.tracker, caller, {
    sourceType: 'review',
    sourceRef: reviewReference(reviewId),
    title: input.title?.trim() || `${review.title}: action plan`,
    recommendations: input.recommendations ?? [],
  });
  await changeReview(
    deps,
    caller,
    reviewId,
    async (em) => {
      await new AuditRepository(em).append({
        actorId: caller.id,
        action: 'review.action_plan_created',
        entityType: 'review',
        entityId: String(reviewId),
        detail: { planId: plan.id },
      });
    },
    { set: { actionPlanId: plan.id }, allowFinished: true }
  );
  return { plan, created: true };
}
