import { z } from 'zod';

import { ROLES } from '../../contracts/identity';

/** `POST /dev/token` body: an existing user id, or a new sample user to create first. */
export const DevTokenSchema = z.strictObject({
  userId: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits, . _ : - only'),
  name: z.string().trim().min(1).max(200).optional(),
  agency: z.string().trim().min(1).max(40).nullable().optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
});

/** Parsed `POST /dev/token` body. */
export type DevTokenReq = z.infer<typeof DevTokenSchema>;
