/**
 * Tracker benchmark: 20,000 actions / 200 plans / 40 agencies in a real SQLite file, the real
 * server on 127.0.0.1, and
 * - `api.tracker_list`: `GET /api/actions` filtered (one agency, red + amber) with counts, first
 *   page of 50, at 10 connections, against a bare restify route on the same server that runs the
 *   same query hand-written as prepared better-sqlite3 statements and returns the same JSON
 *   (the floor of this query on this stack; the figure is the ratio of throughputs);
 * - `tab.tracker_tti`: time from navigation to the first action rows rendered in headless Chromium.
 *
 * Run alone with `npx tsx bench/tracker.ts [--quick]`; `runTrackerBench` is what `npm run bench` calls.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import type { Request, Response } from 'restify';

import { loadConfig } from '../src/config/env';
import { bulkSeedActions } from '../src/data/seed/action-plans';
import { dateInZone } from '../src/domain/actions/rag-rule';
import { startApp, type RunningApp } from '../src/index';
import { load, machineInfo, round, type BenchResult, type LoadFigures } from './lib';

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const ACTIONS = 20_000;
const PLANS = 200;
const AGENCIES = 40;
const CONNECTIONS = 10;
const QUERY = { agency: 'BULK-07', statuses: ['red', 'amber'], limit: 50 };

type RawRow = Record<string, string | number | null>;

const iso = (v: string | number | null) => (v === null ? null : new Date(`${String(v).replace(' ', 'T')}Z`).toISOString());

/**
 * Mounts `GET /bench/raw-actions` on the app's server: the list query of `GET /api/actions` for
 * QUERY (overdue first, then due date, then id), hand-written with prepared statements on a
 * read-only better-sqlite3 connection to the same file, answering the same JSON as the board sees.
 * @returns the route's URL and a closer for the connection
 */
function mountRawRoute(app: RunningApp, dbPath: string): { url: string; close: () => void } {
  const db = new Database(dbPath, { readonly: true });
  db.pragma('busy_timeout = 5000');
  const agencyId = db.prepare('SELECT id FROM agencies WHERE code = ?').pluck();
  const page = db.prepare(`
    SELECT a.id, a.version, a.plan_id, p.title AS plan_title, p.source_type, p.source_ref, a.recommendation_id,
           a.lead_agency_id, g.code AS agency_code, g.name AS agency_name, a.owner_person_id, o.display_name AS owner_name,
           a.description, a.target_date, a.revised_target_date, a.due_date, a.status, a.rule_status, a.override_status,
           a.last_progress_at, a.completion_proposed_at, a.signed_off_at, a.updated_at,
           CASE WHEN a.status <> 'complete' AND a.due_date < @today THEN 0 ELSE 1 END AS k0
      FROM actions a
      JOIN action_plans p ON p.id = a.plan_id
      JOIN agencies g ON g.id = a.lead_agency_id
      LEFT JOIN people o ON o.id = a.owner_person_id
     WHERE a.lead_agency_id = @agency AND a.status IN (@s1, @s2)
     ORDER BY k0, a.due_date, a.id
     LIMIT @limit`);
  const counts = db.prepare(`
    SELECT a.status, COUNT(*) AS n, SUM(CASE WHEN a.status <> 'complete' AND a.due_date < @today THEN 1 ELSE 0 END) AS overdue
      FROM actions a WHERE a.lead_agency_id = @agency AND a.status IN (@s1, @s2) GROUP BY a.status`);
  app.server.get('/bench/raw-actions', (_req: Request, res: Response, next: () => void) => {
    const today = dateInZone(new Date(), 'Europe/London');
    const params = { today, agency: agencyId.get(QUERY.agency) as number, s1: QUERY.statuses[0], s2: QUERY.statuses[1], limit: QUERY.limit + 1 };
    const rows = page.all(params) as RawRow[];
    const c = { red: 0, amber: 0, green: 0, complete: 0, total: 0, overdue: 0 } as Record<string, number>;
    for (const r of counts.all(params) as RawRow[]) {
      c[String(r.status)] += Number(r.n);
      c.total += Number(r.n);
      c.overdue += Number(r.overdue);
    }
    const items = rows.slice(0, QUERY.limit).map((r) => ({
      id: r.id,
      version: r.version,
      plan: { id: r.plan_id, title: r.plan_title, sourceType: r.source_type, sourceRef: r.source_ref },
      recommendationId: r.recommendation_id,
      leadAgency: { id: r.lead_agency_id, code: r.agency_code, name: r.agency_name },
      owner: r.owner_person_id === null ? null : { id: r.owner_person_id, name: r.owner_name },
      description: r.description,
      targetDate: r.target_date,
      revisedTargetDate: r.revised_target_date,
      dueDate: r.due_date,
      status: r.status,
      ruleStatus: r.rule_status,
      overrideStatus: r.override_status,
      overdue: r.k0 === 0,
      lastProgressAt: iso(r.last_progress_at),
      completionProposedAt: iso(r.completion_proposed_at),
      signedOffAt: iso(r.signed_off_at),
      updatedAt: iso(r.updated_at),
      canEdit: true,
    }));
    const last = rows[QUERY.limit - 1];
    const nextCursor =
      rows.length > QUERY.limit && last
        ? Buffer.from(JSON.stringify({ o: `none:overdue@${today}`, v: [last.k0, last.due_date, last.id] })).toString('base64url')
        : null;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.status(200);
    res.end(JSON.stringify({ items, counts: c, nextCursor }));
    next();
  });
  return { url: `${app.url}/bench/raw-actions`, close: () => db.close() };
}

