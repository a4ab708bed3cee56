import type { ClockCode, ReviewModel } from '../../contracts/notification';
import type {
  InvitationState,
  MilestoneCode,
  ReviewDto,
  ReviewMeetingDto,
  ReviewMeetingKind,
  ReviewMilestoneDto,
  ReviewStatus,
  ReviewType,
} from '../../contracts/reviews';
import type { CalendarEvent } from '../../data/entities/calendar-event.entity';
import type { ReviewMeeting } from '../../data/entities/review-meeting.entity';
import type { ReviewMilestone } from '../../data/entities/review-milestone.entity';
import type { ReviewParts } from '../../data/repositories/review.repository';
import { toDayNumber } from '../calendar/iso-date';
import { localParts } from '../time/zoned-time';
import { CLOCK_LABELS } from '../routing';
import { todayOf, type ReviewDeps } from './deps';
import { lookupsFor, type Lookups } from './review-lookups';
import { MILESTONE_LABELS, REVIEW_STATUSES, reviewReference, typeOption } from './review-types';
import { reviewWarnings } from './warnings';

/** A review as the use-cases return it (the API's shape). */
export type ReviewRecord = ReviewDto;

function milestoneDto(m: ReviewMilestone, today: string): ReviewMilestoneDto {
  const code = m.code as MilestoneCode;
  return {
    code,
    label: MILESTONE_LABELS[code] ?? code,
    targetDate: m.targetDate,
    computedFrom: m.computedFrom as ClockCode | null,
    editedReason: m.editedReason,
    doneAt: m.doneAt ? new Date(m.doneAt).toISOString() : null,
    overdue: m.doneAt === null && m.targetDate < today,
    daysLeft: toDayNumber(m.targetDate) - toDayNumber(today),
  };
}

function invitationState(event: CalendarEvent | undefined, sync: { pending: number; failed: number } | undefined): InvitationState {
  if (sync && sync.failed > 0) {
    return 'failed';
  }
  if (!event || event.status === 'pending' || (sync && sync.pending > 0)) {
    return 'pending';
  }
  return event.status === 'cancelled' ? 'cancelled' : 'sent';
}

function meetingDto(m: ReviewMeeting, l: Lookups, timeZone: string): ReviewMeetingDto {
  const event = m.calendarEventId !== null ? l.events.get(m.calendarEventId) : undefined;
  const local = localParts(new Date(m.startsAt), timeZone);
  return {
    id: m.id,
    kind: m.kind as ReviewMeetingKind,
    title: m.title,
    startsAt: new Date(m.startsAt).toISOString(),
    startsAtLocal: `${local.date} ${local.time}`,
    durationMinutes: m.durationMinutes,
    location: m.location,
    status: m.status as ReviewMeetingDto['status'],
    invitation: {
      calendarEventId: m.calendarEventId,
      state: invitationState(event, m.calendarEventId !== null ? l.sync.get(m.calendarEventId) : undefined),
      teamsLink: Boolean(event?.joinUrl),
      joinUrl: event?.joinUrl ?? null,
      attendees: event?.attendees.length ?? 0,
    },
  };
}

function agencyDto(l: Lookups, id: number | null) {
  const a = id !== null ? l.agencies.get(id) : undefined;
  return a ? { code: a.code, name: a.name } : null;
}

