import type { EntityManager } from 'typeorm';

import type { NewPlanDto, NewRecommendationDto, PlanDetailDto } from '../../contracts/actions';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { PlanRepository } from '../../data/repositories/plan.repository';
import { writeTransaction } from '../../data/write-transaction';
import { NotFoundError } from '../../errors';
import type { Caller } from '../caller';
import { assertCanManagePlans, insertNewActions } from './add-actions';
import { getPlan } from './list-plans';
import type { TrackerDeps } from './tracker-deps';

async function insertRecommendations(
  em: EntityManager,
  deps: TrackerDeps,
  caller: Caller,
  planId: number,
  firstOrder: number,
  recs: NewRecommendationDto[]
): Promise<void> {
  const repo = new PlanRepository(em);
  const ids = await repo.insertRecommendations(recs.map((r, i) => ({ planId, text: r.text.trim(), order: firstOrder + i })));
  for (const [i, rec] of recs.entries()) {
    await insertNewActions(em, deps, caller, { id: ids[i], planId }, rec.actions ?? []);
  }
}

/**
 * Creates an action plan with its recommendations and their actions (business unit only), in one
 * transaction with an audit entry.
 * @returns the new plan
 * @throws AuthorizationError, ValidationError (unknown agency or owner)
 */
export async function createPlan(deps: TrackerDeps, caller: Caller, input: NewPlanDto): Promise<PlanDetailDto> {
  assertCanManagePlans(caller);
  const planId = await writeTransaction(deps.db, async (em) => {
    const [id] = await new PlanRepository(em).insertPlans([
      {
        sourceType: input.sourceType,
        sourceRef: input.sourceRef.trim(),
        title: input.title.trim(),
        createdAt: deps.now(),
        createdBy: caller.id,
      },
    ]);
    await insertRecommendations(em, deps, caller, id, 1, input.recommendations ?? []);
    await new AuditRepository(em).append({
      actorId: caller.id,
      action: 'action_plan.created',
      entityType: 'action_plan',
      entityId: String(id),
      detail: { sourceType: input.sourceType, recommendations: input.recommendations?.length ?? 0 },
    });
    return id;
  });
  return getPlan(deps, caller, planId);
}

/**
 * Adds a recommendation (with optional actions) to a plan (business unit only).
 * @returns the plan after the change
 * @throws AuthorizationError, NotFoundError, ValidationError
 */
export async function addRecommendation(
  deps: TrackerDeps,
  caller: Caller,
  planId: number,
  input: NewRecommendationDto
): Promise<PlanDetailDto> {
  assertCanManagePlans(caller);
  await writeTransaction(deps.db, async (em) => {
    const repo = new PlanRepository(em);
    if (!(await repo.find(planId))) {
      throw new NotFoundError(`There is no action plan ${planId}`);
    }
    await insertRecommendations(em, deps, caller, planId, await repo.nextRecommendationOrder(planId), [input]);
    await new AuditRepository(em).append({
      actorId: caller.id,
      action: 'recommendation.created',
      entityType: 'action_plan',
      entityId: String(planId),
      detail: { actions: input.actions?.length ?? 0 },
    });
  });
  return getPlan(deps, caller, planId);
}
