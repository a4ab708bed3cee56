/**
 * @returns whether a database error is a unique-key violation: SQLite `SQLITE_CONSTRAINT_UNIQUE`
 *   or `_PRIMARYKEY`, SQL Server 2627 (unique constraint) or 2601 (unique index)
 */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as {
    code?: unknown;
    number?: unknown;
    driverError?: { code?: unknown; number?: unknown };
  } | null;
  const code = String(e?.driverError?.code ?? e?.code ?? '');
  const num = Number(e?.driverError?.number ?? e?.number);
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    num === 2627 ||
    num === 2601
  );
}
