import { NOTIFY_VERBS } from './notify-verbs';
import { bindCard, type CardJson } from './template';

/** What the "you have a notification in progress" card shows. */
export type NotifyResumeView = {
  draftKey: string;
  draftVersion: number;
  stepTitle: string;
  /** when the draft last changed, in words */
  updatedOn: string;
};

/** Builds the card offering to resume a half-finished notification or start again. */
export function buildNotifyResumeCard(view: NotifyResumeView): CardJson {
  return bindCard('notify-resume', { ...view, verbs: NOTIFY_VERBS });
}
