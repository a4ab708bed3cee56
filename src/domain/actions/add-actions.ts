import type { EntityManager } from 'typeorm';

import type { NewActionDto, PlanDetailDto } from '../../contracts/actions';
import type { Action } from '../../data/entities/action.entity';
import { newActionRow } from '../../data/entities/new-action-row';
import { ActionRepository } from '../../data/repositories/action.repository';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { PlanRepository } from '../../data/repositories/plan.repository';
import { writeTransaction } from '../../data/write-transaction';
import { AuthorizationError, NotFoundError, ValidationError } from '../../errors';
import type { Caller } from '../caller';
import { canManagePlans } from './access';
import { getPlan } from './list-plans';
import { ruleStatus } from './rag-rule';
import { todayOf, type TrackerDeps } from './tracker-deps';

/** @throws AuthorizationError unless the caller is the business unit */
export function assertCanManagePlans(caller: Caller): void {
  if (!canManagePlans(caller)) {
    throw new AuthorizationError('Only the business unit creates action plans, recommendations and actions');
  }
}

/**
 * Inserts actions under a recommendation with their first status from the RAG rule and a
 * `created` history line each (inside the caller's transaction).
 * @returns the new action ids
 * @throws ValidationError for an unknown agency or owner, or an owner of another agency
 */
export async function insertNewActions(
  em: EntityManager,
  deps: TrackerDeps,
  caller: Caller,
  rec: { id: number; planId: number },
  inputs: NewActionDto[]
): Promise<number[]> {
  if (inputs.length === 0) {
    return [];
  }
  const plans = new PlanRepository(em);
  const codes = [...new Set(inputs.map((a) => a.leadAgency.toUpperCase()))];
  const agencies = new Map((await plans.agenciesByCode(codes)).map((a) => [a.code.toUpperCase(), a.id]));
  const ownerIds = [...new Set(inputs.flatMap((a) => (a.ownerPersonId ? [a.ownerPersonId] : [])))];
  const owners = new Map((await plans.peopleByIds(ownerIds)).map((p) => [p.id, p]));
  const now = deps.now();
  const today = todayOf(deps);
  const rows: Omit<Action, 'id'>[] = inputs.map((input, i) => {
    const agencyId = agencies.get(input.leadAgency.toUpperCase());
    if (agencyId === undefined) {
      throw new ValidationError(`Unknown agency code: ${input.leadAgency}`, {
        fields: [{ field: `actions.${i}.leadAgency`, message: 'unknown agency code' }],
      });
    }
    const owner = input.ownerPersonId ? owners.get(input.ownerPersonId) : undefined;
    if (input.ownerPersonId && (!owner || (owner.agencyId !== null && owner.agencyId !== agencyId))) {
      throw new ValidationError('The owner must be a known person of the lead agency', {
        fields: [{ field: `actions.${i}.ownerPersonId`, message: 'unknown person or another agency' }],
      });
    }
    const rule = ruleStatus(
      { targetDate: input.targetDate, revisedTargetDate: null, lastProgressDate: null, signedOff: false },
      today,
      deps.rag
    );
    return newActionRow({
      recommendation: rec,
      leadAgencyId: agencyId,
      ownerPersonId: owner?.id ?? null,
      description: input.description.trim(),
      targetDate: input.targetDate,
      status: rule,
      createdAt: now,
    });
  });
  const repo = new ActionRepository(em);
  const ids = await repo.insertMany(rows);
  await repo.appendHistory(
    ids.map((id, i) => ({
      actionId: id,
      at: now,
      actorId: caller.id,
      actorName: caller.name,
      field: 'created',
      fromValue: null,
      toValue: rows[i].status,
      note: null,
    }))
  );
  return ids;
}

/**
 * Adds actions to a recommendation (business unit only), in one transaction with an audit entry.
 * @returns the plan with its recommendations
 * @throws AuthorizationError, NotFoundError, ValidationError
 */
export async function addActions(
  deps: TrackerDeps,
  caller: Caller,
  recommendationId: number,
  inputs: NewActionDto[]
): Promise<PlanDetailDto> {
  assertCanManagePlans(caller);
  const planId = await writeTransaction(deps.db, async (em) => {
    const rec = await new PlanRepository(em).findRecommendation(recommendationId);
    if (!rec) {
      throw new NotFoundError(`There is no recommendation ${recommendationId}`);
    }
    const ids = await insertNewActions(em, deps, caller, rec, inputs);
    await new AuditRepository(em).append({
      actorId: caller.id,
      action: 'action.created',
      entityType: 'recommendation',
      entityId: String(rec.id),
      detail: { actionIds: ids },
    });
    return rec.planId;
  });
  return getPlan(deps, caller, planId);
}
