import type { Logger } from '../../logging/logger';
import { recomputeRag } from './recompute-rag';
import type { TrackerDeps } from './tracker-deps';

/** A running RAG worker. */
export type RagWorker = {
  /** runs the rule now (also what the timer does); resolves when done */
  runNow: () => Promise<void>;
  /** stops the timer and waits for a run in progress */
  stop: () => Promise<void>;
};

/**
 * Re-applies the RAG rule shortly after start and then every `intervalMs` (0: only at start), so
 * statuses follow the calendar (a target date passing turns an action red overnight). Runs never
 * overlap; failures are logged and retried at the next tick. Safe with several server instances
 * (see `recomputeRag`).
 * @param deps database, clock, thresholds, events
 * @param intervalMs milliseconds between runs, 0 for none after the first
 * @param log where runs are logged
 * @returns the worker
 */
export function startRagWorker(deps: TrackerDeps, intervalMs: number, log: Logger): RagWorker {
  let running: Promise<void> | null = null;
  let stopped = false;
  const runNow = (): Promise<void> => {
    if (stopped) {
      return Promise.resolve();
    }
    running ??= recomputeRag(deps)
      .then((r) => {
        if (r.changed > 0) {
          log.info('RAG rule applied', { checked: r.checked, changed: r.changed });
        }
      })
      .catch((err: unknown) => log.error('RAG rule run failed', { err: err instanceof Error ? err.name : String(err) }))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const first = setTimeout(() => void runNow(), 0);
  const timer = intervalMs > 0 ? setInterval(() => void runNow(), intervalMs) : null;
  first.unref();
  timer?.unref();
  return {
    runNow,
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      if (timer) {
        clearInterval(timer);
      }
      await running;
    },
  };
}
