import type { DataSource, EntityManager } from 'typeorm';

import type { ReviewModel } from '../../contracts/notification';
import type { TrackerDeps } from '../actions/tracker-deps';
import type { SuggestionDeps } from '../calendar/suggest-meeting-times';
import type { HolidayCalendar } from '../calendar/working-days';
import type { ReviewReminderPlan } from './review-reminders';
import { localDateOf } from '../time/zoned-time';

/**
 * Keeps a review's reminders in step with it, inside the transaction that changed it. Called with
 * the review's whole reminder plan after every change; it must replace what was scheduled before.
 */
export type ReviewReminderSync = (em: EntityManager, plan: ReviewReminderPlan) => Promise<void>;

/** What the review use-cases need. */
export type ReviewDeps = {
  db: DataSource;
  /** the review model reviews created directly are opened under */
  model: ReviewModel;
  /** bank holidays for the clocks */
  holidays: HolidayCalendar;
  /** the board's IANA time zone: "today", and local meeting times */
  timeZone: string;
  /** the current time (tests fix it) */
  now: () => Date;
  /** the action-plan use-cases' dependencies (a review's recommendations become a plan) */
  tracker: TrackerDeps;
  /** keeps reminders in step; absent until the reminders engine is wired */
  reminders?: ReviewReminderSync;
  /** nudges the calendar outbox worker after a commit that queued invitations */
  wakeCalendar?: () => void;
  /** free/busy look-ups for meeting-time suggestions; null without Graph */
  suggestions?: () => SuggestionDeps | null;
  /** link to a review in the app (invitations, reminder cards) */
  reviewLink?: (reviewId: number) => string;
};

/** @returns today's `YYYY-MM-DD` in the board's time zone */
export function todayOf(deps: Pick<ReviewDeps, 'now' | 'timeZone'>): string {
  return localDateOf(deps.now(), deps.timeZone);
}
