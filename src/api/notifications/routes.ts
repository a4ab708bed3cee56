import { randomUUID } from 'node:crypto';

import { ROLES } from '../../contracts/identity';
import {
  createNotification,
  decideNotification,
  getNotification,
  listNotifications,
  NOTIFIER_ROLES,
  recommendOnly,
  REFERENCE_PATTERN,
  type NotificationDeps,
} from '../../domain/notifications';
import { NotFoundError } from '../../errors';
import type { ApiContext } from '../context';
import { parseWith, route, sendJson, type AppRequest } from '../http';
import { callerOf, requireRole } from '../middleware/auth';
import { presentList, presentNotification } from './presenter';
import { DecisionBodySchema, IdempotencyKeySchema, ListQuerySchema } from './schema';

/**
 * Case notifications: create (201), preview a recommendation (no write), list, read one, and the
 * business unit's decision.
 * @param ctx the API context
 * @param deps the notification use-cases' dependencies
 */
export function registerNotificationRoutes(ctx: ApiContext, deps: NotificationDeps): void {
  const { server, log, auth } = ctx;

  server.post(
    '/api/notifications',
    route(log, auth, requireRole(...NOTIFIER_ROLES), async (req, res) => {
      const caller = callerOf(req);
      const key = idempotencyKey(req);
      const result = await createNotification(deps, {
        caller,
        answers: req.body,
        idempotencyKey: key ? `api:${caller.id}:${key}` : `api:${caller.id}:${randomUUID()}`,
        source: 'api',
      });
      sendJson(res, result.created ? 201 : 200, presentNotification(result.notification));
    })
  );

  server.post(
    '/api/notifications/recommend',
    route(log, auth, requireRole(...NOTIFIER_ROLES), async (req, res) => {
      sendJson(res, 200, await recommendOnly(deps, { answers: req.body }));
    })
  );

  server.get(
    '/api/notifications',
    route(log, auth, requireRole(...ROLES), async (req, res) => {
      const params = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
      const query = parseWith(ListQuerySchema, params, 'query string');
      sendJson(res, 200, presentList(await listNotifications(deps, { caller: callerOf(req), status: query.status })));
    })
  );

  server.get(
    '/api/notifications/:reference',
    route(log, auth, requireRole(...ROLES), async (req, res) => {
      const record = await getNotification(deps, { caller: callerOf(req), reference: referenceOf(req) });
      sendJson(res, 200, presentNotification(record));
    })
  );

  server.post(
    '/api/notifications/:reference/decision',
    route(log, auth, requireRole('business_unit'), async (req, res) => {
      const reference = referenceOf(req);
      const { expectedVersion, ...decision } = parseWith(DecisionBodySchema, req.body, 'decision');
      const record = await decideNotification(deps, { caller: callerOf(req), reference, decision, expectedVersion });
      sendJson(res, 200, presentNotification(record));
    })
  );
}

/** @returns the reference in the path; anything not shaped like one is simply not found */
function referenceOf(req: AppRequest): string {
  const reference = String((req.params as Record<string, unknown> | undefined)?.reference ?? '');
  if (!REFERENCE_PATTERN.test(reference)) {
    throw new NotFoundError(`There is no notification ${reference.slice(0, 40)}`);
  }
  return reference;
}

function idempotencyKey(req: AppRequest): string | undefined {
  const header = req.headers['idempotency-key'];
  if (header === undefined) {
    return undefined;
  }
  return parseWith(IdempotencyKeySchema, Array.isArray(header) ? header[0] : header, 'Idempotency-Key header');
}
