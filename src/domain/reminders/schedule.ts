import { createHash } from 'node:crypto';

import { addDays } from '../calendar/iso-date';
import { addWorkingDays, type HolidayCalendar } from '../calendar/working-days';
import type {
  ReminderItem,
  ReminderKind,
  ReminderRecipient,
  ReminderScheduleSettings,
  SubjectPayload,
} from './types';
import { localDateOf, zonedTimeToUtc } from '../time/zoned-time';

/** Common input of every schedule: who is reminded and what the card shows. */
type Common = { recipients: ReminderRecipient[]; payload: SubjectPayload };

/** One planned reminder before recipients are attached. */
type Slot = { date: string; tag: string; headline: string };

/**
 * Reminders before a panel meeting (e.g. 7 days and 1 day before), at the local reminder time.
 * A slot that would fall after the meeting starts is dropped.
 * @param input the meeting's id and start, the panel members, and the card's payload
 * @param settings lead times, time zone and local time
 * @param now reminders due before this are not scheduled
 * @returns the reminder items (one per lead time and recipient)
 */
export function panelMeetingReminders(
  input: Common & { meetingId: string | number; startsAt: Date },
  settings: ReminderScheduleSettings,
  now: Date
): ReminderItem[] {
  const day = localDateOf(input.startsAt, settings.timeZone);
  const anchor = input.startsAt.toISOString().slice(0, 16);
  const slots = settings.panelLeadDays.map((d) => ({
    date: addDays(day, -d),
    tag: `${anchor}:-${d}d`,
    headline: `Panel meeting ${inDays(d)}`,
  }));
  return build('panel_meeting', 'panel_meeting', input.meetingId, input, slots, settings, now, {
    deadline: input.startsAt.toISOString(),
    notAfter: input.startsAt,
  });
}

/**
 * Reminders before an agency's information report is due (e.g. 7 days, 1 day, on the day).
 * @param input the report's id and due date (`YYYY-MM-DD`), the agency contact, the payload
 */
export function informationReportReminders(
  input: Common & { reportId: string | number; dueDate: string },
  settings: ReminderScheduleSettings,
  now: Date
): ReminderItem[] {
  const slots = settings.infoReportLeadDays.map((d) => ({
    date: addDays(input.dueDate, -d),
    tag: `${input.dueDate}:-${d}d`,
    headline: `Information report due ${inDays(d)}`,
  }));
  return build('info_report_due', 'information_report', input.reportId, input, slots, settings, now, {
    deadline: input.dueDate,
  });
}

/**
 * Reminders before a focus group or learning event (by default the day before).
 * @param input which kind, the event's id and start, the people signed up, the payload
 */
export function eventReminders(
  input: Common & { kind: 'focus_group' | 'learning_event'; eventId: string | number; startsAt: Date },
  settings: ReminderScheduleSettings,
  now: Date
): ReminderItem[] {
  const day = localDateOf(input.startsAt, settings.timeZone);
  const anchor = input.startsAt.toISOString().slice(0, 16);
  const what = input.kind === 'focus_group' ? 'Focus group' : 'Learning event';
  const slots = settings.eventLeadDays.map((d) => ({
    date: addDays(day, -d),
    tag: `${anchor}:-${d}d`,
    headline: `${what} ${inDays(d)}`,
  }));
  return build(input.kind, input.kind, input.eventId, input, slots, settings, now, {
    deadline: input.startsAt.toISOString(),
    notAfter: input.startsAt,
  });
}

/**
 * Reminders about an action's target date: before it, on the day, then every week (configurable)
 * while it is overdue, up to a set number; the action plan cancels them when the action is done.
 * @param input the action's id and target date (`YYYY-MM-DD`), its owner or agency lead, the payload
 */
export function actionTargetReminders(
  input: Common & { actionId: string | number; targetDate: string },
  settings: ReminderScheduleSettings,
  now: Date
): ReminderItem[] {
  const slots: Slot[] = settings.actionLeadDays.map((d) => ({
    date: addDays(input.targetDate, -d),
    tag: `${input.targetDate}:-${d}d`,
    headline: `Action due ${inDays(d)}`,
  }));
  for (let k = 1; k <= settings.actionOverdueCount; k++) {
    const late = k * settings.actionOverdueEveryDays;
    slots.push({
      date: addDays(input.targetDate, late),
      tag: `${input.targetDate}:+${late}d`,
      headline: `Action overdue by ${overdueBy(late)}`,
    });
  }
  return build('action_target', 'action', input.actionId, input, slots, settings, now, {
    deadline: input.targetDate,
  });
}

