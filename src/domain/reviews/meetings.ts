import type { EntityManager } from 'typeorm';

import type { ReviewMeetingKind } from '../../contracts/reviews';
import type { Review } from '../../data/entities/review.entity';
import type { ReviewMeeting } from '../../data/entities/review-meeting.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { ReviewRepository } from '../../data/repositories/review.repository';
import { NotFoundError, ValidationError } from '../../errors';
import type { Caller } from '../caller';
import type { CalendarAttendee } from '../calendar/calendar-event-types';
import { cancelCalendarEvent } from '../calendar/cancel-calendar-event';
import { scheduleCalendarEvent } from '../calendar/schedule-calendar-event';
import { updateCalendarEvent } from '../calendar/update-calendar-event';
import { changeReview } from './change-review';
import type { ReviewDeps } from './deps';
import { panelAttendees } from './panel-invitations';
import { MEETING_KIND_LABELS, reviewReference } from './review-types';
import type { ReviewRecord } from './review-view';

/** A meeting to schedule, validated by the API's schema (the start is an instant by now). */
export type NewMeetingInput = {
  kind: ReviewMeetingKind;
  title?: string;
  startsAt: Date;
  durationMinutes: number;
  location?: string | null;
  agenda?: string | null;
  /** people to invite besides the panel */
  attendees?: CalendarAttendee[];
};

/** Changes to a meeting (reschedule, move, rename). */
export type MeetingChangeInput = { title?: string; startsAt?: Date; durationMinutes?: number; location?: string | null };

/** Calendar event kind of each meeting kind. */
const EVENT_KIND = { panel: 'panel', practitioner_event: 'learning_event' } as const;

function assertFuture(deps: ReviewDeps, startsAt: Date): void {
  if (startsAt.getTime() <= deps.now().getTime()) {
    const message = 'The meeting must start in the future';
    throw new ValidationError(message, { fields: [{ field: 'startsAt', message }] });
  }
}

function subjectOf(review: Review, kind: ReviewMeetingKind): string {
  return `${reviewReference(review.id)} ${MEETING_KIND_LABELS[kind].toLowerCase()}`;
}

/**
 * Schedules a panel meeting or practitioner event: stores the meeting and, in the same
 * transaction, the calendar event with a Teams meeting and invitations to the panel (and any other
 * attendees) through the calendar outbox. A refused request writes nothing.
 * @returns the review after the change
 * @throws AuthorizationError; NotFoundError; ConflictError (finished review); ValidationError
 *   (a start in the past, a bad attendee)
 */
export async function scheduleReviewMeeting(deps: ReviewDeps, caller: Caller, reviewId: number, input: NewMeetingInput): Promise<ReviewRecord> {
  assertFuture(deps, input.startsAt);
  const { review } = await changeReview(
    deps,
    caller,
    reviewId,
    async (em, r) => {
      const now = deps.now();
      const title = input.title?.trim() || subjectOf(r, input.kind);
      const repo = new ReviewRepository(em);
      const meeting = await repo.insertMeeting({
        reviewId,
        kind: input.kind,
        title,
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes,
        location: input.location?.trim() || null,
        calendarEventId: null,
        status: 'scheduled',
        createdBy: caller.id,
        createdAt: now,
        updatedAt: now,
      });
      const { attendees } = await panelAttendees(em, reviewId);
      const event = await scheduleCalendarEvent(em, {
        kind: EVENT_KIND[input.kind],
        sourceId: `review-meeting-${meeting.id}`,
        subject: title,
        agenda: input.agenda ?? `${MEETING_KIND_LABELS[input.kind]} of review ${reviewReference(r.id)}. Papers are in Safeguarding Learning.`,
        link: deps.reviewLink?.(reviewId) ?? null,
        start: input.startsAt,
        end: new Date(input.startsAt.getTime() + input.durationMinutes * 60_000),
        timeZone: deps.timeZone,
        location: meeting.location,
        attendees: [...attendees, ...(input.attendees ?? [])],
        actorId: caller.id,
      });
      meeting.calendarEventId = event.id;
      await repo.saveMeeting(meeting);
      await audit(em, caller, reviewId, 'review.meeting_scheduled', { meetingId: meeting.id, kind: input.kind, calendarEventId: event.id });
    },
    { calendar: true }
  );
  return review;
}

