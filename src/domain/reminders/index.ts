/**
 * The reminders engine. Features create reminders with a schedule function per kind and store
 * them in their own transaction:
 *
 *   const items = actionTargetReminders({ actionId, targetDate, recipients, payload }, settings, new Date());
 *   await rescheduleSubject(em, { subjectType: 'action', subjectId: actionId }, items);
 *
 * The worker (started by src/index.ts) sends them; see README "Reminders".
 */
export { applyReminderCardAction, type ReminderCardAction, type ReminderCardOutcome } from './card-actions';
export { listReminders, retryReminder } from './list-reminders';
export { DeliveryFailure, type DeliveryTarget, type ReminderMessage, type ReminderSender } from './ports';
export { mute, snooze, unmute } from './preferences';
export {
  actionTargetReminders,
  eventReminders,
  informationReportReminders,
  panelMeetingReminders,
  statutoryClockReminders,
} from './schedule';
export { cancelSubject, rescheduleSubject, scheduleReminders, type ScheduleResult, type SubjectRef } from './schedule-reminders';
export {
  REMINDER_KINDS,
  type ReminderItem,
  type ReminderKind,
  type ReminderPayload,
  type ReminderRecipient,
  type ReminderScheduleSettings,
  type SubjectPayload,
} from './types';
export { ReminderWorker, type ReminderWorkerSettings } from './worker';
