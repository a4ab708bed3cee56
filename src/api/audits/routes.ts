import type { AuditService } from '../../domain/audits/audit-service';
import type { ApiContext } from '../context';
import { parseWith, route, sendJson, type AppRequest } from '../http';
import { callerOf, requireRole } from '../middleware/auth';
import { IdParam } from '../focus-groups/schema';
import { presentAudit, presentAuditSummary, presentCase } from './presenter';
import { ActionPlanSchema, AddCaseSchema, CreateAuditSchema, UpdateAuditSchema, UpdateCaseSchema } from './schema';

function param(req: AppRequest, name: string, what: string): number {
  return parseWith(IdParam, (req.params as Record<string, unknown>)[name], what);
}

/**
 * Themed audits, business unit only: `GET|POST /api/audits`, `GET|PATCH /api/audits/{id}`,
 * `POST /api/audits/{id}/cases`, `PATCH /api/audits/{id}/cases/{caseId}` (grades and findings),
 * `POST /api/audits/{id}/action-plan` (findings into an action plan).
 */
export function registerAuditRoutes(ctx: ApiContext, audits: AuditService, now: () => Date): void {
  const { server, log, auth } = ctx;
  const businessUnit = requireRole('business_unit');

  server.get(
    '/api/audits',
    route(log, auth, businessUnit, async (_req, res) => {
      sendJson(res, 200, { audits: (await audits.list()).map(presentAuditSummary) });
    })
  );
  server.post(
    '/api/audits',
    route(log, auth, businessUnit, async (req, res) => {
      const body = parseWith(CreateAuditSchema, req.body, 'audit');
      sendJson(res, 201, { id: await audits.create(callerOf(req), body) });
    })
  );
  server.get(
    '/api/audits/:id',
    route(log, auth, businessUnit, async (req, res) => {
      sendJson(res, 200, presentAudit(await audits.get(param(req, 'id', 'audit id')), now()));
    })
  );
  server.patch(
    '/api/audits/:id',
    route(log, auth, businessUnit, async (req, res) => {
      const id = param(req, 'id', 'audit id');
      await audits.update(callerOf(req), id, parseWith(UpdateAuditSchema, req.body, 'audit change'));
      sendJson(res, 200, presentAudit(await audits.get(id), now()));
    })
  );
  server.post(
    '/api/audits/:id/cases',
    route(log, auth, businessUnit, async (req, res) => {
      const id = param(req, 'id', 'audit id');
      const { caseRef, ...findings } = parseWith(AddCaseSchema, req.body, 'case');
      const row = await audits.addCase(callerOf(req), id, caseRef, findings);
      sendJson(res, 201, presentCase(row));
    })
  );
  server.patch(
    '/api/audits/:id/cases/:caseId',
    route(log, auth, businessUnit, async (req, res) => {
      const id = param(req, 'id', 'audit id');
      const caseId = param(req, 'caseId', 'case id');
      const findings = parseWith(UpdateCaseSchema, req.body, 'case findings');
      sendJson(res, 200, presentCase(await audits.updateCase(callerOf(req), id, caseId, findings)));
    })
  );
  server.post(
    '/api/audits/:id/action-plan',
    route(log, auth, businessUnit, async (req, res) => {
      const id = param(req, 'id', 'audit id');
      const body = parseWith(ActionPlanSchema, req.body ?? {}, 'action plan');
      const result = await audits.createActionPlan(callerOf(req), id, body);
      sendJson(res, result.created ? 201 : 200, { actionPlanId: result.planId, created: result.created });
    })
  );
}
