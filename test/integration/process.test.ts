import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { tempDir } from '../helpers/start-server';

const ROOT = path.resolve(__dirname, '../..');

function startProcess(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForLine(get: () => string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const m = pattern.exec(get());
    if (m) {
      return m[0];
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no line matching ${pattern} in:\n${get()}`);
}

describe('server process', function () {
  this.timeout(60_000);

  it('should refuse to start with a message naming the bad variable, without its value', async () => {
    const p = startProcess({ PORT: 'not-a-port', MicrosoftAppPassword: 'super-secret-pw' });
    const code = await p.exited;
    assert.equal(code, 1);
    assert.match(p.output(), /PORT/);
    assert.doesNotMatch(p.output(), /super-secret-pw/);
  });

  it('should say loudly that it runs in dev mode, and stop cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const p = startProcess({ PORT: '0', DB_PATH: path.join(dir, 'p.sqlite') });
    const started = await waitForLine(p.output, /^.*"msg":"server started".*$/m);
    assert.match(p.output(), /DEV MODE/);
    const url = /"url":"([^"]+)"/.exec(started)?.[1];
    assert.ok(url);
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    p.child.kill('SIGTERM');
    assert.equal(await p.exited, 0);
    assert.match(p.output(), /server stopped/);
  });
});
