import os from 'node:os';

import autocannon from 'autocannon';

/** One line of `bench/results.json`. */
export type BenchResult = {
  name: string;
  figure: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  [extra: string]: unknown;
};

/** Figures of one load run. */
export type LoadFigures = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
};

/** @returns the q-quantile (0..1) of sorted numbers */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** Rounds to `digits` decimals. */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * Runs autocannon against one URL on 127.0.0.1 for a bounded time, recording every latency so
 * p50/p95/p99 are exact.
 * @param opts url, connections, seconds, method, headers and a body (or a per-request body maker)
 */
export async function load(opts: {
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  makeBody?: () => string;
}): Promise<LoadFigures> {
  if (!/^http:\/\/127\.0\.0\.1[:/]/.test(opts.url)) {
    throw new Error('benchmarks only target 127.0.0.1');
  }
  const latencies: number[] = [];
  let finish: (r: autocannon.Result) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
    requests: opts.makeBody
      ? [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: opts.makeBody?.() }) }]
      : undefined,
  } as autocannon.Options, (err, res) => (err ? fail(err) : finish(res)));
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  const seconds = result.duration || opts.seconds;
  return {
    requests: latencies.length,
    rps: round(latencies.length / seconds, 1),
    p50: round(quantile(latencies, 0.5)),
    p95: round(quantile(latencies, 0.95)),
    p99: round(quantile(latencies, 0.99)),
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Describes the machine the figures were measured on. */
export function machineInfo(): Record<string, unknown> {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    at: new Date().toISOString(),
  };
}
