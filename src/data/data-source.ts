import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';

import { DataSource, type DataSourceOptions } from 'typeorm';

import type { Config } from '../config/env';
import { entities } from './entities';
import { migrations } from './migrations';
import { gateSqliteConnection } from './sqlite-gate';

/**
 * Builds the TypeORM DataSource for the configured database (not yet initialised).
 * SQLite runs in WAL mode with a busy timeout so several server processes can share one file.
 * @param db the database part of the configuration
 * @returns an uninitialised DataSource with every entity and migration
 */
export function createDataSource(db: Config['db']): DataSource {
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logging: false };
  let options: DataSourceOptions;
  if (db.type === 'mssql') {
    options = { ...common, type: 'mssql', url: db.url, options: { encrypt: true } };
  } else {
    if (db.path !== ':memory:') {
      fs.mkdirSync(path.dirname(path.resolve(db.path)), { recursive: true });
    }
    options = {
      ...common,
      type: 'better-sqlite3',
      database: db.path,
      prepareDatabase: (sqlite: { pragma(s: string): unknown }) => {
        sqlite.pragma('journal_mode = WAL');
        sqlite.pragma(`busy_timeout = ${db.busyTimeoutMs ?? 5000}`);
        sqlite.pragma('foreign_keys = ON');
        sqlite.pragma('synchronous = NORMAL');
      },
    };
  }
  return new DataSource(options);
}

/**
 * Opens the database and brings its schema up to date.
 * @param db the database part of the configuration
 * @returns the initialised DataSource
 */
export async function openDatabase(db: Config['db']): Promise<DataSource> {
  const ds = createDataSource(db);
  await ds.initialize();
  gateSqliteConnection(ds);
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
