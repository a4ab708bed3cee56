import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import type { DataSource } from 'typeorm';

import { ConversationRef, Reminder } from '../../src/data/entities';
import type { ConnectorCall } from './fake-connector';

const ROOT = path.resolve(__dirname, '../..');

/** Worker settings that make a test run finish in seconds (limits far above Teams'). */
export const FAST_REMINDERS: Record<string, string> = {
  REMINDER_POLL_MS: '50',
  REMINDER_BATCH_SIZE: '100',
  REMINDER_LEASE_MS: '30000',
  REMINDER_SEND_TIMEOUT_MS: '10000',
  REMINDER_RETRY_BASE_MS: '100',
  REMINDER_RETRY_MAX_MS: '2000',
  REMINDER_LIMIT_PER_CONVERSATION: '1000/1s',
  REMINDER_LIMIT_PER_TENANT: '5000/1s',
};

/** @returns the personal conversation id the helpers give a user */
export const personalConversationId = (aad: string) => `a:personal-${aad}`;

/**
 * Stores personal-chat conversation references, as the bot does when someone messages it.
 * @param serviceUrl the connector stand-in's URL
 */
export async function storePersonalRefs(db: DataSource, aads: string[], serviceUrl: string): Promise<void> {
  const rows = aads.map((aad) => ({
    conversationId: personalConversationId(aad),
    conversationType: 'personal',
    aadObjectId: aad,
    tenantId: 'tenant-1',
    serviceUrl,
    referenceJson: JSON.stringify({
      activityId: `msg-${aad}`,
      user: { id: `29:${aad}`, name: 'Test User', aadObjectId: aad },
      bot: { id: '28:bot', name: 'Safeguarding Learning' },
      conversation: { id: personalConversationId(aad), conversationType: 'personal', tenantId: 'tenant-1' },
      channelId: 'msteams',
      locale: 'en-GB',
      serviceUrl,
    }),
    updatedAt: new Date(),
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await db.getRepository(ConversationRef).insert(rows.slice(i, i + 200));
  }
}

/**
 * Inserts due reminders straight into the table: reminder `i` goes to `aads[i % aads.length]` and
 * its headline (the activity's `summary`) is `R-<i>`, so the stand-in can count each one.
 */
export async function insertDueReminders(
  db: DataSource,
  count: number,
  aads: string[],
  opts: { kind?: string; dueAt?: Date; prefix?: string } = {}
): Promise<void> {
  const dueAt = opts.dueAt ?? new Date(Date.now() - 60_000);
  const prefix = opts.prefix ?? 'R';
  const rows = Array.from({ length: count }, (_, i) => ({
    kind: opts.kind ?? 'action_target',
    recipientAad: aads[i % aads.length],
    recipientConversationId: null,
    subjectType: 'action',
    subjectId: String(i),
    dueAt,
    payload: { reference: `ACT-${i}`, title: 'Update the action plan', headline: `${prefix}-${i}` },
    dedupeKey: `test:${prefix}:${i}`,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: dueAt,
    leaseOwner: null,
    leaseUntil: null,
    sentAt: null,
    lastError: null,
    createdAt: new Date(),
  }));
  for (let i = 0; i < rows.length; i += 100) {
    await db.getRepository(Reminder).insert(rows.slice(i, i + 100));
  }
}

/** @returns how many times each headline arrived at the stand-in */
export function deliveries(calls: ConnectorCall[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const c of calls) {
    const key = String(c.activity.summary);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return seen;
}

/** @returns rows per status */
export async function statusCounts(db: DataSource): Promise<Record<string, number>> {
  const rows = (await db.query('SELECT status, COUNT(*) AS n FROM reminders GROUP BY status')) as { status: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Polls until `check` is true (bounded). */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A server child process (`node --import tsx src/index.ts`). */
export type ServerProcess = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };

/**
 * Spawns the real server as a child process and waits for its "server started" line.
 * @param env variables on top of PATH, HOST=127.0.0.1, PORT=0, LOG_LEVEL=info
 */
export async function spawnServer(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    const url = /"msg":"server started".*?"url":"([^"]+)"/.exec(out)?.[1] ?? /"url":"([^"]+)".*"msg":"server started"/.exec(out)?.[1];
    if (url) {
      return { child, url, output: () => out, exited };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${out}`);
}
