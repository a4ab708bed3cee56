import type { DataSource } from 'typeorm';

import type { EventBus } from '../events';
import { dateInZone, type RagThresholds } from './rag-rule';

/** What the tracker's use-cases need: the database, the RAG thresholds, the board's clock. */
export type TrackerDeps = {
  db: DataSource;
  rag: RagThresholds;
  /** the board's time zone, for "today" */
  timeZone: string;
  /** the current instant (tests pass a fixed one) */
  now: () => Date;
  /** after-commit notifications; absent in tools such as the seeder */
  events?: EventBus;
};

/** @returns today's date (`YYYY-MM-DD`) in the board's time zone */
export function todayOf(deps: Pick<TrackerDeps, 'now' | 'timeZone'>): string {
  return dateInZone(deps.now(), deps.timeZone);
}
