import { addActions } from '../../domain/actions/add-actions';
import { addRecommendation, createPlan } from '../../domain/actions/create-plan';
import { getPlan, listPlans } from '../../domain/actions/list-plans';
import type { TrackerDeps } from '../../domain/actions/tracker-deps';
import type { ApiContext } from '../context';
import { parseWith, route, sendJson } from '../http';
import { callerOf, requireRole } from '../middleware/auth';
import { IdParamSchema } from '../actions/schema';
import { NewActionsSchema, NewPlanSchema, NewRecommendationSchema } from './schema';

/**
 * Action plans: everyone signed in reads; the business unit creates plans, recommendations and
 * actions.
 * - `GET /api/plans`, `GET /api/plans/{id}`
 * - `POST /api/plans` (with `recommendations[].actions[]`), `POST /api/plans/{id}/recommendations`,
 *   `POST /api/recommendations/{id}/actions`
 */
export function registerPlanRoutes(ctx: ApiContext, deps: TrackerDeps): void {
  const { server, log, auth } = ctx;
  const businessUnit = requireRole('business_unit');
  server.get(
    '/api/plans',
    route(log, auth, async (req, res) => {
      sendJson(res, 200, { items: await listPlans(deps, callerOf(req)) });
    })
  );
  server.get(
    '/api/plans/:id',
    route(log, auth, async (req, res) => {
      const { id } = parseWith(IdParamSchema, req.params, 'plan id');
      sendJson(res, 200, await getPlan(deps, callerOf(req), id));
    })
  );
  server.post(
    '/api/plans',
    route(log, auth, businessUnit, async (req, res) => {
      const body = parseWith(NewPlanSchema, req.body, 'plan');
      sendJson(res, 201, await createPlan(deps, callerOf(req), body));
    })
  );
  server.post(
    '/api/plans/:id/recommendations',
    route(log, auth, businessUnit, async (req, res) => {
      const { id } = parseWith(IdParamSchema, req.params, 'plan id');
      const body = parseWith(NewRecommendationSchema, req.body, 'recommendation');
      sendJson(res, 201, await addRecommendation(deps, callerOf(req), id, body));
    })
  );
  server.post(
    '/api/recommendations/:id/actions',
    route(log, auth, businessUnit, async (req, res) => {
      const { id } = parseWith(IdParamSchema, req.params, 'recommendation id');
      const body = parseWith(NewActionsSchema, req.body, 'actions');
      sendJson(res, 201, await addActions(deps, callerOf(req), id, body.actions));
    })
  );
}
