import { DataSource, type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/**
 * Builds the SQL Server DDL of migrations without a server: an mssql DataSource that is never
 * initialised, whose query runner has its catalogue look-ups stubbed and records SQL in memory.
 * @returns the `up` SQL statements of each migration, by migration name
 */
export async function mssqlDdl(migrations: (new () => MigrationInterface)[]): Promise<Map<string, string[]>> {
  const ds = new DataSource({ type: 'mssql', host: 'localhost', username: 'sa', password: 'unused', database: 'sl' });
  const runner = ds.createQueryRunner() as QueryRunner & Record<string, unknown>;
  const tables = new Map<string, Table>();
  const stub = runner as unknown as Record<string, unknown>;
  stub.query = async () => [];
  stub.hasTable = async (t: Table | string) => tables.has(typeof t === 'string' ? t : t.name);
  stub.getCachedTable = async (name: string) => tables.get(name) ?? new Table({ name });
  stub.getTable = async (name: string) => tables.get(name);
  stub.getTables = async (names?: string[]) => (names ?? [...tables.keys()]).map((n) => tables.get(n)).filter(Boolean);
  const originalCreate = runner.createTable.bind(runner);
  stub.createTable = async (table: Table, ...rest: unknown[]) => {
    await (originalCreate as (...a: unknown[]) => Promise<void>)(table, ...rest);
    tables.set(table.name, table);
  };
  runner.enableSqlMemory();
  const out = new Map<string, string[]>();
  for (const M of migrations) {
    runner.clearSqlMemory();
    const m = new M();
    await m.up(runner);
    out.set(m.name ?? M.name, runner.getMemorySql().upQueries.map((q) => q.query));
  }
  return out;
}
