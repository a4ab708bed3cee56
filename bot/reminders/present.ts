import type { ReminderCardOutcome, ReminderKind, ReminderPayload } from '../../src/domain/reminders';
import type { ReminderCardView } from '../cards/reminder';

const LABELS: Record<ReminderKind, [string, string]> = {
  panel_meeting: ['Panel meeting', 'panel meeting reminders'],
  info_report_due: ['Information report', 'information report reminders'],
  focus_group: ['Focus group', 'focus group reminders'],
  learning_event: ['Learning event', 'learning event reminders'],
  action_target: ['Action', 'action reminders'],
  statutory_clock: ['Statutory deadline', 'statutory deadline reminders'],
};

/** Kinds whose deadline is when something happens rather than when something is due. */
const EVENTS = new Set<ReminderKind>(['panel_meeting', 'focus_group', 'learning_event']);

/** A reminder to draw, with what its recipient did to it (if anything). */
export type ReminderToPresent = {
  id: number;
  kind: ReminderKind;
  payload: ReminderPayload;
  toPerson: boolean;
  outcome?: ReminderCardOutcome;
};

/**
 * Turns a reminder into its card's view: dates in the board's time zone, links, buttons.
 * @param timeZone the board's time zone, e.g. `Europe/London`
 */
export function presentReminder(r: ReminderToPresent, timeZone: string): ReminderCardView {
  const [kindLabel, kindPlural] = LABELS[r.kind] ?? ['Reminder', 'these reminders'];
  const p = r.payload;
  const facts = [
    { title: 'Reference', value: p.reference },
    { title: 'What', value: p.title },
  ];
  if (p.deadline) {
    facts.push({ title: EVENTS.has(r.kind) ? 'When' : 'Due', value: formatDeadline(p.deadline, timeZone) });
  }
  const links = [
    ...(p.link ? [{ title: 'Open in Safeguarding Learning', url: p.link }] : []),
    ...(p.papersLink ? [{ title: 'Agenda and papers', url: p.papersLink }] : []),
  ];
  let buttons: ReminderCardView['buttons'] = r.toPerson ? 'snooze_mute' : 'none';
  let status = '';
  if (r.outcome?.type === 'snoozed') {
    status = `Snoozed: I'll remind you again on ${formatInstant(r.outcome.until, timeZone)}. Other ${kindPlural} wait until then too.`;
    buttons = 'none';
  } else if (r.outcome?.type === 'muted') {
    status = `Muted: you won't get ${kindPlural} any more.`;
    buttons = 'unmute';
  } else if (r.outcome?.type === 'unmuted') {
    status = `Unmuted: you'll get ${kindPlural} again.`;
  }
  return { reminderId: r.id, kindLabel, kindPlural, headline: p.headline, facts, links, buttons, status };
}

/** `2025-10-14` → "Tue 14 Oct 2025"; an ISO instant → "Tue 14 Oct 2025, 10:00" in the zone. */
export function formatDeadline(deadline: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(new Date(`${deadline}T00:00:00Z`));
  }
  const when = new Date(deadline);
  return Number.isNaN(when.getTime()) ? deadline : formatInstant(when, timeZone);
}

function formatInstant(when: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(when);
}
