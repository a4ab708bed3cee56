import type { ClockCode } from '../../contracts/notification';
import type { ReviewMeetingKind } from '../../contracts/reviews';
import type { ReviewParts } from '../../data/repositories/review.repository';
import { CLOCK_LABELS } from '../routing';
import { FINISHED_STATUSES, reviewReference } from './review-types';

/**
 * Everything about one review that reminders are due for, without the reminders engine's types:
 * meetings (panel members, 7 and 1 days before; practitioner events, the day before), information
 * reports (the agency contact, before the due date) and the completion clock (the business unit).
 * Inactive entries (a cancelled meeting, a received report, a finished review) should have no open
 * reminders. Payload fields are references, titles and dates only.
 */
export type ReviewReminderPlan = {
  reviewId: number;
  /** e.g. `R-0007` */
  reference: string;
  /** the review's title (no names) */
  title: string;
  /** link to the review in the app, when known */
  link?: string;
  meetings: { meetingId: number; kind: ReviewMeetingKind; startsAt: Date; active: boolean; recipients: string[] }[];
  infoReports: { reportId: number; dueDate: string; active: boolean; recipient: string | null }[];
  clock: { code: ClockCode; label: string; due: string; active: boolean };
};

/**
 * Builds a review's reminder plan from its stored parts; the `reminders` dependency turns it into
 * reminder rows (see src/index.ts).
 * @param parts the review with its panel, reports and meetings, as they are after the change
 * @param now meetings that have started are inactive
 * @param link the review's link in the app, if known
 * @returns the plan
 */
export function reviewReminderPlan(parts: ReviewParts, now: Date, link?: string): ReviewReminderPlan {
  const { review } = parts;
  const live = !(FINISHED_STATUSES as readonly string[]).includes(review.status);
  const panel = parts.panel.map((p) => p.aadObjectId);
  const code = review.completionClock as ClockCode;
  return {
    reviewId: review.id,
    reference: reviewReference(review.id),
    title: review.title,
    ...(link ? { link } : {}),
    meetings: parts.meetings.map((m) => ({
      meetingId: m.id,
      kind: m.kind as ReviewMeetingKind,
      startsAt: new Date(m.startsAt),
      active: live && m.status === 'scheduled' && new Date(m.startsAt) > now,
      recipients: panel,
    })),
    infoReports: parts.infoReports.map((r) => ({
      reportId: r.id,
      dueDate: r.dueDate,
      active: live && r.receivedAt === null,
      recipient: r.contactAadId,
    })),
    clock: { code, label: CLOCK_LABELS[code] ?? code, due: review.completionDue, active: live },
  };
}
