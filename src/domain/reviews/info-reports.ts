import { AuditRepository } from '../../data/repositories/audit.repository';
import { PersonRepository } from '../../data/repositories/person.repository';
import { ReviewRepository } from '../../data/repositories/review.repository';
import { NotFoundError, ValidationError } from '../../errors';
import type { Caller } from '../caller';
import { changeReview } from './change-review';
import { assertAgenciesKnown } from './create-review';
import type { ReviewDeps } from './deps';
import type { ReviewRecord } from './review-view';

/** An information report to ask for, validated by the API's schema. */
export type NewInfoReportInput = {
  agency: string;
  /** the agency's contact (reminded before the due date) */
  contactAadId?: string;
  /** `YYYY-MM-DD`; default the review's "information reports in" milestone */
  dueDate?: string;
};

/**
 * Asks an agency for an information report on a review, due on the given date or the review's
 * "information reports in" milestone.
 * @returns the review after the change
 * @throws AuthorizationError; NotFoundError; ValidationError (unknown agency or contact, no due
 *   date); ConflictError (agency already asked, finished review)
 */
export async function addInfoReport(deps: ReviewDeps, caller: Caller, reviewId: number, input: NewInfoReportInput): Promise<ReviewRecord> {
  const [agency] = await assertAgenciesKnown(deps, [input.agency], 'agency');
  if (input.contactAadId && !(await new PersonRepository(deps.db).findByAadObjectId(input.contactAadId))) {
    const message = 'The app has no person with that Entra object id';
    throw new ValidationError(message, { fields: [{ field: 'contactAadId', message }] });
  }
  const { review } = await changeReview(deps, caller, reviewId, async (em) => {
    const repo = new ReviewRepository(em);
    const dueDate = input.dueDate ?? (await repo.findMilestone(reviewId, 'info_reports_in'))?.targetDate;
    if (!dueDate) {
      const message = 'This review has no "information reports in" milestone: give a due date';
      throw new ValidationError(message, { fields: [{ field: 'dueDate', message }] });
    }
    const report = await repo.addInfoReport({
      reviewId,
      agencyId: agency.id,
      contactAadId: input.contactAadId ?? null,
      dueDate,
      receivedAt: null,
      createdAt: deps.now(),
    });
    await new AuditRepository(em).append({
      actorId: caller.id,
      action: 'review.info_report_requested',
      entityType: 'review',
      entityId: String(reviewId),
      detail: { reportId: report.id, agency: agency.code, dueDate },
    });
  });
  return review;
}

/**
 * Marks an information report received (or, `received: false`, still awaited); its reminders stop.
 * @returns the review after the change
 * @throws AuthorizationError; NotFoundError; ConflictError (finished review)
 */
export async function markInfoReportReceived(
  deps: ReviewDeps,
  caller: Caller,
  reviewId: number,
  reportId: number,
  received: boolean
): Promise<ReviewRecord> {
  const { review } = await changeReview(deps, caller, reviewId, async (em) => {
    const repo = new ReviewRepository(em);
    const report = await repo.findInfoReport(reviewId, reportId);
    if (!report) {
      throw new NotFoundError(`Review ${reviewId} has no information report ${reportId}`);
    }
    if ((report.receivedAt !== null) === received) {
      return;
    }
    report.receivedAt = received ? deps.now() : null;
    await repo.saveInfoReport(report);
    await new AuditRepository(em).append({
      actorId: caller.id,
      action: received ? 'review.info_report_received' : 'review.info_report_reopened',
      entityType: 'review',
      entityId: String(reviewId),
      detail: { reportId },
    });
  });
  return review;
}
