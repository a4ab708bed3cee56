import { z } from 'zod';

/** `GET /api/reminders` query. */
export const ReminderListQuerySchema = z.strictObject({
  status: z.enum(['pending', 'sending', 'sent', 'cancelled', 'undeliverable', 'failed']).default('undeliverable'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** `POST /api/reminders/{id}/retry` path. */
export const ReminderIdParamSchema = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });

/**
 * @returns the query string as an object, each key once (a repeated key is refused by the
 *   strict schema as an array would be)
 */
export function queryOf(url: string | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URL(url ?? '/', 'http://x').searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  return out;
}
