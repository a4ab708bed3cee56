import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a hand-written read with `?` placeholders on SQLite or SQL Server (which names them
 * `@0, @1, …`). For hot paths only, where TypeORM's query building costs far more than the query:
 * keep the SQL portable (plain identifiers, no dialect functions).
 * @returns the rows as the driver gives them
 */
export async function portableQuery<T>(db: DataSource | EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const type = ('connection' in db ? db.connection : db).options.type;
  let i = 0;
  const text = type === 'mssql' ? sql.replace(/\?/g, () => `@${i++}`) : sql;
  return (await db.query(text, params)) as T[];
}
