import { z } from 'zod';

import type { ActionGroupBy, ActionSort, ActionStatus, PlanSourceType } from '../../contracts/actions';
import { OVERDUE_RANK, STATUS_RANK, type SortKey } from '../../data/repositories/action-list.repository';
import { ValidationError } from '../../errors';

/** The tracker's filters as the use-cases take them (agency codes, not ids). */
export type ActionQuery = {
  agencies?: string[];
  statuses?: ActionStatus[];
  sources?: PlanSourceType[];
  planIds?: number[];
  /** person ids; `me` stands for the caller */
  owners?: (number | 'me')[];
  overdue?: boolean;
  q?: string;
  sort?: ActionSort;
  groupBy?: ActionGroupBy;
  limit?: number;
  cursor?: string;
};

/** Default and largest page sizes. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const DUE: SortKey = { expr: 'a.dueDate', alias: 'due', desc: false };
const ID: SortKey = { expr: 'a.id', alias: 'id', desc: false };

const SORTS: Record<ActionSort, SortKey[]> = {
  overdue: [{ expr: OVERDUE_RANK, alias: 'overdue', desc: false }, DUE, ID],
  due: [DUE, ID],
  '-due': [
    { ...DUE, desc: true },
    { ...ID, desc: true },
  ],
  status: [{ expr: STATUS_RANK, alias: 'status', desc: false }, DUE, ID],
};

const GROUPS: Record<ActionGroupBy, SortKey[]> = {
  none: [],
  plan: [{ expr: 'a.planId', alias: 'plan', desc: false }],
  agency: [{ expr: 'a.leadAgencyId', alias: 'agency', desc: false }],
};

/**
 * @returns the keys a list is ordered by: the group first (plan or agency), then the sort, always
 * ending with the id so that every row has a distinct position (keyset pagination)
 */
export function sortKeys(sort: ActionSort = 'overdue', groupBy: ActionGroupBy = 'none'): SortKey[] {
  return [...GROUPS[groupBy], ...SORTS[sort]];
}

/** @returns the name of an ordering, stored in cursors so that one is not used with another order */
function orderName(sort: ActionSort, groupBy: ActionGroupBy, today: string): string {
  // Overdue ranks change at midnight: a cursor from yesterday would skip or repeat rows.
  return `${groupBy}:${sort}${sort === 'overdue' ? `@${today}` : ''}`;
}

const CursorSchema = z.object({
  o: z.string().max(100),
  v: z.array(z.union([z.string().max(400), z.number()])).max(8),
});

/** @returns an opaque cursor that continues after a row with these key values */
export function encodeCursor(sort: ActionSort, groupBy: ActionGroupBy, today: string, values: (string | number)[]): string {
  return Buffer.from(JSON.stringify({ o: orderName(sort, groupBy, today), v: values }), 'utf8').toString('base64url');
}

/**
 * @returns the key values a cursor continues after
 * @throws ValidationError when the cursor is malformed or belongs to another ordering
 */
export function decodeCursor(
  cursor: string,
  sort: ActionSort,
  groupBy: ActionGroupBy,
  today: string
): (string | number)[] {
  let parsed: z.infer<typeof CursorSchema> | undefined;
  try {
    const result = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    parsed = result.success ? result.data : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.v.length !== sortKeys(sort, groupBy).length) {
    throw new ValidationError('The cursor is not valid: ask for the first page again without it', {
      fields: [{ field: 'cursor', message: 'not a cursor of this list' }],
    });
  }
  if (parsed.o !== orderName(sort, groupBy, today)) {
    throw new ValidationError('The cursor belongs to another sort order or day: ask for the first page again', {
      fields: [{ field: 'cursor', message: 'belongs to another order' }],
    });
  }
  return parsed.v;
}
