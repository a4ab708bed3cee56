import type { EntityManager } from 'typeorm';

import type { ReviewModel } from '../../contracts/notification';
import type { ReviewType } from '../../contracts/reviews';
import type { Review } from '../../data/entities/review.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { ReviewRepository } from '../../data/repositories/review.repository';
import type { HolidayCalendar } from '../calendar/working-days';
import type { NotificationDecision } from '../notifications/deps';
import type { ReviewDeps } from './deps';
import { reviewReminderPlan } from './review-reminders';
import { planMilestones } from './milestone-plan';
import { REVIEW_TYPE_LABELS, reviewTypeForRoute } from './review-types';

/** What opening a review needs. */
export type OpenReviewProps = {
  type: ReviewType;
  model: ReviewModel;
  title: string;
  /** `YYYY-MM-DD` the clocks run from */
  startsOn: string;
  involvedAgencies: string[];
  notificationId: number | null;
  actorId: string;
  holidays: HolidayCalendar;
  now: Date;
  /** the notification's reference, for the audit entry */
  notificationReference?: string;
};

/**
 * Stores a new review in `scoping` with its milestones planned from the statutory clock, and an
 * audit entry, in the caller's transaction.
 * @returns the stored review
 * @throws ConflictError `{reason: 'duplicate'}` when the notification already has a review
 */
export async function insertReview(em: EntityManager, p: OpenReviewProps): Promise<Review> {
  const plan = planMilestones(p.type, p.startsOn, p.holidays);
  const review = await new ReviewRepository(em).insert(
    {
      notificationId: p.notificationId,
      type: p.type,
      model: p.model,
      title: p.title,
      status: 'scoping',
      startsOn: p.startsOn,
      completionClock: plan.clock.code,
      completionDue: plan.clock.due,
      involvedAgencies: p.involvedAgencies.join(','),
      leadReviewerAadId: null,
      leadReviewerName: null,
      leadReviewerAgencyId: null,
      leadReviewerIndependent: false,
      createdBy: p.actorId,
    },
    plan.milestones.map((m) => ({ ...m, editedReason: null, doneAt: null })),
    p.now
  );
  await new AuditRepository(em).append({
    actorId: p.actorId,
    action: 'review.created',
    entityType: 'review',
    entityId: String(review.id),
    detail: { type: p.type, notification: p.notificationReference ?? null, completionDue: plan.clock.due },
  });
  return review;
}

/** A decision recorded on a notification, as the decide use-case reports it. */
export type NotificationDecided = NotificationDecision;

/**
 * Brings a notification's review in line with a decision, in the decision's transaction: a
 * reviewable route opens one review of that type (once: deciding again does not add another); a
 * different route while the review is still scoping changes its type and re-plans its milestones,
 * or closes it when the new route needs no review. A review past scoping is left as it is.
 * @param em the decision's transaction
 * @param d the decision
 * @param holidays bank holidays for the clocks
 * @param now the current time
 * @returns the review's id, or null when there is none
 */
export async function applyDecisionToReview(em: EntityManager, d: NotificationDecided, holidays: HolidayCalendar, now: Date): Promise<number | null> {
  if (d.route === null) {
    return null;
  }
  const repo = new ReviewRepository(em);
  const type = reviewTypeForRoute(d.route);
  const existing = await repo.findByNotification(d.notification.id);
  const audit = (action: string, id: number, detail: Record<string, unknown>) =>
    new AuditRepository(em).append({ actorId: d.actorId, action, entityType: 'review', entityId: String(id), detail });
  if (!existing) {
    if (!type) {
      return null;
    }
    const review = await insertReview(em, {
      type,
      model: d.notification.model,
      title: `${REVIEW_TYPE_LABELS[type]}: ${d.notification.reference}`,
      startsOn: d.decidedOn,
      involvedAgencies: d.notification.agencies,
      notificationId: d.notification.id,
      actorId: d.actorId,
      holidays,
      now,
      notificationReference: d.notification.reference,
    });
    return review.id;
  }
  if (existing.status !== 'scoping' || existing.type === type) {
    return existing.id;
  }
  if (!type) {
    await repo.touch(existing.id, now, { status: 'closed' });
    await audit('review.closed', existing.id, { reason: 'route_changed', route: d.route });
    return existing.id;
  }
  const plan = planMilestones(type, d.decidedOn, holidays);
  const oldTitle = `${REVIEW_TYPE_LABELS[existing.type as ReviewType] ?? existing.type}: ${d.notification.reference}`;
  await repo.touch(existing.id, now, {
    type,
    // a title the business unit wrote stays; the one made from the old type follows the new type
    title: existing.title === oldTitle ? `${REVIEW_TYPE_LABELS[type]}: ${d.notification.reference}` : existing.title,
    startsOn: d.decidedOn,
    completionClock: plan.clock.code,
    completionDue: plan.clock.due,
  });
  await repo.replaceMilestones(existing.id, plan.milestones.map((m) => ({ ...m, editedReason: null, doneAt: null })));
  await audit('review.type_changed', existing.id, { from: existing.type, to: type });
  return existing.id;
}

/**
 * The hook the notification decide use-case calls inside its transaction (wired in src/index.ts):
 * applies the decision to the notification's review and re-plans that review's reminders.
 * @param deps the review use-cases' dependencies
 * @returns the hook
 */
export function reviewDecisionHook(deps: ReviewDeps): (em: EntityManager, d: NotificationDecided) => Promise<void> {
  return async (em, d) => {
    const id = await applyDecisionToReview(em, d, deps.holidays, deps.now());
    if (id === null || !deps.reminders) {
      return;
    }
    const repo = new ReviewRepository(em);
    const [parts] = await repo.parts([(await repo.find(id)) as Review]);
    await deps.reminders(em, reviewReminderPlan(parts, deps.now(), deps.reviewLink?.(id)));
  };
}
