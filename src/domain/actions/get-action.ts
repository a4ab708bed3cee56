import type { ActionDetailDto, ActionHistoryDto } from '../../contracts/actions';
import { ActionRepository } from '../../data/repositories/action.repository';
import { NotFoundError } from '../../errors';
import type { Caller } from '../caller';
import { hasFullView } from './access';
import { isoInstant, toDetail } from './action-view';
import { todayOf, type TrackerDeps } from './tracker-deps';

/** History fields whose values and notes only callers with full view see. */
const PRIVATE_HISTORY_FIELDS = new Set(['progress_note', 'evidence']);

/**
 * @param deps database and clock
 * @param caller who asks (private fields only for the lead agency, the business unit, the board)
 * @param id the action id
 * @param repo the repository to read with (inside a transaction when given)
 * @returns the action as the caller may see it
 * @throws NotFoundError when there is no such action
 */
export async function getAction(
  deps: TrackerDeps,
  caller: Caller,
  id: number,
  repo = new ActionRepository(deps.db)
): Promise<ActionDetailDto> {
  const [row] = await repo.detailRowsByIds([id]);
  if (!row) {
    throw new NotFoundError(`There is no action ${id}`);
  }
  return toDetail(row, caller, todayOf(deps));
}

/**
 * An action's append-only history, oldest first. Callers without full view get the status and
 * date lines without notes, and no progress-note or evidence lines.
 * @throws NotFoundError when there is no such action
 */
export async function getActionHistory(deps: TrackerDeps, caller: Caller, id: number): Promise<ActionHistoryDto> {
  const repo = new ActionRepository(deps.db);
  const action = await repo.find(id);
  if (!action) {
    throw new NotFoundError(`There is no action ${id}`);
  }
  const full = hasFullView(caller, action.leadAgencyId);
  const lines = await repo.history(id);
  return {
    items: lines
      .filter((h) => full || !PRIVATE_HISTORY_FIELDS.has(h.field))
      .map((h) => ({
        id: h.id,
        at: isoInstant(h.at) ?? '',
        by: h.actorName,
        field: h.field,
        from: h.fromValue,
        to: h.toValue,
        note: full ? h.note : null,
      })),
  };
}
