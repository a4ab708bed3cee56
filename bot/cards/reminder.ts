import { bindCard, type CardJson } from './template';

/** Verbs of the reminder card's Action.Execute buttons (the handler uses the same constants). */
export const REMINDER_VERBS = {
  snooze: 'reminder.snooze',
  mute: 'reminder.mute',
  unmute: 'reminder.unmute',
} as const;

/** Snooze choices offered on the card, in days. */
export const SNOOZE_DAYS = [1, 7] as const;

/** What a reminder card shows; every text is already formatted and free of personal details. */
export type ReminderCardView = {
  reminderId: number;
  /** e.g. "Panel meeting" */
  kindLabel: string;
  /** e.g. "panel meeting reminders", for the mute button */
  kindPlural: string;
  headline: string;
  facts: { title: string; value: string }[];
  links: { title: string; url: string }[];
  /** `snooze_mute` for a fresh reminder to a person, `unmute` after muting, `none` in channels */
  buttons: 'snooze_mute' | 'unmute' | 'none';
  /** the outcome of a button, shown in green; empty for a fresh reminder */
  status: string;
};

/** Builds a reminder card: headline, facts, links, and snooze/mute buttons for its recipient. */
export function buildReminderCard(view: ReminderCardView): CardJson {
  const id = view.reminderId;
  const buttons =
    view.buttons === 'snooze_mute'
      ? [
          ...SNOOZE_DAYS.map((days) => ({
            title: days === 1 ? 'Snooze 1 day' : `Snooze ${days / 7 === 1 ? '1 week' : `${days} days`}`,
            verb: REMINDER_VERBS.snooze,
            data: { reminderId: id, days },
          })),
          { title: `Mute ${view.kindPlural}`, verb: REMINDER_VERBS.mute, data: { reminderId: id } },
        ]
      : view.buttons === 'unmute'
        ? [{ title: `Unmute ${view.kindPlural}`, verb: REMINDER_VERBS.unmute, data: { reminderId: id } }]
        : [];
  const card = bindCard('reminder', {
    kindLabel: view.kindLabel,
    headline: view.headline,
    facts: view.facts,
    status: view.status,
    footer:
      view.buttons === 'none'
        ? 'Safeguarding Learning reminder.'
        : 'Safeguarding Learning reminder. Snooze it, or mute this kind of reminder, with the buttons below.',
    buttons,
  });
  // Links are added here rather than in the template: a `${url}` placeholder is not a valid URL
  // for the card schema.
  const links = view.links.map((l) => ({ type: 'Action.OpenUrl', title: l.title, url: l.url }));
  return { ...card, actions: [...links, ...((card.actions as unknown[] | undefined) ?? [])] };
}
