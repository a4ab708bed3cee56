import { z } from 'zod';

import { DecisionInputSchema } from '../../domain/notifications';

/** `Idempotency-Key` header: repeat a POST with the same key and get the first notification back. */
export const IdempotencyKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(100, 'The Idempotency-Key header must be 100 characters or fewer')
  .regex(/^[A-Za-z0-9._:-]+$/, 'The Idempotency-Key header may hold letters, digits and . _ : - only');

/** `GET /api/notifications?status=` */
export const ListQuerySchema = z.strictObject(
  { status: z.enum(['new', 'awaiting_information', 'decided']).optional() },
  { error: 'The only query parameter is status (new, awaiting_information or decided)' }
);

/** `POST /api/notifications/{reference}/decision` */
export const DecisionBodySchema = z.intersection(
  DecisionInputSchema,
  z.object({
    expectedVersion: z
      .number({ error: 'expectedVersion must be the version number you read' })
      .int()
      .min(1)
      .optional(),
  })
);

/** A validated decision body. */
export type DecisionBody = z.infer<typeof DecisionBodySchema>;
