import type { EntityManager } from 'typeorm';

import { NotificationRepository } from '../../data/repositories/notification.repository';
import type { HolidayCalendar } from '../calendar/working-days';
import {
  eventReminders,
  informationReportReminders,
  panelMeetingReminders,
  rescheduleSubject,
  statutoryClockReminders,
  type ReminderRecipient,
  type ReminderScheduleSettings,
} from '../reminders';
import type { ReviewReminderSync } from './deps';

/** Most business unit members reminded directly when the unit has no channel configured. */
const MAX_BUSINESS_UNIT_RECIPIENTS = 60;

/** What turning a review's reminder plan into reminders needs. */
export type ReviewReminderSettings = {
  /** lead times, the board's time zone and the local hour reminders go out at */
  schedule: ReminderScheduleSettings;
  holidays: HolidayCalendar;
  /** the business unit's channel for statutory-clock reminders; its members directly when absent */
  businessUnitConversationId?: string;
  now: () => Date;
};

async function businessUnit(em: EntityManager, s: ReviewReminderSettings): Promise<ReminderRecipient[]> {
  if (s.businessUnitConversationId) {
    return [{ conversationId: s.businessUnitConversationId }];
  }
  const ids = await new NotificationRepository(em).aadIdsWithRole('business_unit', MAX_BUSINESS_UNIT_RECIPIENTS);
  return ids.map((aad) => ({ aad }));
}

/**
 * Keeps a review's reminders in the reminders engine in step with the review, in the review's
 * transaction: each subject's schedule is replaced, so a moved meeting's old reminders are
 * cancelled and new ones are due, and a cancelled meeting, received report or finished review
 * has none left open. Panel members are reminded before panel meetings (with the papers link) and
 * practitioner events; an agency's contact before its information report is due; the business
 * unit about the completion clock.
 * @param s schedule settings, bank holidays, the business unit's channel, the clock
 * @returns the `reminders` dependency of the review use-cases
 */
export function syncReviewReminders(s: ReviewReminderSettings): ReviewReminderSync {
  return async (em, plan) => {
    const now = s.now();
    const payload = { reference: plan.reference, title: plan.title, ...(plan.link ? { link: plan.link } : {}) };
    for (const m of plan.meetings) {
      const recipients = m.recipients.map((aad) => ({ aad }));
      if (m.kind === 'panel') {
        const input = { meetingId: m.meetingId, startsAt: m.startsAt, recipients, payload: { ...payload, ...(plan.link ? { papersLink: plan.link } : {}) } };
        const items = m.active ? panelMeetingReminders(input, s.schedule, now) : [];
        await rescheduleSubject(em, { subjectType: 'panel_meeting', subjectId: m.meetingId }, items);
      } else {
        const eventId = `review-meeting-${m.meetingId}`;
        const items = m.active ? eventReminders({ kind: 'learning_event', eventId, startsAt: m.startsAt, recipients, payload }, s.schedule, now) : [];
        await rescheduleSubject(em, { subjectType: 'learning_event', subjectId: eventId }, items);
      }
    }
    for (const r of plan.infoReports) {
      const input = { reportId: r.reportId, dueDate: r.dueDate, recipients: r.recipient ? [{ aad: r.recipient }] : [], payload };
      const items = r.active ? informationReportReminders(input, s.schedule, now) : [];
      await rescheduleSubject(em, { subjectType: 'information_report', subjectId: r.reportId }, items);
    }
    const clock = { subjectType: 'review', subjectId: plan.reviewId, clock: plan.clock, payload };
    const items = plan.clock.active ? statutoryClockReminders({ ...clock, recipients: await businessUnit(em, s) }, s.schedule, s.holidays, now) : [];
    await rescheduleSubject(em, { subjectType: 'review', subjectId: plan.reviewId, kinds: ['statutory_clock'] }, items);
  };
}
