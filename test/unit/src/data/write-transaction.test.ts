import assert from 'node:assert/strict';

import type { DataSource, EntityManager } from 'typeorm';

import { isBusyError, writeTransaction } from '../../../../src/data/write-transaction';
import { ServiceUnavailableError } from '../../../../src/errors';

/** A stand-in DataSource whose transaction fails with the given errors, then runs the work. */
function fakeDb(failures: unknown[], type = 'better-sqlite3'): { db: DataSource; calls: () => number; isolation: () => unknown } {
  let calls = 0;
  let isolation: unknown;
  const db = {
    options: { type },
    transaction: async (...args: unknown[]) => {
      calls++;
      const work = args[args.length - 1] as (em: EntityManager) => Promise<unknown>;
      isolation = args.length > 1 ? args[0] : undefined;
      const failure = failures.shift();
      if (failure) {
        throw failure;
      }
      return work({} as EntityManager);
    },
  };
  return { db: db as unknown as DataSource, calls: () => calls, isolation: () => isolation };
}

const busy = () => Object.assign(new Error('database is locked'), { driverError: { code: 'SQLITE_BUSY' } });

describe('writeTransaction', () => {
  it('should retry when SQLite is busy and return the work\'s result once it runs', async () => {
    const { db, calls } = fakeDb([busy(), busy()]);
    const result = await writeTransaction(db, async () => 'done', { backoffMs: 1 });
    assert.equal(result, 'done');
    assert.equal(calls(), 3);
  });

  it('should give up with 503 after the given number of attempts when the database stays busy', async () => {
    const { db, calls } = fakeDb([busy(), busy(), busy(), busy(), busy()]);
    await assert.rejects(
      writeTransaction(db, async () => 'never', { attempts: 3, backoffMs: 1 }),
      (err: unknown) => err instanceof ServiceUnavailableError && err.status === 503
    );
    assert.equal(calls(), 3);
  });

  it('should not retry other errors', async () => {
    const { db, calls } = fakeDb([new Error('constraint failed')]);
    await assert.rejects(writeTransaction(db, async () => 'x', { backoffMs: 1 }), /constraint failed/);
    assert.equal(calls(), 1);
  });

  it('should run SQL Server transactions at READ COMMITTED and retry deadlock victims', async () => {
    const deadlock = Object.assign(new Error('deadlock'), { driverError: { number: 1205 } });
    const { db, calls, isolation } = fakeDb([deadlock], 'mssql');
    assert.equal(await writeTransaction(db, async () => 7, { backoffMs: 1 }), 7);
    assert.equal(calls(), 2);
    assert.equal(isolation(), 'READ COMMITTED');
  });
});

describe('isBusyError', () => {
  it('should recognise SQLite busy and locked codes and SQL Server lock errors only', () => {
    assert.equal(isBusyError({ code: 'SQLITE_BUSY_SNAPSHOT' }), true);
    assert.equal(isBusyError({ driverError: { code: 'SQLITE_LOCKED' } }), true);
    assert.equal(isBusyError({ driverError: { number: 1222 } }), true);
    assert.equal(isBusyError({ code: 'SQLITE_CONSTRAINT_UNIQUE' }), false);
    assert.equal(isBusyError(null), false);
  });
});
