import type { DataSource } from 'typeorm';

import type { ReviewModel } from '../../contracts/notification';
import type { HolidayCalendar } from '../calendar/working-days';
import type { EventBus } from '../events';

/** Routing settings from configuration. */
export type RoutingSettings = {
  /** the review model new notifications are routed under */
  model: ReviewModel;
  /** review periods longer than this many months count as long */
  longReviewPeriodMonths: number;
  /** bank holidays for working-day clocks */
  holidays: HolidayCalendar;
  /** the board's IANA time zone; "today" is the date there */
  timeZone: string;
};

/** What the notification use-cases need. */
export type NotificationDeps = {
  db: DataSource;
  events: EventBus;
  routing: RoutingSettings;
  /** the current time; tests may fix it */
  now?: () => Date;
};

/** @returns the current time */
export function nowOf(deps: NotificationDeps): Date {
  return deps.now ? deps.now() : new Date();
}

/** @returns today's `YYYY-MM-DD` date in the board's time zone */
export function todayOf(deps: NotificationDeps): string {
  return isoDateIn(deps.routing.timeZone, nowOf(deps));
}

/**
 * @param timeZone an IANA time zone, e.g. `Europe/London`
 * @param at the instant
 * @returns the `YYYY-MM-DD` date at that instant in that zone
 */
export function isoDateIn(timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
