import { z } from 'zod';

import { ACTION_SORTS, ACTION_STATUSES, PLAN_SOURCE_TYPES } from '../../contracts/actions';
import { isIsoDate } from '../../domain/calendar/iso-date';
import { ValidationError } from '../../errors';

/** A real `YYYY-MM-DD` date. */
export const IsoDate = z.string().refine(isIsoDate, 'must be a real date written YYYY-MM-DD');

const id = z.string().regex(/^[1-9]\d{0,8}$/, 'must be a positive whole number').transform(Number);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(50, 'at most 50 values').optional();

/** The list, count and export filters of `GET /api/actions` (query string, after `queryObject`). */
export const ActionQuerySchema = z.strictObject({
  agency: list(z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'must be an agency code')),
  status: list(z.enum(ACTION_STATUSES)),
  source: list(z.enum(PLAN_SOURCE_TYPES)),
  plan: list(id),
  owner: list(z.union([z.literal('me'), id])),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().max(200, 'at most 200 characters').optional(),
  sort: z.enum(ACTION_SORTS).optional(),
  groupBy: z.enum(['plan', 'agency', 'none']).optional(),
  limit: z.string().regex(/^\d{1,3}$/, 'must be a whole number').transform(Number).pipe(z.number().min(1).max(200)).optional(),
  cursor: z.string().max(2000).optional(),
});

/** The export's query: the list's filters and order, and the file format. */
export const ActionExportQuerySchema = ActionQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['csv', 'xlsx']),
});

const MULTI = new Set(['agency', 'status', 'source', 'plan', 'owner']);

/**
 * Reads a query string into an object: the multi-valued filters become arrays (repeated
 * parameters and comma lists both work); others keep their single value.
 * @throws ValidationError when a single-valued parameter is repeated
 */
export function queryObject(url: string | undefined): Record<string, string | string[]> {
  const params = new URL(url ?? '/', 'http://x').searchParams;
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (MULTI.has(key)) {
      out[key] = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v.length > 0);
    } else if (values.length > 1) {
      throw new ValidationError(`The query parameter ${key} is given more than once`, {
        fields: [{ field: key, message: 'given more than once' }],
      });
    } else {
      out[key] = values[0];
    }
  }
  return out;
}

/** The `:id` of a route. */
export const IdParamSchema = z.object({ id });

const httpUrl = z
  .string()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) link');

/** `PATCH /api/actions/{id}` body. */
export const ActionPatchSchema = z
  .strictObject({
    version: z.number().int().min(1),
    status: z.enum(ACTION_STATUSES).optional(),
    note: z.string().trim().min(1, 'must not be empty').max(4000).optional(),
    evidence: z
      .strictObject({
        text: z.string().max(8000).optional(),
        links: z.array(httpUrl).max(20).optional(),
      })
      .optional(),
    revisedTargetDate: IsoDate.optional(),
    revisedTargetReason: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
    proposeCompletion: z.literal(true).optional(),
    clearOverride: z.literal(true).optional(),
  })
  .refine((b) => (b.revisedTargetDate === undefined) === (b.revisedTargetReason === undefined), {
    message: 'a revised target date needs a reason, and a reason needs a date',
    path: ['revisedTargetReason'],
  });

/** @returns a query-string object in the shape the use-cases take */
export function toActionQuery(q: z.infer<typeof ActionQuerySchema> | z.infer<typeof ActionExportQuerySchema>) {
  return {
    agencies: q.agency,
    statuses: q.status,
    sources: q.source,
    planIds: q.plan,
    owners: q.owner,
    overdue: q.overdue,
    q: q.q,
    sort: q.sort,
    groupBy: q.groupBy,
    limit: 'limit' in q ? q.limit : undefined,
    cursor: 'cursor' in q ? q.cursor : undefined,
  };
}
