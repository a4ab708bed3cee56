import { presentMe } from '../../domain/caller';
import type { ApiContext } from '../context';
import { route, sendJson } from '../http';
import { callerOf } from '../middleware/auth';

/** `GET /api/me`: the caller's id, name, agency and roles. */
export function registerMeRoutes(ctx: ApiContext): void {
  ctx.server.get(
    '/api/me',
    route(ctx.log, ctx.auth, async (req, res) => {
      sendJson(res, 200, presentMe(callerOf(req)));
    })
  );
}
