import type { ApiContext } from '../context';
import { route, sendJson } from '../http';

/** `GET /healthz`: 200 with database status when the database answers, 503 otherwise. */
export function registerHealthRoutes(ctx: ApiContext): void {
  ctx.server.get(
    '/healthz',
    route(ctx.log, async (_req, res) => {
      let database: 'ok' | 'unavailable' = 'ok';
      try {
        await ctx.db.query('SELECT 1');
      } catch {
        database = 'unavailable';
      }
      sendJson(res, database === 'ok' ? 200 : 503, {
        status: database === 'ok' ? 'ok' : 'degraded',
        database,
        databaseType: ctx.config.db.type,
        devMode: ctx.config.devMode,
        uptimeSeconds: Math.round(process.uptime()),
      });
    })
  );
}
