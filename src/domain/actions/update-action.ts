import type { ActionDetailDto } from '../../contracts/actions';
import { ActionRepository } from '../../data/repositories/action.repository';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { writeTransaction } from '../../data/write-transaction';
import { AuthorizationError, ConflictError, NotFoundError } from '../../errors';
import type { Caller } from '../caller';
import { canChangeAction, canSignOff } from './access';
import { getAction } from './get-action';
import { type ActionChange, planActionChange } from './plan-action-change';
import type { TrackerDeps } from './tracker-deps';

/** The message of a stale update (409); the answer's details carry the current action. */
export const STALE_MESSAGE = 'Someone else changed this action since you opened it. Here is the latest version.';

/**
 * Changes an action (status, progress note, evidence, revised target, completion proposal or
 * sign-off) if the caller may and nobody changed it since `version`; writes the change, its
 * history lines and an audit entry in one transaction, then publishes `action.changed`.
 * @param deps database, clock, thresholds, events
 * @param caller who changes it
 * @param id the action id
 * @param version the version the caller last saw
 * @param req the change
 * @returns the action after the change, as the caller sees it
 * @throws NotFoundError, AuthorizationError (not their agency, or completing without the role),
 *   ConflictError with `{current}` when the version is stale, ValidationError for a bad change
 */
export async function updateAction(
  deps: TrackerDeps,
  caller: Caller,
  id: number,
  version: number,
  req: ActionChange
): Promise<ActionDetailDto> {
  const repo = new ActionRepository(deps.db);
  const current = await repo.find(id);
  if (!current) {
    throw new NotFoundError(`There is no action ${id}`);
  }
  if (!canChangeAction(caller, current.leadAgencyId)) {
    throw new AuthorizationError("You can change only your own agency's actions");
  }
  if (current.version !== version) {
    throw new ConflictError(STALE_MESSAGE, { current: await getAction(deps, caller, id) });
  }
  const actor = { id: caller.id, name: caller.name, personId: caller.personId, canSignOff: canSignOff(caller) };
  const planned = planActionChange(current, req, actor, { now: deps.now(), timeZone: deps.timeZone, thresholds: deps.rag });
  // The versioned UPDATE comes first: it takes the write lock (SQLite) or the row lock (SQL
  // Server) and fails for everybody but the first writer of this version.
  const written = await writeTransaction(deps.db, async (em) => {
    const tx = new ActionRepository(em);
    if (!(await tx.updateIfVersion(id, version, planned.changes))) {
      return false;
    }
    await tx.appendHistory(planned.history.map((h) => ({ ...h, actionId: id })));
    await new AuditRepository(em).append({
      actorId: caller.id,
      action: 'action.updated',
      entityType: 'action',
      entityId: String(id),
      detail: { fields: planned.fields, status: planned.changes.status ?? current.status, version: version + 1 },
    });
    return true;
  });
  if (!written) {
    throw new ConflictError(STALE_MESSAGE, { current: await getAction(deps, caller, id) });
  }
  const outcome = { leadAgencyId: current.leadAgencyId, status: planned.changes.status ?? current.status };
  deps.events?.emit('action.changed', { actionId: id, leadAgencyId: outcome.leadAgencyId, status: outcome.status });
  return getAction(deps, caller, id);
}
