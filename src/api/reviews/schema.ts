import { z } from 'zod';

import type { MilestoneCode, ReviewStatus, ReviewType } from '../../contracts/reviews';
import { zonedToUtc } from '../../domain/time/zoned-time';
import { MILESTONE_CODES, REVIEW_STATUSES, REVIEW_TYPES } from '../../domain/reviews';
import { NotFoundError } from '../../errors';
import { IsoDate } from '../actions/schema';
import { NewRecommendationSchema } from '../plans/schema';

/** A date a review plans with: a real date between 2000 and 2100 (the clocks need no more). */
const PlanDate = IsoDate.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'must be between 2000 and 2100');
const agencyCode = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'must be an agency code');
const aadId = z.string().trim().min(1).max(100);
const status = z.enum(REVIEW_STATUSES as [ReviewStatus, ...ReviewStatus[]], { error: 'must be one of ' + REVIEW_STATUSES.join(', ') });
/** A title shown in lists and calendars: a reference and a description, never a child's name. */
const title = z.string().trim().min(3, 'must be at least 3 characters').max(200);
const instant = z.iso.datetime({ offset: true });
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const duration = z.number().int().min(15, 'at least 15 minutes').max(600, 'at most 10 hours');
const location = z.string().trim().max(255).nullable();

/** `GET /api/reviews?status=` */
export const ListQuery = z.strictObject({ status: status.optional() }, { error: 'The only query parameter is status' });

/** `POST /api/reviews` */
export const NewReviewBody = z.strictObject({
  type: z.enum(REVIEW_TYPES as [ReviewType, ...ReviewType[]], { error: 'must be a reviewable route code' }),
  title,
  agencies: z.array(agencyCode).max(20).optional(),
  startsOn: PlanDate.optional(),
});

const LeadReviewer = z
  .strictObject({
    aadObjectId: aadId.optional(),
    name: z.string().trim().min(2).max(200).optional(),
    agency: agencyCode.nullable().optional(),
    independent: z.boolean({ error: 'say whether the lead reviewer is independent of the case' }),
  })
  .refine((l) => Boolean(l.aadObjectId) !== Boolean(l.name), { message: 'give either aadObjectId or name', path: ['name'] });

/** `PATCH /api/reviews/{id}` */
export const ReviewChangeBody = z
  .strictObject({
    version: z.number({ error: 'version must be the version number you read' }).int().min(1),
    status: status.optional(),
    title: title.optional(),
    leadReviewer: LeadReviewer.nullable().optional(),
  })
  .refine((b) => b.status !== undefined || b.title !== undefined || b.leadReviewer !== undefined, {
    message: 'give status, title or leadReviewer to change',
  });

/** `POST /api/reviews/{id}/panel` */
export const PanelMemberBody = z.strictObject({
  aadObjectId: aadId,
  panelRole: z.string().trim().min(2).max(100),
  agency: agencyCode.optional(),
  email: z.email().max(320).optional(),
});

/** `POST /api/reviews/{id}/info-reports` */
export const InfoReportBody = z.strictObject({ agency: agencyCode, contactAadId: aadId.optional(), dueDate: PlanDate.optional() });

/** `PATCH /api/reviews/{id}/info-reports/{reportId}` */
export const InfoReportChangeBody = z.strictObject({ received: z.boolean() });

/** `PATCH /api/reviews/{id}/milestones/{code}` */
export const MilestoneBody = z
  .strictObject({
    targetDate: PlanDate.optional(),
    reason: z.string().trim().min(3, 'say why the date changes').max(1000).optional(),
    done: z.boolean().optional(),
    version: z.number().int().min(1).optional(),
  })
  .refine((b) => b.targetDate !== undefined || b.done !== undefined, { message: 'give targetDate (with a reason) or done' })
  .refine((b) => b.targetDate === undefined || b.reason !== undefined, { message: 'say why the date changes', path: ['reason'] });

const when = {
  startsAt: instant.optional(),
  date: PlanDate.optional(),
  time: localTime.optional(),
};
const oneStart = (b: { startsAt?: string; date?: string; time?: string }) =>
  b.startsAt !== undefined ? b.date === undefined && b.time === undefined : (b.date === undefined) === (b.time === undefined);

/** `POST /api/reviews/{id}/meetings` */
export const MeetingBody = z
  .strictObject({
    kind: z.enum(['panel', 'practitioner_event']),
    title: title.optional(),
    ...when,
    durationMinutes: duration,
    location: location.optional(),
    agenda: z.string().max(5000).nullable().optional(),
    attendees: z.array(z.strictObject({ email: z.email().max(320), name: z.string().trim().min(1).max(200).optional() })).max(200).optional(),
  })
  .refine((b) => oneStart(b) && (b.startsAt !== undefined || b.date !== undefined), {
    message: 'give startsAt, or date and time in the board time zone',
    path: ['startsAt'],
  });

/** `PATCH /api/reviews/{id}/meetings/{meetingId}` */
export const MeetingChangeBody = z
  .strictObject({ title: title.optional(), ...when, durationMinutes: duration.optional(), location: location.optional() })
  .refine(oneStart, { message: 'give startsAt, or date and time, not both', path: ['startsAt'] })
  .refine((b) => Object.keys(b).length > 0, { message: 'give something to change' });

/** `DELETE /api/reviews/{id}/meetings/{meetingId}` (body optional) */
export const CancelMeetingBody = z.strictObject({ message: z.string().trim().min(1).max(2000).optional() }).optional();

/** `POST /api/reviews/{id}/meeting-suggestions` */
export const SuggestionsBody = z
  .strictObject({
    from: PlanDate,
    to: PlanDate,
    durationMinutes: duration,
    maxSuggestions: z.number().int().min(1).max(50).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

/** `POST /api/reviews/{id}/action-plan` */
export const ActionPlanBody = z
  .strictObject({ title: z.string().trim().min(3).max(300).optional(), recommendations: z.array(NewRecommendationSchema).max(100).optional() })
  .optional();

/**
 * @returns the start instant of a meeting body: `startsAt`, or `date` + `time` in the board's zone
 */
export function startOf(b: { startsAt?: string; date?: string; time?: string }, timeZone: string): Date | undefined {
  if (b.startsAt) {
    return new Date(b.startsAt);
  }
  if (b.date && b.time) {
    const [h, m] = b.time.split(':').map(Number);
    return zonedToUtc(b.date, h * 60 + m, timeZone);
  }
  return undefined;
}

/**
 * @returns a numeric path parameter
 * @throws NotFoundError for anything that is not a positive whole number
 */
export function idOf(value: unknown, what: string): number {
  const s = String(value ?? '');
  if (!/^[1-9]\d{0,9}$/.test(s) || Number(s) > 2_147_483_647) {
    throw new NotFoundError(`There is no ${what} ${s.slice(0, 40)}`);
  }
  return Number(s);
}

/**
 * @returns a milestone code from the path
 * @throws NotFoundError for an unknown code
 */
export function milestoneOf(value: unknown): MilestoneCode {
  const s = String(value ?? '');
  if (!(MILESTONE_CODES as readonly string[]).includes(s)) {
    throw new NotFoundError(`There is no milestone ${s.slice(0, 40)}`);
  }
  return s as MilestoneCode;
}