function toRecord(p: ReviewParts, l: Lookups, today: string, now: Date, timeZone: string): ReviewRecord {
  const r = p.review;
  const milestones = p.milestones.map((m) => milestoneDto(m, today));
  const meetings = p.meetings.map((m) => meetingDto(m, l, timeZone));
  const infoReports = p.infoReports.map((x) => {
    const contact = x.contactAadId ? l.people.get(x.contactAadId) : undefined;
    return {
      id: x.id,
      agency: agencyDto(l, x.agencyId) ?? { code: '?', name: 'Unknown agency' },
      contact: x.contactAadId ? { aadObjectId: x.contactAadId, name: contact?.displayName ?? 'Unknown person' } : null,
      dueDate: x.dueDate,
      receivedAt: x.receivedAt ? new Date(x.receivedAt).toISOString() : null,
      overdue: x.receivedAt === null && x.dueDate < today,
    };
  });
  const status = r.status as ReviewStatus;
  const finished = status === 'published' || status === 'closed';
  const open = milestones.filter((m) => m.doneAt === null).sort((a, b) => (a.targetDate < b.targetDate ? -1 : a.targetDate > b.targetDate ? 1 : 0));
  const nextMeeting = meetings.find((m) => m.status === 'scheduled' && new Date(m.startsAt) > now) ?? null;
  const leadName = r.leadReviewerName ?? (r.leadReviewerAadId ? l.people.get(r.leadReviewerAadId)?.displayName : undefined);
  const code = r.completionClock as ClockCode;
  const warnings = reviewWarnings(p, {
    agencyCode: (id) => (id !== null ? (l.agencies.get(id)?.code ?? null) : null),
    agencyName: (c) => [...l.agencies.values()].find((a) => a.code === c)?.name ?? c,
    person: (id) => l.people.get(id),
  });
  return {
    id: r.id,
    reference: reviewReference(r.id),
    type: typeOption(r.type as ReviewType),
    model: r.model as ReviewModel,
    title: r.title,
    status,
    notificationReference: r.notificationId !== null ? (l.notifications.get(r.notificationId) ?? null) : null,
    leadReviewer:
      leadName !== undefined || r.leadReviewerAadId
        ? { aadObjectId: r.leadReviewerAadId, name: leadName ?? 'Unknown person', agency: agencyDto(l, r.leadReviewerAgencyId), independent: r.leadReviewerIndependent }
        : null,
    completion: { code, label: CLOCK_LABELS[code] ?? code, due: r.completionDue },
    nextMilestone: finished ? null : (open[0] ?? null),
    nextMeeting,
    overdue: !finished && (open.some((m) => m.overdue) || infoReports.some((x) => x.overdue) || r.completionDue < today),
    panelSize: p.panel.length,
    warnings: finished ? [] : warnings,
    createdAt: new Date(r.createdAt).toISOString(),
    version: r.version,
    startsOn: r.startsOn,
    involvedAgencies: r.involvedAgencies.split(',').filter(Boolean),
    panel: p.panel.map((m) => {
      const person = l.people.get(m.aadObjectId);
      return {
        id: m.id,
        aadObjectId: m.aadObjectId,
        name: person?.displayName ?? 'Unknown person',
        agency: agencyDto(l, m.agencyId),
        panelRole: m.panelRole,
        email: m.email ?? person?.email ?? null,
      };
    }),
    infoReports,
    milestones,
    milestoneHistory: l.history.get(r.id) ?? [],
    meetings,
    actionPlanId: r.actionPlanId,
  };
}

/**
 * Presents stored reviews with everything the API shows: names, next milestone, next meeting,
 * invitation states from the calendar outbox, warnings.
 * @param deps the use-case dependencies (today, time zone)
 * @param all the reviews with their parts
 * @param withHistory also read each review's milestone history from the audit log
 * @returns the records, in the same order
 */
export async function toReviewRecords(deps: ReviewDeps, all: ReviewParts[], withHistory = false): Promise<ReviewRecord[]> {
  const lookups = await lookupsFor(deps.db, all, withHistory);
  const today = todayOf(deps);
  const now = deps.now();
  return all.map((p) => toRecord(p, lookups, today, now, deps.timeZone));
}

/**
 * Orders reviews for the list: overdue first, then by the next milestone's date, then the rest
 * (finished ones last), newest first.
 * @returns a new sorted array
 */
export function reviewListOrder(items: ReviewRecord[]): ReviewRecord[] {
  const rank = (r: ReviewRecord) => (r.overdue ? 0 : r.nextMilestone ? 1 : 2);
  const next = (r: ReviewRecord) => r.nextMilestone?.targetDate ?? '9999-12-31';
  return [...items].sort((a, b) => rank(a) - rank(b) || (next(a) < next(b) ? -1 : next(a) > next(b) ? 1 : b.id - a.id));
}

/** @returns how many reviews are in each status */
export function countByStatus(items: { status: ReviewStatus }[]): Record<ReviewStatus, number> {
  const counts = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
  items.forEach((i) => (counts[i.status] += 1));
  return counts;
}
