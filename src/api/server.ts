import fs from 'node:fs';
import path from 'node:path';

import restify, { type Request, type Response, type Server } from 'restify';

import type { Logger } from '../logging/logger';
import { errorResponse, jsonBody } from './http';

/** Content Security Policy of the tab pages: only Teams and Microsoft 365 hosts may frame them. */
export const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  'frame-ancestors teams.microsoft.com *.teams.microsoft.com *.teams.microsoft.us local.teams.office.com *.office.com *.office365.com *.microsoft365.com *.cloud.microsoft outlook.office.com',
].join('; ');

/**
 * Creates the restify server with JSON body parsing, one log line per request, security headers
 * and JSON error answers for unknown routes and methods.
 * @param opts body size limit and the logger
 * @returns the server, with no routes yet
 */
export function createHttpServer(opts: { maxBodyBytes: number; log: Logger }): Server {
  const { log } = opts;
  const server = restify.createServer({ name: 'safeguarding-learning', handleUncaughtExceptions: false });
  server.pre((req: Request, res: Response, next) => {
    (req as Request & { startedAt?: bigint }).startedAt = process.hrtime.bigint();
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  });
  server.use(jsonBody(opts.maxBodyBytes, log));
  server.on('after', (req: Request & { startedAt?: bigint }, res: Response) => {
    const ms = req.startedAt ? Number(process.hrtime.bigint() - req.startedAt) / 1e6 : undefined;
    log.info('request', {
      method: req.method,
      route: req.getRoute?.()?.path ?? 'unmatched',
      status: res.statusCode,
      ms: ms === undefined ? undefined : Math.round(ms * 10) / 10,
    });
  });
  // restify sends its own errors (unknown route, wrong method, static file missing) after these
  // listeners; rewrite them into the API's error shape rather than answering twice.
  server.on('restifyError', (_req: Request, _res: Response, err: Error, cb: () => void) => {
    const { status, body } = errorResponse(err, log);
    Object.assign(err, { statusCode: status, toJSON: () => body });
    cb();
  });
  return server;
}

/**
 * Serves the built tab pages under `/tabs/` with the tab CSP, and redirects `/` to the tracker.
 * @param server the server
 * @param distDir the folder vite built the tabs into
 */
export function serveTabs(server: Server, distDir: string, log: Logger): void {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    log.warn('tab pages are not built: run `npm run build:tabs`', { distDir });
  }
  const files = restify.plugins.serveStaticFiles(distDir, {
    setHeaders: (res) => {
      res.setHeader('content-security-policy', TAB_CSP);
      res.setHeader('cache-control', 'no-cache');
    },
  });
  server.get('/tabs/*', files);
  server.get('/', (_req: Request, res: Response, next) => {
    res.redirect(302, '/tabs/', next);
  });
}
