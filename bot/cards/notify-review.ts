import { NOTIFY_VERBS } from './notify-verbs';
import { bindCard, type CardJson } from './template';

/** What the "check your answers" card shows. */
export type NotifyReviewView = {
  draftKey: string;
  draftVersion: number;
  /** each answer as a question and its answer in words */
  facts: { title: string; value: string }[];
  summary: string;
};

/** Builds the "check your answers" card, with Send, Back and Cancel. */
export function buildNotifyReviewCard(view: NotifyReviewView): CardJson {
  return bindCard('notify-review', { ...view, verbs: NOTIFY_VERBS });
}
