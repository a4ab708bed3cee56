import type { ActionCountsDto, ActionSummaryDto } from '../../contracts/actions';
import { ActionListRepository } from '../../data/repositories/action-list.repository';
import { addDays } from '../calendar/iso-date';
import type { Caller } from '../caller';
import { sortKeys } from './action-query';
import { toSummary } from './action-view';
import { toCounts } from './list-actions';
import { todayOf, type TrackerDeps } from './tracker-deps';

/** What `my actions` shows an agency lead. */
export type AgencyAlerts = {
  agency: { id: number; code: string; name: string } | null;
  /** red actions and those due within the amber window, overdue first */
  items: ActionSummaryDto[];
  /** counts of the same set */
  counts: ActionCountsDto;
  /** the last day counted as "due soon" */
  dueBy: string;
};

/**
 * The caller's agency's red and due-soon actions (not complete, due within `amberWithinDays`),
 * overdue first, for the bot's `my actions` card.
 * @param deps database, clock, thresholds
 * @param caller the agency lead (any caller: one of no agency gets an empty list)
 * @param limit how many actions to list
 * @returns the actions and their counts
 */
export async function listAgencyAlerts(deps: TrackerDeps, caller: Caller, limit = 8): Promise<AgencyAlerts> {
  const today = todayOf(deps);
  const dueBy = addDays(today, deps.rag.amberWithinDays);
  if (!caller.agency) {
    return { agency: null, items: [], counts: toCounts([]), dueBy };
  }
  const filter = { agencyIds: [caller.agency.id], redOrDueBy: dueBy, today };
  const repo = new ActionListRepository(deps.db);
  const rows = await repo.pageRows(filter, { keys: sortKeys('overdue'), after: null, limit });
  const items = rows.slice(0, limit).map((row) => toSummary(row, caller, today));
  const { id, code, name } = caller.agency;
  return { agency: { id, code, name }, items, counts: toCounts(await repo.countByStatus(filter)), dueBy };
}
