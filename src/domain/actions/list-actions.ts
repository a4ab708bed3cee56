import type { ActionCountsDto, ActionListDto } from '../../contracts/actions';
import { type ActionFilter, ActionListRepository, type StatusCountRow } from '../../data/repositories/action-list.repository';
import { PlanRepository } from '../../data/repositories/plan.repository';
import { ValidationError } from '../../errors';
import type { Caller } from '../caller';
import {
  type ActionQuery,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  MAX_PAGE_SIZE,
  sortKeys,
} from './action-query';
import { toSummary } from './action-view';
import { todayOf, type TrackerDeps } from './tracker-deps';

const AGENCY_CACHE_MS = 5 * 60_000;
const agencyCache = new WeakMap<object, Map<string, { id: number; at: number }>>();

/**
 * @returns the ids of agency codes, remembered for a few minutes (codes never change their id;
 *   the list is asked for on every page of the tracker)
 * @throws ValidationError naming unknown codes
 */
async function agencyIdsOf(deps: TrackerDeps, codes: string[]): Promise<number[]> {
  const cache = agencyCache.get(deps.db) ?? new Map<string, { id: number; at: number }>();
  agencyCache.set(deps.db, cache);
  const now = Date.now();
  const wanted = [...new Set(codes.map((c) => c.toUpperCase()))];
  const missing = wanted.filter((c) => (cache.get(c)?.at ?? -Infinity) < now - AGENCY_CACHE_MS);
  if (missing.length > 0) {
    for (const a of await new PlanRepository(deps.db).agenciesByCode(missing)) {
      cache.set(a.code.toUpperCase(), { id: a.id, at: now });
    }
  }
  const unknown = wanted.filter((c) => !cache.has(c));
  if (unknown.length > 0) {
    throw new ValidationError(`Unknown agency code: ${unknown.join(', ')}`, {
      fields: [{ field: 'agency', message: 'unknown agency code' }],
    });
  }
  return wanted.map((c) => cache.get(c)?.id ?? -1);
}

/**
 * Turns the API's filters into the repository's (agency codes to ids, `me` to the caller).
 * @throws ValidationError naming an unknown agency code
 */
export async function resolveFilter(deps: TrackerDeps, caller: Caller, query: ActionQuery): Promise<ActionFilter> {
  const agencyIds = query.agencies?.length ? await agencyIdsOf(deps, query.agencies) : undefined;
  const owners = query.owners?.map((o) => (o === 'me' ? (caller.personId ?? -1) : o));
  return {
    agencyIds,
    statuses: query.statuses,
    sources: query.sources,
    planIds: query.planIds,
    ownerIds: owners,
    overdue: query.overdue,
    q: query.q?.trim() || undefined,
    today: todayOf(deps),
  };
}

/** @returns the counts DTO from per-status rows */
export function toCounts(rows: StatusCountRow[]): ActionCountsDto {
  const counts: ActionCountsDto = { red: 0, amber: 0, green: 0, complete: 0, total: 0, overdue: 0 };
  for (const r of rows) {
    if (r.status === 'red' || r.status === 'amber' || r.status === 'green' || r.status === 'complete') {
      counts[r.status] += r.n;
    }
    counts.total += r.n;
    counts.overdue += r.overdue;
  }
  return counts;
}

/**
 * Lists actions for the tracker: one page in list order (overdue first by default, optionally
 * grouped by plan or agency), counts per status over the whole filtered set, and a cursor for the
 * next page. Everyone signed in may list; private fields are never in the list.
 * @param deps database, clock, thresholds
 * @param caller who asks
 * @param query filters, order and page
 * @returns the page, the counts and the next cursor
 * @throws ValidationError for an unknown agency or a bad cursor
 */
export async function listActions(deps: TrackerDeps, caller: Caller, query: ActionQuery): Promise<ActionListDto> {
  const filter = await resolveFilter(deps, caller, query);
  const sort = query.sort ?? 'overdue';
  const groupBy = query.groupBy ?? 'none';
  const keys = sortKeys(sort, groupBy);
  const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const after = query.cursor ? decodeCursor(query.cursor, sort, groupBy, filter.today) : null;
  const repo = new ActionListRepository(deps.db);
  const rows = await repo.pageRows(filter, { keys, after, limit });
  const page = rows.slice(0, limit);
  const items = page.map((row) => toSummary(row, caller, filter.today));
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor(sort, groupBy, filter.today, keys.map((_, i) => last[`k${i}`]))
      : null;
  const counts = toCounts(await repo.countByStatus(filter));
  return { items, counts, nextCursor };
}
