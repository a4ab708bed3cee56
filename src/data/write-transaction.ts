import type { DataSource, EntityManager } from 'typeorm';

import { ServiceUnavailableError } from '../errors';

/** Tuning for `writeTransaction`; the defaults suit request handlers. */
export type WriteTransactionOptions = {
  /** how many times to run the work in all when the database is busy (default 4) */
  attempts?: number;
  /** base pause between attempts, grown linearly with a little jitter (default 50 ms) */
  backoffMs?: number;
};

/**
 * Runs contended writes (seat counts, waiting-list positions) in one database transaction,
 * retrying a bounded number of times when the database is busy.
 *
 * Correctness across server processes comes from the database's own lock, not from this process:
 * the work must start with a write to the row it guards (e.g. `UPDATE focus_groups SET
 * signup_seq = signup_seq + 1 WHERE id = ?`). On SQLite a transaction whose first statement is a
 * write takes the database write lock at that statement, waiting up to busy_timeout, exactly as
 * `BEGIN IMMEDIATE` would, so no read inside it can go stale; on SQL Server the same UPDATE holds
 * an exclusive row lock until commit (what `UPDLOCK` on a read would give).
 *
 * Within one process, overlapping SQLite transactions already queue for TypeORM's single
 * connection (`sqlite-gate.ts`); that is connection management, not the lock that keeps seats right.
 *
 * @param db the DataSource
 * @param work the transaction body; it must not start another transaction on `db`
 * @param options attempts and back-off
 * @returns what `work` returns, after the commit
 * @throws ServiceUnavailableError (503) when the database stayed busy on every attempt
 */
export async function writeTransaction<T>(
  db: DataSource,
  work: (em: EntityManager) => Promise<T>,
  options: WriteTransactionOptions = {}
): Promise<T> {
  const attempts = options.attempts ?? 4;
  const backoffMs = options.backoffMs ?? 50;
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(db, work);
    } catch (err) {
      if (!isBusyError(err)) {
        throw err;
      }
      if (attempt >= attempts) {
        throw new ServiceUnavailableError('The database is busy. Please try again in a moment.');
      }
      await new Promise((r) => setTimeout(r, backoffMs * attempt + Math.floor(Math.random() * backoffMs)));
    }
  }
}

function runOnce<T>(db: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return db.options.type === 'mssql' ? db.transaction('READ COMMITTED', work) : db.transaction(work);
}

/**
 * @returns whether an error means "try again": SQLite busy/locked, or a SQL Server deadlock victim
 *   (1205) or lock time-out (1222)
 */
export function isBusyError(err: unknown): boolean {
  const e = err as { code?: unknown; number?: unknown; driverError?: { code?: unknown; number?: unknown } } | null;
  const code = String(e?.driverError?.code ?? e?.code ?? '');
  const num = Number(e?.driverError?.number ?? e?.number);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || num === 1205 || num === 1222;
}
