import type { ClockLine } from './notify-sent';
import { TRIAGE_VERBS } from './notify-verbs';
import { bindCard, type CardJson } from './template';

/** What the business unit's triage card shows. No free-text summary, no child details. */
export type NotificationTriageView = {
  reference: string;
  version: number;
  statusLine: string;
  route: string;
  parallel: string;
  model: string;
  notifiedBy: string;
  agencyNames: string;
  reasons: { text: string }[];
  clocks: ClockLine[];
  /** the latest decision, or empty strings */
  decision: { summary: string; byLine: string; reason: string };
  /** a message to the person who pressed a button (e.g. why it was refused), or '' */
  notice: string;
  /** show the decision buttons */
  canDecide: boolean;
  routeOptions: { code: string; label: string }[];
  /** values typed into the decision forms, kept when one is refused */
  input: { route: string; reason: string; message: string };
  errors: { route: string; reason: string; message: string };
  /** Entra object ids whose clients refresh the card automatically (at most 60) */
  userIds: string[];
};

/** Builds the triage card with Universal Actions: accept, choose another route, ask for more. */
export function buildNotificationTriageCard(view: NotificationTriageView): CardJson {
  const card = bindCard('notification-triage', { ...view, verbs: TRIAGE_VERBS });
  const refresh = card.refresh as { userIds?: string[] } | undefined;
  if (refresh) {
    refresh.userIds = view.userIds.slice(0, 60);
  }
  return card;
}
