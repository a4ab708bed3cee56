import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** A second server process started from `src/index.ts`. */
export type ChildServer = {
  url: string;
  child: ChildProcess;
  /** everything it wrote to stdout and stderr */
  output: () => string;
  /** SIGTERM, then resolves with the exit code */
  stop: () => Promise<number | null>;
};

/**
 * Starts `node --import tsx src/index.ts` on 127.0.0.1 with an ephemeral port and waits for its
 * "server started" log line.
 * @param env variables on top of PATH, HOST, PORT=0 and LOG_LEVEL=info (e.g. the shared DB_PATH)
 * @param timeoutMs how long to wait for the start line
 */
export async function startChildServer(env: Record<string, string>, timeoutMs = 30_000): Promise<ChildServer> {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
    }
    return exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = /^.*"msg":"server started".*$/m.exec(out)?.[0];
    const url = line ? /"url":"([^"]+)"/.exec(line)?.[1] : undefined;
    if (url) {
      return { url, child, output: () => out, stop };
    }
    if (child.exitCode !== null) {
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`the second server did not start:\n${out}`);
}

/** A JSON answer from a server. */
export type JsonResponse = { status: number; body: any; text: string };

/** Sends a JSON request to any server URL. */
export async function requestJson(
  baseUrl: string,
  method: string,
  urlPath: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}
): Promise<JsonResponse> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) {
    headers.authorization = `Bearer ${opts.token}`;
  }
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}
