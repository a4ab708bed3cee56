import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';

import { loadConfig } from '../../src/config/env';
import { startApp, type AppOverrides, type RunningApp } from '../../src/index';

/** A server started for a test, with its captured log lines. */
export type TestServer = RunningApp & {
  logs: string[];
  dbPath: string;
  /** fetch against the server with an optional bearer token and JSON body */
  request: (method: string, urlPath: string, opts?: RequestOpts) => Promise<TestResponse>;
};

export type RequestOpts = { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string };
export type TestResponse = { status: number; headers: Headers; body: any; text: string };

/** @returns a fresh temporary folder for a test's database */
export function tempDir(prefix = 'sl-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Starts the real app on an ephemeral loopback port with a real SQLite file.
 * @param env environment variables on top of the test defaults (dev mode unless bot/Entra settings given)
 * @param overrides app hooks (MSAL network client, …)
 */
export async function startTestServer(
  env: Record<string, string> = {},
  overrides: AppOverrides = {}
): Promise<TestServer> {
  const dbPath = env.DB_PATH ?? path.join(tempDir(), 'test.sqlite');
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk, _enc, cb) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'test', DB_PATH: dbPath, ...env });
  const app = await startApp(config, { logDestination, ...overrides });
  const request = async (method: string, urlPath: string, opts: RequestOpts = {}): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) {
      headers.authorization = `Bearer ${opts.token}`;
    }
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${app.url}${urlPath}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return Object.assign(app, { logs, dbPath, request });
}

/** Gets a dev-mode token for a sample user (creating it when name/roles are given). */
export async function devToken(
  server: TestServer,
  user: string | { userId: string; name: string; agency?: string | null; roles: string[] }
): Promise<string> {
  const body = typeof user === 'string' ? { userId: user } : user;
  const res = await server.request('POST', '/dev/token', { body });
  if (res.status !== 200) {
    throw new Error(`dev token failed: ${res.status} ${res.text}`);
  }
  return res.body.token as string;
}
