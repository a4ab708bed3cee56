import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { loadConfig } from '../src/config/env';
import { openDatabase } from '../src/data/data-source';
import { ConversationRef, Reminder } from '../src/data/entities';
import { startApp } from '../src/index';
import { round, type BenchResult } from './lib';

type Scenario = { name: string; count: number; tenantLimit: number; latencyMs: number };
type Figures = {
  delivered: number;
  duplicates: number;
  lost: number;
  perSecond: number;
  maxInAnySecond: number;
  spanMs: number;
};

/** A Bot Connector stand-in that answers after a delay and notes what arrived, and when. */
async function startStandIn(latencyMs: number) {
  const arrivals: { summary: string; at: number }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      let summary = '';
      try {
        summary = String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { summary?: unknown }).summary);
      } catch {
        summary = '?';
      }
      arrivals.push({ summary, at });
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(`{"id":"a-${arrivals.length}"}`);
      }, latencyMs);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Stores one personal conversation per person and one due reminder each (headline `B-<i>`). */
async function seed(dbPath: string, count: number, serviceUrl: string): Promise<void> {
  const db = await openDatabase({ type: 'sqlite', path: dbPath });
  const due = new Date(Date.now() - 60_000);
  try {
    for (let i = 0; i < count; i += 200) {
      const ids = Array.from({ length: Math.min(200, count - i) }, (_, k) => i + k);
      await db.getRepository(ConversationRef).insert(
        ids.map((n) => ({
          conversationId: `a:bench-${n}`,
          conversationType: 'personal',
          aadObjectId: `bench-user-${n}`,
          tenantId: 'bench-tenant',
          serviceUrl,
          referenceJson: JSON.stringify({
            user: { id: `29:bench-${n}`, aadObjectId: `bench-user-${n}` },
            bot: { id: '28:bot', name: 'Safeguarding Learning' },
            conversation: { id: `a:bench-${n}`, conversationType: 'personal', tenantId: 'bench-tenant' },
            channelId: 'msteams',
            serviceUrl,
          }),
          updatedAt: new Date(),
        }))
      );
      await db.getRepository(Reminder).insert(
        ids.map((n) => ({
          kind: 'action_target',
          recipientAad: `bench-user-${n}`,
          recipientConversationId: null,
          subjectType: 'action',
          subjectId: String(n),
          dueAt: due,
          nextAttemptAt: due,
          payload: { reference: `ACT-${n}`, title: 'Update the action plan', headline: `B-${n}` },
          dedupeKey: `bench:${n}`,
          status: 'pending',
          attempts: 0,
          leaseOwner: null,
          leaseUntil: null,
          sentAt: null,
          lastError: null,
          createdAt: new Date(),
        }))
      );
    }
  } finally {
    await db.destroy();
  }
}

function maxInWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= windowMs) {
      j++;
    }
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Runs the real app (worker, bot sender, SQLite) against the stand-in until every reminder arrived. */
async function runScenario(s: Scenario): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-bench-rem-'));
  const dbPath = path.join(dir, 'rem.sqlite');
  const standIn = await startStandIn(s.latencyMs);
  await seed(dbPath, s.count, standIn.url);
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DB_PATH: dbPath,
    DB_SEED_SAMPLE_DATA: 'false',
    GRAPH_LOCAL_STANDIN: 'false',
    REMINDER_POLL_MS: '50',
    REMINDER_BATCH_SIZE: '200',
    REMINDER_LIMIT_PER_TENANT: `${s.tenantLimit}/1s`,
  });
  const app = await startApp(config);
  try {
    const deadline = Date.now() + 10 * 60_000;
    while (new Set(standIn.arrivals.map((a) => a.summary)).size < s.count && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    await app.stop();
    await standIn.close();
  }
  const times = standIn.arrivals.map((a) => a.at).sort((a, b) => a - b);
  const unique = new Set(standIn.arrivals.map((a) => a.summary)).size;
  const spanMs = times.length > 0 ? times[times.length - 1] - times[0] : 0;
  return {
    delivered: unique,
    duplicates: standIn.arrivals.length - unique,
    lost: s.count - unique,
    // A sender at the limit delivers `limit` per window: count the span plus the last window.
    perSecond: round(unique / ((spanMs + 1000) / 1000), 1),
    maxInAnySecond: maxInWindow(times, 1000),
    spanMs: round(spanMs, 0),
  };
}

/**
 * `reminders.delivery`: due reminders (one per person, so the per-conversation limits do not
 * bind) delivered by the real worker and bot sender to a Bot Connector stand-in, with a configured
 * per-tenant limit: delivered per second as a fraction of that limit, plus duplicates, lost and
 * the most requests the stand-in saw in any one second. The first scenario uses Teams' documented
 * 30 per second; the second a raised limit, to show the headroom of the sending path.
 * @param opts quick: fewer reminders
 * @returns the figures (also printed)
 */
export async function runRemindersBench(opts: { quick: boolean }): Promise<BenchResult[]> {
  const scenarios: Scenario[] = [
    { name: 'delivery', count: opts.quick ? 300 : 900, tenantLimit: 30, latencyMs: 20 },
    { name: 'delivery_raised_limit', count: opts.quick ? 1000 : 3000, tenantLimit: 300, latencyMs: 20 },
  ];
  const results: BenchResult[] = [];
  for (const s of scenarios) {
    const f = await runScenario(s);
    const line = { scenario: s.name, reminders: s.count, limit_per_s: s.tenantLimit, latencyMs: s.latencyMs, ...f };
    process.stdout.write(`reminders ${JSON.stringify(line)}\n`);
    results.push({
      name: `reminders.${s.name}`,
      figure: f.perSecond,
      unit: 'delivered/s',
      baseline: s.tenantLimit,
      ratio: round(f.perSecond / s.tenantLimit, 3),
      baseline_what: 'configured per-tenant limit (reminders/s)',
      ...line,
    });
  }
  return results;
}

if (require.main === module) {
  runRemindersBench({ quick: process.argv.includes('--quick') }).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