/** @returns a dev-mode token for a board member created for the benchmark */
async function boardToken(app: RunningApp): Promise<string> {
  const res = await fetch(`${app.url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'bench-board', name: 'Bench Board', agency: null, roles: ['board'] }),
  });
  if (!res.ok) {
    throw new Error(`dev token failed: ${res.status}`);
  }
  return ((await res.json()) as { token: string }).token;
}

/**
 * Loads the tracker tab `runs` times in headless Chromium (signed in through the dev token in
 * session storage) and measures, inside the page, the time from navigation start to the first
 * action rows in the table: the page is interactive then (React attaches handlers as it renders).
 * @returns the times in ms, sorted
 */
async function measureTti(url: string, token: string, runs: number): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-bench-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (r) => r.abort());
  // A string, not a function: tsx (esbuild keepNames) would wrap named functions in a helper that
  // does not exist in the page.
  await context.addInitScript({
    content: `if (location.protocol.startsWith('http')) {
      sessionStorage.setItem('sl.devToken', ${JSON.stringify(token)});
      new MutationObserver(function () {
        if (!window.__tti && document.querySelector('[data-action-id]')) { window.__tti = performance.now(); }
      }).observe(document, { childList: true, subtree: true });
    }`,
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const page = await context.newPage();
      await page.goto(`${url}/tabs/?page=tracker`);
      await page
        .waitForFunction(() => (window as unknown as { __tti?: number }).__tti !== undefined, undefined, { timeout: 30_000 })
        .catch(async (err: unknown) => {
          throw new Error(`the tracker did not show rows: ${(await page.locator('body').innerText()).slice(0, 300)}`, { cause: err });
        });
      const tti = await page.evaluate(() => (window as unknown as { __tti: number }).__tti);
      await page.close();
      if (i > 0) {
        times.push(round(tti, 1));
      }
    }
  } finally {
    await context.close();
  }
  return times.sort((a, b) => a - b);
}

/** @returns the runs as one: total throughput; each percentile the median of the runs' */
function combine(runs: LoadFigures[]): LoadFigures {
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  return {
    requests,
    rps: round(runs.reduce((n, r) => n + r.rps, 0) / runs.length, 1),
    p50: mid(runs.map((r) => r.p50)),
    p95: mid(runs.map((r) => r.p95)),
    p99: mid(runs.map((r) => r.p99)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

function figures(name: string, app: LoadFigures, raw: LoadFigures, extra: Record<string, unknown>): BenchResult {
  return {
    name,
    figure: app.rps,
    unit: 'requests/s',
    baseline: raw.rps,
    ratio: round(app.rps / raw.rps),
    p50: app.p50,
    p95: app.p95,
    p99: app.p99,
    baseline_p50: raw.p50,
    baseline_p95: raw.p95,
    baseline_p99: raw.p99,
    errors: app.errors + raw.errors,
    non2xx: app.non2xx + raw.non2xx,
    ...extra,
  };
}

/**
 * Runs the tracker benchmark on a fresh database in a temporary folder.
 * @param opts quick: shorter load runs and fewer page loads (a smoke run)
 * @returns `api.tracker_list` (throughput, ratio to the raw route, p50/p95/p99 ms) and
 *   `tab.tracker_tti` (median ms to the first rows)
 */
export async function runTrackerBench(opts: { quick: boolean }): Promise<BenchResult[]> {
  if (!fs.existsSync(path.join(ROOT, 'tabs', 'dist', 'index.html'))) {
    spawnSync(process.execPath, [path.join(ROOT, 'tabs', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-bench-tracker-'));
  const dbPath = path.join(dir, 'tracker.sqlite');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    DB_PATH: dbPath,
    DB_SEED_SAMPLE_DATA: 'false',
    RAG_RECOMPUTE_INTERVAL_MINUTES: '0',
  });
  const app = await startApp(config);
  const raw = mountRawRoute(app, dbPath);
  try {
    const seedStarted = process.hrtime.bigint();
    await bulkSeedActions(app.db, { actions: ACTIONS, plans: PLANS, agencies: AGENCIES, seed: 20_000 });
    const seedSeconds = round(Number(process.hrtime.bigint() - seedStarted) / 1e9, 2);
    const token = await boardToken(app);
    const apiUrl = `${app.url}/api/actions?agency=${QUERY.agency}&status=${QUERY.statuses.join(',')}&limit=${QUERY.limit}`;
    const headers = { authorization: `Bearer ${token}` };
    const [a, b] = await Promise.all([fetch(apiUrl, { headers }).then((r) => r.text()), fetch(raw.url).then((r) => r.text())]);
    const sameJson = a === b;
    const seconds = opts.quick ? 2 : 5;
    const rounds = opts.quick ? 2 : 4;
    await load({ url: apiUrl, connections: CONNECTIONS, seconds: 1, headers });
    await load({ url: raw.url, connections: CONNECTIONS, seconds: 1 });
    // Alternating short runs spread any change in machine load over both routes.
    const rawRuns: LoadFigures[] = [];
    const appRuns: LoadFigures[] = [];
    for (let i = 0; i < rounds; i++) {
      rawRuns.push(await load({ url: raw.url, connections: CONNECTIONS, seconds }));
      appRuns.push(await load({ url: apiUrl, connections: CONNECTIONS, seconds, headers }));
    }
    const rawFigures = combine(rawRuns);
    const appFigures = combine(appRuns);
    const tti = await measureTti(app.url, token, opts.quick ? 3 : 7);
    const list = figures('api.tracker_list', appFigures, rawFigures, {
      connections: CONNECTIONS,
      seconds: seconds * rounds,
      rounds,
      actions: ACTIONS,
      plans: PLANS,
      agencies: AGENCIES,
      query: 'agency (1 of 40) + status red,amber, first page of 50, with counts',
      same_json_as_baseline: sameJson,
      seed_s: seedSeconds,
      baseline_what: 'bare restify route, prepared better-sqlite3 statements, same JSON',
    });
    const median = tti[Math.floor(tti.length / 2)];
    return [
      list,
      { name: 'tab.tracker_tti', figure: median, unit: 'ms', p50: median, max: tti[tti.length - 1], runs: tti, target_ms: 1000 },
    ];
  } finally {
    raw.close();
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runTrackerBench({ quick: process.argv.includes('--quick') })
    .then((results) => {
      process.stdout.write(`${JSON.stringify({ machine: machineInfo(), results }, null, 2)}\n`);
      const [list, tti] = results;
      process.stdout.write(
        `\napi.tracker_list: ${list.figure} req/s (raw SQL ${list.baseline} req/s, ratio ${list.ratio}); ` +
          `p50/p95/p99 ${list.p50}/${list.p95}/${list.p99} ms (raw ${String(list.baseline_p50)}/${String(list.baseline_p95)}/${String(list.baseline_p99)} ms)\n` +
          `tab.tracker_tti: median ${tti.figure} ms over ${(tti.runs as number[]).length} loads\n`
      );
      process.exit(0);
    })
    .catch((err: unknown) => {
      process.stderr.write(`tracker bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
}
