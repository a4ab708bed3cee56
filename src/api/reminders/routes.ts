import type { ReminderListDto } from '../../contracts/reminders';
import { listReminders, retryReminder } from '../../domain/reminders';
import type { ApiContext } from '../context';
import { parseWith, route, sendJson } from '../http';
import { requireRole } from '../middleware/auth';
import { installHelp, presentReminder } from './presenter';
import { queryOf, ReminderIdParamSchema, ReminderListQuerySchema } from './schema';

/**
 * Reminder routes for the business unit:
 * - `GET /api/reminders?status=undeliverable&limit=100` reminders by status (default: the ones the
 *   bot could not deliver because the person or channel does not have the app), with install help
 * - `POST /api/reminders/{id}/retry` send an undeliverable or failed reminder again
 * @param teamsAppId the Teams app id for the install link, when configured
 */
export function registerReminderRoutes(ctx: ApiContext, teamsAppId?: string): void {
  const { server, log, auth, db } = ctx;
  server.get(
    '/api/reminders',
    route(log, auth, requireRole('business_unit'), async (req, res) => {
      const query = parseWith(ReminderListQuerySchema, queryOf(req.url), 'query');
      const { items, total } = await listReminders(db, query.status, query.limit);
      const body: ReminderListDto = { items: items.map(presentReminder), total, installHelp: installHelp(teamsAppId) };
      sendJson(res, 200, body);
    })
  );
  server.post(
    '/api/reminders/:id/retry',
    route(log, auth, requireRole('business_unit'), async (req, res) => {
      const { id } = parseWith(ReminderIdParamSchema, req.params, 'path');
      await retryReminder(db, id);
      sendJson(res, 202, { id, status: 'pending' });
    })
  );
}
