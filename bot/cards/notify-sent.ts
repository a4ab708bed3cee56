import { bindCard, type CardJson } from './template';

/** A deadline line: its name and the due date with the working days left. */
export type ClockLine = { label: string; due: string };

/** What the notifier sees once the notification is stored. */
export type NotifySentView = {
  reference: string;
  route: string;
  /** parallel routes in words, or '' */
  parallel: string;
  reasons: { text: string }[];
  clocks: ClockLine[];
  nextSteps: string;
};

/** Builds the notifier's confirmation: reference, recommended route, reasons, deadlines, next steps. */
export function buildNotifySentCard(view: NotifySentView): CardJson {
  return bindCard('notify-sent', view);
}
