import { bindCard, type CardJson } from './template';

/** One review on the card: references, type, status, dates; no names and nothing about the child. */
export type MyReviewItemView = {
  /** e.g. `R-0003 · Serious Case Review (N-2026-0012)` */
  heading: string;
  status: string;
  /** the reader's role on the panel */
  role: string;
  /** e.g. `Panel meeting, Tue 1 Dec 2026 10:00`, or `None scheduled` */
  nextMeeting: string;
  nextMilestone: string;
  completionDue: string;
  overdue: boolean;
};

/** What the `my reviews` card shows. */
export type MyReviewsView = {
  title: string;
  summary: string;
  emptyText: string;
  /** the Reviews page's link */
  reviewsUrl: string;
  items: MyReviewItemView[];
};

/**
 * Builds the `my reviews` card: the reviews a panel member sits on, each with its next meeting
 * and milestone, and a button that opens the Reviews page.
 */
export function buildMyReviewsCard(view: MyReviewsView): CardJson {
  const card = bindCard('my-reviews', view);
  // The link is added here, not in the template: the schema wants a URI in `url`, and a raw
  // `${...}` placeholder is not one.
  return { ...card, actions: [{ type: 'Action.OpenUrl', title: 'Open Reviews', url: view.reviewsUrl }] };
}