/**
 * Reminders about a statutory clock: on the working day when N working days are left (e.g. 2),
 * and on the first working day after the due date (breached).
 * @param input the clock (code, label, due date), whose clock it is (`subjectType`/`subjectId`,
 *   e.g. `review`/`7`), the recipients (usually the business unit's channel) and the payload
 * @param calendar bank holidays to skip
 */
export function statutoryClockReminders(
  input: Common & {
    clock: { code: string; label?: string; due: string };
    subjectType: string;
    subjectId: string | number;
  },
  settings: ReminderScheduleSettings,
  calendar: HolidayCalendar,
  now: Date
): ReminderItem[] {
  const { code, due } = input.clock;
  const label = input.clock.label ?? code;
  const slots: Slot[] = settings.clockWarnWorkingDays.map((n) => ({
    date: dayWithWorkingDaysLeft(due, n, calendar),
    tag: `${code}:${due}:wd-${n}`,
    headline: `${label}: ${n} working day${n === 1 ? '' : 's'} left`,
  }));
  slots.push({
    date: addWorkingDays(due, 1, calendar),
    tag: `${code}:${due}:breached`,
    headline: `${label}: deadline passed`,
  });
  return build('statutory_clock', input.subjectType, input.subjectId, input, slots, settings, now, {
    deadline: due,
  });
}

/**
 * The latest working day from which exactly `n` working days remain up to and including `due`
 * (so the warning for a Monday deadline with 2 days left comes on the Thursday before).
 */
export function dayWithWorkingDaysLeft(due: string, n: number, calendar: HolidayCalendar): string {
  let day = due;
  let counted = 0;
  while (counted < n) {
    if (calendar.isWorkingDay(day)) {
      counted += 1;
    }
    day = addDays(day, -1);
  }
  while (!calendar.isWorkingDay(day)) {
    day = addDays(day, -1);
  }
  return day;
}

function build(
  kind: ReminderKind,
  subjectType: string,
  subjectId: string | number,
  input: Common,
  slots: Slot[],
  settings: ReminderScheduleSettings,
  now: Date,
  opts: { deadline: string; notAfter?: Date }
): ReminderItem[] {
  const items: ReminderItem[] = [];
  const recipients = uniqueRecipients(input.recipients);
  for (const slot of slots) {
    const dueAt = zonedTimeToUtc(slot.date, settings.localTime, settings.timeZone);
    if (dueAt < now || (opts.notAfter && dueAt >= opts.notAfter)) {
      continue;
    }
    for (const r of recipients) {
      const base = `${kind}:${subjectType}:${subjectId}:${slot.tag}`;
      items.push({
        kind,
        recipient: r,
        subjectType,
        subjectId: String(subjectId),
        dueAt,
        payload: { ...input.payload, headline: slot.headline, deadline: opts.deadline },
        dedupeKey: dedupeKey(base, r),
      });
    }
  }
  return items;
}

/** A readable key; long ones (channel ids can be long) end in a hash to fit the column. */
function dedupeKey(base: string, r: ReminderRecipient): string {
  const key = `${base}:${'aad' in r ? `u=${r.aad}` : `c=${r.conversationId}`}`;
  if (key.length <= 200) {
    return key;
  }
  return `${base.slice(0, 150)}:#${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

function uniqueRecipients(recipients: ReminderRecipient[]): ReminderRecipient[] {
  const seen = new Map<string, ReminderRecipient>();
  for (const r of recipients) {
    seen.set('aad' in r ? `u:${r.aad}` : `c:${r.conversationId}`, r);
  }
  return [...seen.values()];
}

function inDays(d: number): string {
  if (d === 0) {
    return 'today';
  }
  if (d === 1) {
    return 'tomorrow';
  }
  return `in ${d} days`;
}

function overdueBy(days: number): string {
  if (days % 7 === 0) {
    const weeks = days / 7;
    return `${weeks} week${weeks === 1 ? '' : 's'}`;
  }
  return `${days} day${days === 1 ? '' : 's'}`;
}
