import type {
  ClockDto,
  ClockStatusDto,
  DecisionAction,
  NotificationAnswersDto,
  NotificationDto,
  NotificationStatus,
  RecommendationDto,
  ReviewModel,
  RouteCode,
  RouteOptionDto,
} from '../../contracts/notification';
import type { Agency } from '../../data/entities/agency.entity';
import type { Notification } from '../../data/entities/notification.entity';
import type { Person } from '../../data/entities/person.entity';
import { NotificationRepository } from '../../data/repositories/notification.repository';
import { workingDaysBetween, type HolidayCalendar } from '../calendar/working-days';
import { ROUTE_LABELS } from '../routing';
import { agencyDirectory } from './agency-directory';
import { todayOf, type NotificationDeps } from './deps';

/** A notification as the use-cases return it: the API's shape plus the notifier's object id. */
export type NotificationRecord = NotificationDto & { id: number; notifierAadId: string };

/** Clocks that time a decision the business unit records; met once it has decided. */
const DECISION_CLOCKS = new Set(['SCR_DECISION', 'DHR_DECISION']);

/** @returns a route code with its name */
export function routeOption(code: RouteCode): RouteOptionDto {
  return { code, label: ROUTE_LABELS[code] };
}

/** Names of people and agencies needed to present notifications. */
type Lookups = { people: Map<string, Pick<Person, 'displayName'>>; agencies: Map<number, Agency> };

/**
 * Loads what presenting these rows needs and presents them.
 * @param deps the use-case dependencies (for today and the bank holidays)
 * @param rows stored notifications
 * @param known people already at hand (e.g. the caller), so they need not be read again
 * @returns the records, in the same order
 */
export async function toRecords(
  deps: NotificationDeps,
  rows: Notification[],
  known: Pick<Person, 'aadObjectId' | 'displayName'>[] = []
): Promise<NotificationRecord[]> {
  const ids = rows.flatMap((r) => [r.notifierAadId, ...(r.decidedBy ? [r.decidedBy] : [])]);
  const missing = ids.filter((id) => !known.some((k) => k.aadObjectId === id));
  const [people, agencies] = await Promise.all([
    missing.length > 0 ? new NotificationRepository(deps.db).people(missing) : Promise.resolve([]),
    agencyDirectory(deps),
  ]);
  const lookups: Lookups = {
    people: new Map([...known, ...people].map((p) => [p.aadObjectId, p])),
    agencies: new Map(agencies.map((a) => [a.id, a])),
  };
  const today = todayOf(deps);
  return rows.map((row) => toRecord(row, lookups, today, deps.routing.holidays));
}

function toRecord(row: Notification, lookups: Lookups, today: string, holidays: HolidayCalendar): NotificationRecord {
  const recommendation = JSON.parse(row.recommendationJson) as RecommendationDto;
  const answers = JSON.parse(row.answersJson) as NotificationAnswersDto;
  const status = row.status as NotificationStatus;
  const decisionClocks = row.decisionClocksJson ? (JSON.parse(row.decisionClocksJson) as ClockDto[]) : [];
  const clocks = [...recommendation.clocks, ...decisionClocks].map((c) =>
    clockStatus(c, status === 'decided' && DECISION_CLOCKS.has(c.code), today, holidays)
  );
  const open = clocks.filter((c) => !c.met).map((c) => c.due).sort();
  const notifier = lookups.people.get(row.notifierAadId);
  const agency = row.notifierAgencyId !== null ? lookups.agencies.get(row.notifierAgencyId) : undefined;
  return {
    id: row.id,
    notifierAadId: row.notifierAadId,
    reference: row.reference,
    status,
    model: row.model as ReviewModel,
    createdAt: row.createdAt.toISOString(),
    notifier: {
      id: row.notifierAadId,
      name: notifier?.displayName ?? 'Unknown person',
      agency: agency ? { code: agency.code, name: agency.name } : null,
    },
    agencies: answers.agencies,
    recommendation,
    recommendedRoute: routeOption(recommendation.primary),
    parallelRoutes: recommendation.parallel.map(routeOption),
    clocks,
    nextDue: open[0] ?? null,
    overdue: clocks.some((c) => c.overdue),
    decision: decisionOf(row, lookups),
    version: row.version,
    answers,
  };
}

function clockStatus(clock: ClockDto, met: boolean, today: string, holidays: HolidayCalendar): ClockStatusDto {
  const workingDaysLeft = workingDaysBetween(today, clock.due, holidays);
  return { ...clock, workingDaysLeft, overdue: !met && clock.due < today, met };
}

function decisionOf(row: Notification, lookups: Lookups): NotificationRecord['decision'] {
  if (!row.decisionAction || !row.decidedBy || !row.decidedAt) {
    return null;
  }
  return {
    action: row.decisionAction as DecisionAction,
    route: row.decidedRoute ? routeOption(row.decidedRoute as RouteCode) : null,
    reason: row.decisionReason,
    decidedBy: { id: row.decidedBy, name: lookups.people.get(row.decidedBy)?.displayName ?? 'Unknown person' },
    decidedAt: row.decidedAt.toISOString(),
  };
}

/**
 * Orders notifications for the pipeline: overdue first (most overdue first), then by the next due
 * date, then those with no open clock, newest first.
 * @returns a new sorted array
 */
export function pipelineOrder<T extends Pick<NotificationRecord, 'overdue' | 'nextDue' | 'createdAt'>>(items: T[]): T[] {
  const rank = (n: T) => (n.overdue ? 0 : n.nextDue ? 1 : 2);
  return [...items].sort((a, b) => {
    if (rank(a) !== rank(b)) {
      return rank(a) - rank(b);
    }
    if (a.nextDue && b.nextDue && a.nextDue !== b.nextDue) {
      return a.nextDue < b.nextDue ? -1 : 1;
    }
    return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
  });
}
