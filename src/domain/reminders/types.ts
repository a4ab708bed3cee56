import { z } from 'zod';

import type { ReminderKind, ReminderPayloadDto, ReminderStatus } from '../../contracts/reminders';
import type { LocalTime } from '../time/zoned-time';

export type { ReminderKind, ReminderStatus };

/** Every reminder kind. */
export const REMINDER_KINDS = [
  'panel_meeting',
  'info_report_due',
  'focus_group',
  'learning_event',
  'action_target',
  'statutory_clock',
] as const satisfies readonly ReminderKind[];

/** A person (by Entra object id) or a conversation (e.g. the business unit's channel). */
export type ReminderRecipient = { aad: string } | { conversationId: string };

/** What a reminder's card shows (no personal data: references, titles, deadlines, links). */
export type ReminderPayload = ReminderPayloadDto;

/** What a caller knows about the thing reminded about; the schedule adds the headline. */
export type SubjectPayload = Omit<ReminderPayload, 'headline' | 'deadline'>;

/** One reminder to store: `scheduleReminders` writes it once per `dedupeKey`. */
export type ReminderItem = {
  kind: ReminderKind;
  recipient: ReminderRecipient;
  subjectType: string;
  subjectId: string;
  dueAt: Date;
  payload: ReminderPayload;
  /** equal keys mean the same reminder: scheduling it again changes nothing */
  dedupeKey: string;
};

/** Lead times and the local hour reminders go out at (configuration). */
export type ReminderScheduleSettings = {
  /** the board's IANA time zone, e.g. `Europe/London` */
  timeZone: string;
  /** wall-clock time reminders are due at on their day */
  localTime: LocalTime;
  /** days before a panel meeting, e.g. [7, 1] */
  panelLeadDays: number[];
  /** days before an information report is due, e.g. [7, 1, 0] */
  infoReportLeadDays: number[];
  /** days before a focus group or learning event, e.g. [1] */
  eventLeadDays: number[];
  /** days before an action's target date (0 = on the day), e.g. [7, 0] */
  actionLeadDays: number[];
  /** while an action is overdue, remind every this many days… */
  actionOverdueEveryDays: number;
  /** …this many times at most (the action plan cancels them when it is done) */
  actionOverdueCount: number;
  /** working days left on a statutory clock that trigger a warning, e.g. [2] */
  clockWarnWorkingDays: number[];
};

const url = z.url().max(2048).refine((u) => /^https?:/i.test(u), 'must be an http(s) link');

/** The payload's only allowed fields: unknown keys are refused so no personal detail slips in. */
export const ReminderPayloadSchema = z.strictObject({
  reference: z.string().min(1).max(60),
  title: z.string().min(1).max(200),
  headline: z.string().min(1).max(200),
  deadline: z.string().min(10).max(40).optional(),
  link: url.optional(),
  papersLink: url.optional(),
});

const RecipientSchema = z.union([
  z.strictObject({ aad: z.string().min(1).max(100) }),
  z.strictObject({ conversationId: z.string().min(1).max(400) }),
]);

/** A reminder item as `scheduleReminders` accepts it. */
export const ReminderItemSchema = z.strictObject({
  kind: z.enum(REMINDER_KINDS),
  recipient: RecipientSchema,
  subjectType: z.string().min(1).max(40),
  subjectId: z.string().min(1).max(100),
  dueAt: z.date(),
  payload: ReminderPayloadSchema,
  dedupeKey: z.string().min(1).max(400),
});
