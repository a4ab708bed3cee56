import type {
  ActionFacetsDto,
  PlanDetailDto,
  PlanSourceType,
  PlanSummaryDto,
} from '../../contracts/actions';
import { ACTION_STATUSES, PLAN_SOURCE_TYPES } from '../../contracts/actions';
import type { ActionPlan } from '../../data/entities/action-plan.entity';
import { PlanRepository, type PlanStatusCount } from '../../data/repositories/plan.repository';
import { NotFoundError } from '../../errors';
import type { Caller } from '../caller';
import { isoInstant } from './action-view';
import { toCounts } from './list-actions';
import { todayOf, type TrackerDeps } from './tracker-deps';

function summary(plan: ActionPlan, counts: PlanStatusCount[], recommendationCount: number): PlanSummaryDto {
  return {
    id: plan.id,
    sourceType: plan.sourceType as PlanSourceType,
    sourceRef: plan.sourceRef,
    title: plan.title,
    createdAt: isoInstant(plan.createdAt) ?? '',
    recommendationCount,
    counts: toCounts(counts.filter((c) => c.planId === plan.id)),
  };
}

/**
 * Every action plan, newest first, with its RAG counts (anyone signed in may read plans).
 * @returns the plans
 */
export async function listPlans(deps: TrackerDeps, _caller: Caller): Promise<PlanSummaryDto[]> {
  const repo = new PlanRepository(deps.db);
  const [plans, counts, recs] = [await repo.list(), await repo.statusCounts(todayOf(deps)), await repo.recommendationCounts()];
  return plans.map((p) => summary(p, counts, recs.get(p.id) ?? 0));
}

/**
 * One plan with its recommendations in order and the ids of their actions.
 * @throws NotFoundError when there is no such plan
 */
export async function getPlan(deps: TrackerDeps, _caller: Caller, id: number): Promise<PlanDetailDto> {
  const repo = new PlanRepository(deps.db);
  const plan = await repo.find(id);
  if (!plan) {
    throw new NotFoundError(`There is no action plan ${id}`);
  }
  const recs = await repo.recommendations([id]);
  const actions = await repo.actionIds([id]);
  return {
    ...summary(plan, await repo.statusCounts(todayOf(deps), [id]), recs.length),
    recommendations: recs.map((r) => ({
      id: r.id,
      text: r.text,
      order: r.order,
      actionIds: actions.filter((a) => a.recommendationId === r.id).map((a) => a.id),
    })),
  };
}

/** @returns what the tracker's filters offer: agencies, plans, sources and statuses */
export async function actionFacets(deps: TrackerDeps): Promise<ActionFacetsDto> {
  const repo = new PlanRepository(deps.db);
  const [agencies, plans] = [await repo.agencies(), await repo.list()];
  return {
    agencies: agencies.map((a) => ({ id: a.id, code: a.code, name: a.name })),
    plans: plans.map((p) => ({ id: p.id, title: p.title, sourceType: p.sourceType as PlanSourceType, sourceRef: p.sourceRef })),
    sources: [...PLAN_SOURCE_TYPES],
    statuses: [...ACTION_STATUSES],
  };
}
