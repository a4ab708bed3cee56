import type { ClockLine } from './notify-sent';
import { bindCard, type CardJson } from './template';

/** What the notifier is told when the business unit decides. */
export type NotificationUpdateView = {
  reference: string;
  outcome: string;
  reasonTitle: string;
  /** the business unit's reason or request, or '' */
  reason: string;
  clocks: ClockLine[];
  nextStep: string;
};

/** Builds the card telling the notifier of a decision on their notification. */
export function buildNotificationUpdateCard(view: NotificationUpdateView): CardJson {
  return bindCard('notification-update', view);
}
