/**
 * `npm run bench [-- --quick] [-- --only name,name]`: runs every benchmark against the real server
 * on 127.0.0.1 with a real SQLite file, each with its baseline measured in the same run, prints a
 * table and writes bench/results.json. Not part of the tests: figures on a shared machine are noisy.
 */
import fs from 'node:fs';
import path from 'node:path';

import { runBotBench } from './bot';
import { runCalendarBench } from './calendar';
import { machineInfo, type BenchResult } from './lib';
import { runRemindersBench } from './reminders';
import { runServerBench } from './server';
import { runTrackerBench } from './tracker';

const SUITES: Record<string, (opts: { quick: boolean }) => Promise<BenchResult[]>> = {
  bot: runBotBench,
  tracker: runTrackerBench,
  reminders: runRemindersBench,
  calendar: runCalendarBench,
  server: runServerBench,
};

function pad(v: unknown, n: number): string {
  const s = v === undefined || v === null ? '' : typeof v === 'number' ? String(v) : String(v);
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const only = onlyArg ? new Set(onlyArg.split(',')) : null;
  const results: BenchResult[] = [];
  const started = Date.now();
  for (const [name, run] of Object.entries(SUITES)) {
    if (only && !only.has(name)) {
      continue;
    }
    process.stdout.write(`running ${name}${quick ? ' (quick)' : ''}…\n`);
    try {
      results.push(...(await run({ quick })));
    } catch (err) {
      results.push({ name: `${name}.error`, figure: Number.NaN, unit: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  }
  const cols = ['name', 'figure', 'unit', 'baseline', 'ratio', 'p50', 'p95', 'p99'];
  process.stdout.write(`\n${cols.map((c) => pad(c, c === 'name' ? 24 : 10)).join(' ')}\n`);
  for (const r of results) {
    process.stdout.write(`${cols.map((c) => pad(r[c], c === 'name' ? 24 : 10)).join(' ')}\n`);
    const extras = Object.entries(r).filter(([k]) => !cols.includes(k));
    if (extras.length > 0) {
      process.stdout.write(`${' '.repeat(25)}${extras.map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('  ')}\n`);
    }
  }
  const out = path.join(__dirname, 'results.json');
  fs.writeFileSync(out, `${JSON.stringify({ machine: { ...machineInfo(), quick, seconds: Math.round((Date.now() - started) / 1000) }, results }, null, 2)}\n`);
  process.stdout.write(`\nwritten ${out} in ${Math.round((Date.now() - started) / 1000)} s\n`);
  process.exit(0);
}

void main();
