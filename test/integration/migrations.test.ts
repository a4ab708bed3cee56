import assert from 'node:assert/strict';
import path from 'node:path';

import { DataSource } from 'typeorm';

import { createDataSource } from '../../src/data/data-source';
import { entities } from '../../src/data/entities';
import { migrations } from '../../src/data/migrations';
import { mssqlDdl } from '../helpers/mssql-ddl';
import { tempDir } from '../helpers/start-server';

describe('database migrations', () => {
  it('should build the whole schema on SQLite and take it all down again', async () => {
    const ds = createDataSource({ type: 'sqlite', path: path.join(tempDir(), 'm.sqlite') });
    await ds.initialize();
    try {
      const ran = await ds.runMigrations({ transaction: 'each' });
      assert.equal(ran.length, migrations.length);
      const tables = (await ds.query("SELECT name FROM sqlite_master WHERE type='table'")) as { name: string }[];
      for (const t of ['agencies', 'people', 'conversation_refs', 'audit_log']) {
        assert.ok(tables.some((r) => r.name === t), `table ${t} exists`);
      }
      for (let i = 0; i < migrations.length; i++) {
        await ds.undoLastMigration({ transaction: 'each' });
      }
      const left = (await ds.query(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN ('migrations','sqlite_sequence')"
      )) as { name: string }[];
      assert.deepEqual(left, []);
      assert.equal((await ds.runMigrations({ transaction: 'each' })).length, migrations.length, 'up again after down');
    } finally {
      await ds.destroy();
    }
  });

  it('should never change the schema from entities (synchronize off)', () => {
    const ds = createDataSource({ type: 'sqlite', path: ':memory:' });
    assert.equal(ds.options.synchronize, false);
  });

  it('should accept every entity column type on SQL Server as well as SQLite', async () => {
    const ds = new DataSource({ type: 'mssql', host: 'localhost', username: 'sa', password: 'unused', database: 'sl', entities });
    // builds and validates entity metadata against the mssql driver without connecting
    await (ds as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
    assert.equal(ds.entityMetadatas.length, entities.length);
  });

  it('should produce SQL Server DDL for every migration with SQL Server types', async () => {
    const ddl = await mssqlDdl(migrations);
    assert.equal(ddl.size, migrations.length);
    const all = [...ddl.values()].flat().join('\n');
    assert.match(all, /CREATE TABLE "agencies"/);
    assert.match(all, /IDENTITY\(1,1\)/, 'auto-increment keys use IDENTITY');
    assert.doesNotMatch(all, /AUTOINCREMENT/i, 'no SQLite syntax');
    assert.doesNotMatch(all, /\b(boolean|text)\b(?!\))/i, 'no SQLite-only column types');
    assert.match(all, /nvarchar\(MAX\)/i);
    for (const [name, statements] of ddl) {
      assert.ok(statements.length > 0, `${name} produces DDL`);
    }
  });
});
