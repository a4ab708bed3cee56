import type { DevTokenIssuer } from '../../auth/dev-token-issuer';
import type { DevUserDto } from '../../contracts/identity';
import type { Caller } from '../../domain/caller';
import { NotFoundError, ValidationError } from '../../errors';
import type { ApiContext } from '../context';
import { parseWith, route, sendJson } from '../http';
import { DevTokenSchema } from './schema';

function presentDevUser(c: Caller): DevUserDto {
  return { id: c.id, name: c.name, agency: c.agency?.code ?? null, roles: c.roles };
}

/**
 * Dev-mode sign-in: `GET /dev/users` lists sample users, `POST /dev/token` signs a token for one
 * (creating it first when `name` and `roles` describe a new one). Both are 404 outside dev mode.
 */
export function registerDevRoutes(ctx: ApiContext, issuer: DevTokenIssuer | null): void {
  const notInDevMode = async () => {
    if (!issuer) {
      throw new NotFoundError();
    }
  };
  ctx.server.get(
    '/dev/users',
    route(ctx.log, notInDevMode, async (_req, res) => {
      const users = await ctx.identity.listCallers();
      sendJson(res, 200, { users: users.map(presentDevUser) });
    })
  );
  ctx.server.post(
    '/dev/token',
    route(ctx.log, notInDevMode, async (req, res) => {
      const body = parseWith(DevTokenSchema, req.body);
      let user = await ctx.identity.resolve(body.userId, body.userId);
      if (user.personId === null) {
        if (!body.name || !body.roles) {
          throw new ValidationError('Unknown user: give name and roles (and agency) to create one');
        }
        user = await ctx.identity.createSampleUser({
          id: body.userId,
          name: body.name,
          agency: body.agency ?? null,
          roles: body.roles,
        });
      }
      const token = await (issuer as DevTokenIssuer).sign({ id: user.id, name: user.name });
      sendJson(res, 200, { token, user: presentDevUser(user) });
    })
  );
}
