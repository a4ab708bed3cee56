import type { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column definitions that mean the same on SQLite and SQL Server, for migrations written with the
 * Table API. SQL Server has no `boolean` or `text` worth using; SQLite has no `bit` or `max`.
 */
export function columnTypes(queryRunner: QueryRunner) {
  const mssql = queryRunner.connection.options.type === 'mssql';
  return {
    /** auto-increment integer primary key */
    id: (name = 'id'): TableColumnOptions => ({
      name,
      type: mssql ? 'int' : 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    }),
    int: (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: mssql ? 'int' : 'integer',
      isNullable: nullable,
    }),
    str: (name: string, length: number, nullable = false): TableColumnOptions => ({
      name,
      type: mssql ? 'nvarchar' : 'varchar',
      length: String(length),
      isNullable: nullable,
    }),
    text: (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: mssql ? 'nvarchar' : 'text',
      length: mssql ? 'MAX' : undefined,
      isNullable: nullable,
    }),
    bool: (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: mssql ? 'bit' : 'boolean',
      isNullable: nullable,
    }),
    time: (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: mssql ? 'datetime2' : 'datetime',
      isNullable: nullable,
    }),
  };
}
