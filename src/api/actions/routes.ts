import { actionFacets } from '../../domain/actions/list-plans';
import { exportActions } from '../../domain/actions/export-actions';
import { getAction, getActionHistory } from '../../domain/actions/get-action';
import { listActions } from '../../domain/actions/list-actions';
import { todayOf, type TrackerDeps } from '../../domain/actions/tracker-deps';
import { updateAction } from '../../domain/actions/update-action';
import type { ApiContext } from '../context';
import { parseWith, route, sendJson } from '../http';
import { callerOf, requireRole } from '../middleware/auth';
import { toCsv, toXlsx } from './export';
import {
  ActionExportQuerySchema,
  ActionPatchSchema,
  ActionQuerySchema,
  IdParamSchema,
  queryObject,
  toActionQuery,
} from './schema';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The tracker's action routes. Everyone signed in reads; the business unit, the board and agency
 * leads (their own agency's actions) change; exports are for the business unit, the board and
 * agency leads.
 * - `GET /api/actions` list + counts + cursor; `GET /api/actions/facets` filter options
 * - `GET /api/actions/export?format=csv|xlsx` the filtered list as a file
 * - `GET /api/actions/{id}`, `PATCH /api/actions/{id}`, `GET /api/actions/{id}/history`
 */
export function registerActionRoutes(ctx: ApiContext, deps: TrackerDeps): void {
  const { server, log, auth } = ctx;
  server.get(
    '/api/actions',
    route(log, auth, async (req, res) => {
      const query = parseWith(ActionQuerySchema, queryObject(req.url), 'query');
      sendJson(res, 200, await listActions(deps, callerOf(req), toActionQuery(query)));
    })
  );
  server.get(
    '/api/actions/facets',
    route(log, auth, async (_req, res) => {
      sendJson(res, 200, await actionFacets(deps));
    })
  );
  server.get(
    '/api/actions/export',
    route(log, auth, requireRole('business_unit', 'board', 'agency_lead'), async (req, res) => {
      const query = parseWith(ActionExportQuerySchema, queryObject(req.url), 'query');
      const { rows } = await exportActions(deps, callerOf(req), toActionQuery(query));
      const name = `actions-${todayOf(deps)}.${query.format}`;
      const body = query.format === 'csv' ? toCsv(rows) : await toXlsx(rows, 'Action tracker');
      res.status(200);
      res.setHeader('content-type', query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
      res.setHeader('content-disposition', `attachment; filename="${name}"`);
      res.setHeader('cache-control', 'no-store');
      res.end(body);
    })
  );
  server.get(
    '/api/actions/:id',
    route(log, auth, async (req, res) => {
      const { id } = parseWith(IdParamSchema, req.params, 'action id');
      sendJson(res, 200, await getAction(deps, callerOf(req), id));
    })
  );
  server.get(
    '/api/actions/:id/history',
    route(log, auth, async (req, res) => {
      const { id } = parseWith(IdParamSchema, req.params, 'action id');
      sendJson(res, 200, await getActionHistory(deps, callerOf(req), id));
    })
  );
  server.patch(
    '/api/actions/:id',
    route(log, auth, requireRole('business_unit', 'board', 'agency_lead'), async (req, res) => {
      const { id } = parseWith(IdParamSchema, req.params, 'action id');
      const { version, ...change } = parseWith(ActionPatchSchema, req.body, 'change');
      sendJson(res, 200, await updateAction(deps, callerOf(req), id, version, change));
    })
  );
}
