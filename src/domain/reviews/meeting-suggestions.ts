import { ReviewRepository } from '../../data/repositories/review.repository';
import { NotFoundError, ServiceUnavailableError, ValidationError } from '../../errors';
import type { Caller } from '../caller';
import { suggestMeetingTimes, type SuggestionResult } from '../calendar/suggest-meeting-times';
import { assertMayManageReviews } from './access';
import type { ReviewDeps } from './deps';
import { panelAttendees } from './panel-invitations';

/** The window to search, validated by the API's schema. */
export type ReviewSuggestionInput = { from: string; to: string; durationMinutes: number; maxSuggestions?: number };

/**
 * Suggests meeting times when the review's panel is free (free/busy from Outlook; people in other
 * organisations show as unknown).
 * @returns the suggestions
 * @throws AuthorizationError; NotFoundError; ValidationError (no panel member has an email);
 *   ServiceUnavailableError (Graph is not configured)
 */
export async function suggestReviewMeetingTimes(
  deps: ReviewDeps,
  caller: Caller,
  reviewId: number,
  input: ReviewSuggestionInput
): Promise<SuggestionResult> {
  assertMayManageReviews(caller);
  if (!(await new ReviewRepository(deps.db).find(reviewId))) {
    throw new NotFoundError(`There is no review ${reviewId}`);
  }
  const { attendees } = await deps.db.transaction((em) => panelAttendees(em, reviewId));
  if (attendees.length === 0) {
    throw new ValidationError('No panel member has an email address yet, so there is nobody to find a time for');
  }
  const suggestions = deps.suggestions?.() ?? null;
  if (!suggestions) {
    throw new ServiceUnavailableError('Microsoft Graph is not configured, so free/busy cannot be read');
  }
  return suggestMeetingTimes(suggestions, { ...input, attendees: attendees.map((a) => a.email) });
}
