import assert from 'node:assert/strict';

import type { DataSource } from 'typeorm';

import { portableQuery } from '../../../../src/data/portable-sql';

function fakeDb(type: string, seen: { sql?: string; params?: unknown[] }): DataSource {
  return {
    options: { type },
    query: async (sql: string, params: unknown[]) => {
      seen.sql = sql;
      seen.params = params;
      return [{ ok: 1 }];
    },
  } as unknown as DataSource;
}

describe('portableQuery', () => {
  it('should keep ? placeholders for SQLite', async () => {
    const seen: { sql?: string } = {};
    await portableQuery(fakeDb('better-sqlite3', seen), 'SELECT 1 FROM t WHERE a = ? AND b = ?', [1, 2]);
    assert.equal(seen.sql, 'SELECT 1 FROM t WHERE a = ? AND b = ?');
  });

  it('should number the placeholders @0, @1 for SQL Server', async () => {
    const seen: { sql?: string; params?: unknown[] } = {};
    const rows = await portableQuery(fakeDb('mssql', seen), 'SELECT 1 FROM t WHERE a = ? AND b = ?', [1, 2]);
    assert.equal(seen.sql, 'SELECT 1 FROM t WHERE a = @0 AND b = @1');
    assert.deepEqual(seen.params, [1, 2]);
    assert.deepEqual(rows, [{ ok: 1 }]);
  });
});
