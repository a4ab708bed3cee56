import type { DataSource, EntityManager } from 'typeorm';

import type { ReviewModel, RouteCode } from '../../contracts/notification';
import type { HolidayCalendar } from '../calendar/working-days';
import type { EventBus } from '../events';
import { localDateOf } from '../time/zoned-time';

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
  /** runs inside a decision's transaction (the reviews open or follow the decided route) */
  onDecided?: (em: EntityManager, decision: NotificationDecision) => Promise<void>;
};

/** A decision as {@link NotificationDeps.onDecided} receives it. */
export type NotificationDecision = {
  notification: { id: number; reference: string; model: ReviewModel; agencies: string[] };
  /** the route decided on; null while asking for more information */
  route: RouteCode | null;
  /** `YYYY-MM-DD` of the decision in the board's time zone */
  decidedOn: string;
  /** Entra object id of the business unit member */
  actorId: string;
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
  return localDateOf(at, timeZone);
}