async function audit(em: EntityManager, caller: Caller, reviewId: number, action: string, detail: Record<string, unknown>): Promise<void> {
  await new AuditRepository(em).append({ actorId: caller.id, action, entityType: 'review', entityId: String(reviewId), detail });
}

async function loadMeeting(em: EntityManager, reviewId: number, meetingId: number): Promise<ReviewMeeting> {
  const meeting = await new ReviewRepository(em).findMeeting(reviewId, meetingId);
  if (!meeting) {
    throw new NotFoundError(`Review ${reviewId} has no meeting ${meetingId}`);
  }
  return meeting;
}

/**
 * Reschedules, moves or renames a meeting; the invitation is updated through the outbox in the
 * same transaction (Outlook tells the attendees).
 * @throws AuthorizationError; NotFoundError; ConflictError (cancelled meeting, finished review); ValidationError
 */
export async function updateReviewMeeting(
  deps: ReviewDeps,
  caller: Caller,
  reviewId: number,
  meetingId: number,
  input: MeetingChangeInput
): Promise<ReviewRecord> {
  if (input.startsAt) {
    assertFuture(deps, input.startsAt);
  }
  const { review } = await changeReview(
    deps,
    caller,
    reviewId,
    async (em) => {
      const meeting = await loadMeeting(em, reviewId, meetingId);
      if (meeting.status === 'cancelled') {
        throw new ValidationError('This meeting is cancelled: schedule a new one instead');
      }
      meeting.title = input.title?.trim() || meeting.title;
      meeting.startsAt = input.startsAt ?? meeting.startsAt;
      meeting.durationMinutes = input.durationMinutes ?? meeting.durationMinutes;
      meeting.location = input.location === undefined ? meeting.location : input.location?.trim() || null;
      meeting.updatedAt = deps.now();
      await new ReviewRepository(em).saveMeeting(meeting);
      if (meeting.calendarEventId !== null) {
        const start = new Date(meeting.startsAt);
        await updateCalendarEvent(em, meeting.calendarEventId, {
          subject: meeting.title,
          start,
          end: new Date(start.getTime() + meeting.durationMinutes * 60_000),
          location: meeting.location,
          actorId: caller.id,
        });
      }
      await audit(em, caller, reviewId, 'review.meeting_changed', { meetingId, fields: Object.keys(input) });
    },
    { calendar: true }
  );
  return review;
}

/**
 * Cancels a meeting; the cancellation goes to the attendees through the outbox in the same
 * transaction. Cancelling a cancelled meeting changes nothing.
 * @throws AuthorizationError; NotFoundError; ConflictError (finished review)
 */
export async function cancelReviewMeeting(
  deps: ReviewDeps,
  caller: Caller,
  reviewId: number,
  meetingId: number,
  message?: string
): Promise<ReviewRecord> {
  const { review } = await changeReview(
    deps,
    caller,
    reviewId,
    async (em) => {
      const meeting = await loadMeeting(em, reviewId, meetingId);
      if (meeting.status === 'cancelled') {
        return;
      }
      meeting.status = 'cancelled';
      meeting.updatedAt = deps.now();
      await new ReviewRepository(em).saveMeeting(meeting);
      if (meeting.calendarEventId !== null) {
        const text = message?.trim() || `This ${MEETING_KIND_LABELS[meeting.kind as ReviewMeetingKind].toLowerCase()} has been cancelled.`;
        await cancelCalendarEvent(em, meeting.calendarEventId, text, caller.id);
      }
      await audit(em, caller, reviewId, 'review.meeting_cancelled', { meetingId });
    },
    { calendar: true }
  );
  return review;
}
