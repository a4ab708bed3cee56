import type { ActionDetailDto } from '../../contracts/actions';
import { ActionListRepository } from '../../data/repositories/action-list.repository';
import { ActionRepository } from '../../data/repositories/action.repository';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { AuthorizationError } from '../../errors';
import type { Caller } from '../caller';
import { canExport } from './access';
import type { ActionQuery } from './action-query';
import { sortKeys } from './action-query';
import { toDetail } from './action-view';
import { resolveFilter } from './list-actions';
import type { TrackerDeps } from './tracker-deps';

/** The most rows one export holds. */
export const MAX_EXPORT_ROWS = 50_000;
const BATCH = 1000;

/**
 * The filtered actions in list order, for board papers (business unit, board, agency leads).
 * Rows of other agencies carry only what the list shows: private fields are blank unless the
 * caller has full view of that row. The export is recorded in the audit log.
 * @param deps database and clock
 * @param caller who exports
 * @param query the list's filters and order (no cursor or limit)
 * @returns the rows and whether the cap cut the export short
 * @throws AuthorizationError for practitioners and panel members
 */
export async function exportActions(
  deps: TrackerDeps,
  caller: Caller,
  query: ActionQuery
): Promise<{ rows: ActionDetailDto[]; truncated: boolean }> {
  if (!canExport(caller)) {
    throw new AuthorizationError('Exports are for the business unit, the board and agency leads');
  }
  const filter = await resolveFilter(deps, caller, query);
  const keys = sortKeys(query.sort, query.groupBy);
  const list = new ActionListRepository(deps.db);
  const details = new ActionRepository(deps.db);
  const rows: ActionDetailDto[] = [];
  let after: (string | number)[] | null = null;
  let truncated = false;
  for (;;) {
    const keyRows = await list.pageKeys(filter, { keys, after, limit: BATCH });
    const page = keyRows.slice(0, BATCH);
    const byId = new Map((await details.detailRowsByIds(page.map((r) => Number(r.id)))).map((r) => [Number(r.id), r]));
    for (const k of page) {
      const row = byId.get(Number(k.id));
      if (row) {
        rows.push(toDetail(row, caller, filter.today));
      }
    }
    const last = page[page.length - 1];
    if (keyRows.length <= BATCH || !last) {
      break;
    }
    if (rows.length >= MAX_EXPORT_ROWS) {
      truncated = true;
      break;
    }
    after = keys.map((_, i) => last[`k${i}`]);
  }
  await new AuditRepository(deps.db).append({
    actorId: caller.id,
    action: 'actions.exported',
    entityType: 'action',
    entityId: 'export',
    detail: {
      rows: rows.length,
      truncated,
      filters: Object.entries(query)
        .filter(([k, v]) => v !== undefined && k !== 'q')
        .map(([k]) => k),
    },
  });
  return { rows, truncated };
}
