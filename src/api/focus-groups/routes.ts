import type { FocusGroupService } from '../../domain/focus-groups/service';
import type { SessionChanges } from '../../domain/focus-groups/manage-sessions';
import type { ApiContext } from '../context';
import { parseWith, route, sendJson, type AppRequest } from '../http';
import { callerOf, requireRole } from '../middleware/auth';
import { presentFocusGroup, presentSessionView, presentSignUp, presentSignup } from './presenter';
import {
  CreateFocusGroupSchema,
  IdempotencyKey,
  IdParam,
  SignUpSchema,
  UpdateFocusGroupSchema,
  type UpdateFocusGroupReq,
} from './schema';

function idOf(req: AppRequest): number {
  return parseWith(IdParam, (req.params as Record<string, unknown>).id, 'focus group id');
}

/**
 * Focus-group sessions. Any signed-in user: `GET /api/focus-groups` (open sessions they may join,
 * soonest first), `GET /api/focus-groups/{id}`, `POST /api/focus-groups/{id}/signups`,
 * `DELETE /api/focus-groups/{id}/signups/me`. Business unit: `POST /api/focus-groups`,
 * `PATCH /api/focus-groups/{id}`, `GET /api/focus-groups/{id}/signups`.
 */
export function registerFocusGroupRoutes(ctx: ApiContext, focusGroups: FocusGroupService): void {
  const { server, log, auth } = ctx;
  const businessUnit = requireRole('business_unit');

  server.get(
    '/api/focus-groups',
    route(log, auth, async (req, res) => {
      const sessions = await focusGroups.listJoinable(callerOf(req));
      sendJson(res, 200, { focusGroups: sessions.map(presentSessionView) });
    })
  );
  server.get(
    '/api/focus-groups/:id',
    route(log, auth, async (req, res) => {
      sendJson(res, 200, presentSessionView(await focusGroups.get(callerOf(req), idOf(req))));
    })
  );
  server.post(
    '/api/focus-groups/:id/signups',
    route(log, auth, async (req, res) => {
      const id = idOf(req);
      const body = parseWith(SignUpSchema, req.body ?? {}, 'sign-up');
      const header = req.headers['idempotency-key'];
      const requestKey = header === undefined ? null : parseWith(IdempotencyKey, header, 'Idempotency-Key header');
      const outcome = await focusGroups.signUp(callerOf(req), {
        focusGroupId: id,
        role: body.role,
        agency: body.agency,
        accessNeeds: body.accessNeeds ?? null,
        requestKey,
      });
      sendJson(res, outcome.replayed ? 200 : 201, presentSignUp(outcome));
    })
  );
  server.del(
    '/api/focus-groups/:id/signups/me',
    route(log, auth, async (req, res) => {
      const outcome = await focusGroups.cancel(callerOf(req), idOf(req));
      sendJson(res, 200, { status: 'cancelled', was: outcome.was, seatPassedOn: outcome.promoted.length > 0 });
    })
  );
  server.get(
    '/api/focus-groups/:id/signups',
    route(log, auth, businessUnit, async (req, res) => {
      const signups = await focusGroups.signups(idOf(req));
      sendJson(res, 200, { signups: signups.map(presentSignup) });
    })
  );
  server.post(
    '/api/focus-groups',
    route(log, auth, businessUnit, async (req, res) => {
      const body = parseWith(CreateFocusGroupSchema, req.body, 'focus group');
      const id = await focusGroups.create(callerOf(req), body);
      sendJson(res, 201, { id });
    })
  );
  server.patch(
    '/api/focus-groups/:id',
    route(log, auth, businessUnit, async (req, res) => {
      const id = idOf(req);
      const body = parseWith(UpdateFocusGroupSchema, req.body, 'focus group change');
      await focusGroups.update(callerOf(req), id, toChanges(body));
      const { group, waitlistLength } = await focusGroups.getForBusinessUnit(id);
      sendJson(res, 200, presentFocusGroup(group, waitlistLength, focusGroups.now()));
    })
  );
}

function toChanges(body: UpdateFocusGroupReq): SessionChanges {
  const { open, ...rest } = body;
  return open === undefined ? rest : { ...rest, status: open ? 'open' : 'closed' };
}
