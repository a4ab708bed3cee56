import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { BenchResult } from './lib';
import { round } from './lib';

const ROOT = path.resolve(__dirname, '..');

/** RSS of a process in MB, read from /proc. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN');
  return round(kb / 1024, 1);
}

/**
 * Starts a process and waits for `ready` (a URL answering 200 or a line on stdout).
 * @returns seconds to ready, the RSS after `settleMs`, then kills it
 */
async function measureProcess(args: string[], env: Record<string, string>, readyLine: RegExp, settleMs: number): Promise<{ seconds: number; rss: number }> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${out}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (readyLine.test(out)) {
        clearTimeout(timer);
        resolve(Number(process.hrtime.bigint() - started) / 1e9);
      }
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  });
  const url = /"url":"([^"]+)"/.exec(out)?.[1];
  if (url) {
    for (let i = 0; i < 20; i++) {
      await fetch(`${url}/healthz`);
    }
  }
  await new Promise((r) => setTimeout(r, settleMs));
  const rss = rssMb(child.pid ?? 0);
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  return { seconds: round(ready, 3), rss };
}

/**
 * `server.startup` (seconds from spawn to "server started", fresh database) and `server.idle_rss`
 * (MB after start-up and a few requests), each against a bare Node process with the same loader
 * started in the same run (the floor of this stack).
 */
export async function runServerBench(opts: { quick: boolean }): Promise<BenchResult[]> {
  const runs = opts.quick ? 1 : 3;
  const app: { seconds: number; rss: number }[] = [];
  const bare: { seconds: number; rss: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-bench-start-'));
    app.push(
      await measureProcess(['--import', 'tsx', 'src/index.ts'], { PORT: '0', HOST: '127.0.0.1', DB_PATH: path.join(dir, 'db.sqlite') }, /"msg":"server started"/, 1500)
    );
    bare.push(await measureProcess(['--import', 'tsx', '-e', "process.stdout.write('ready\\n'); setTimeout(() => {}, 60000)"], {}, /ready/, 1500));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const startup = median(app.map((r) => r.seconds));
  const bareStartup = median(bare.map((r) => r.seconds));
  const rss = median(app.map((r) => r.rss));
  const bareRss = median(bare.map((r) => r.rss));
  return [
    { name: 'server.startup', figure: startup, unit: 's', baseline: bareStartup, ratio: round(startup / bareStartup), baseline_what: 'bare node --import tsx process' },
    { name: 'server.idle_rss', figure: rss, unit: 'MB', baseline: bareRss, ratio: round(rss / bareRss), baseline_what: 'bare node --import tsx process' },
  ];
}
