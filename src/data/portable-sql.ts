import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

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

/**
 * A fast `findOneBy` for equality look-ups on hot paths: builds `SELECT * … WHERE col = ?` from the
 * entity's metadata and hydrates the row with the driver's own conversions (dates, booleans,
 * JSON), skipping TypeORM's query builder.
 * @param where property names (not column names) and the values they must equal
 * @returns the entity, or null
 */
export async function findOneByFast<E extends ObjectLiteral>(
  db: DataSource | EntityManager,
  entity: EntityTarget<E>,
  where: Partial<Record<keyof E & string, string | number>>
): Promise<E | null> {
  const connection = 'connection' in db ? db.connection : db;
  const meta = connection.getMetadata(entity);
  const driver = connection.driver;
  const conditions = Object.entries(where).map(([property, value]) => {
    const column = meta.findColumnWithPropertyName(property);
    if (!column) {
      throw new TypeError(`${meta.name} has no property ${property}`);
    }
    return { column, value: driver.preparePersistentValue(value, column) as unknown };
  });
  const [row] = await portableQuery<Record<string, unknown>>(
    db,
    `SELECT * FROM ${meta.tableName} WHERE ${conditions.map((c) => `${c.column.databaseName} = ?`).join(' AND ')}`,
    conditions.map((c) => c.value)
  );
  if (!row) {
    return null;
  }
  const result = meta.create() as E;
  for (const column of meta.columns) {
    column.setEntityValue(result, driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return result;
}
