import { z } from 'zod';

import { FOCUS_GROUP_STATUSES } from '../../contracts/audits';
import { ROLES } from '../../contracts/identity';

/** An agency code as the API takes it, e.g. `POLICE`. */
export const AgencyCode = z.string().trim().min(1).max(40).regex(/^[A-Z0-9-]+$/, 'an agency code such as POLICE');

/** A numeric id in a route parameter. */
export const IdParam = z.coerce.number().int().positive().max(2_147_483_647);

const StartsAt = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .describe('ISO 8601 date-time with Z or an offset');

const Eligibility = z.strictObject({
  agencies: z.array(AgencyCode).max(20).default([]),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
});

/** `POST /api/focus-groups` body. */
export const CreateFocusGroupSchema = z.strictObject({
  auditId: z.number().int().positive(),
  startsAt: StartsAt,
  durationMinutes: z.number().int().min(15).max(480),
  capacity: z.number().int().min(1).max(500),
  location: z.string().trim().min(1).max(200),
  online: z.boolean().default(false),
  eligibility: Eligibility.default({ agencies: [], roles: [] }),
  open: z.boolean().default(true),
});

/** Parsed `POST /api/focus-groups` body. */
export type CreateFocusGroupReq = z.infer<typeof CreateFocusGroupSchema>;

/** `PATCH /api/focus-groups/{id}` body: any of the session's fields, `status`, or `open` as a shorthand. */
export const UpdateFocusGroupSchema = z
  .strictObject({
    startsAt: StartsAt.optional(),
    durationMinutes: z.number().int().min(15).max(480).optional(),
    capacity: z.number().int().min(1).max(500).optional(),
    location: z.string().trim().min(1).max(200).optional(),
    online: z.boolean().optional(),
    eligibility: Eligibility.optional(),
    status: z.enum(FOCUS_GROUP_STATUSES).optional(),
    open: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change')
  .refine((b) => b.open === undefined || b.status === undefined, 'give either open or status, not both');

/** Parsed `PATCH /api/focus-groups/{id}` body. */
export type UpdateFocusGroupReq = z.infer<typeof UpdateFocusGroupSchema>;

/** `POST /api/focus-groups/{id}/signups` body. */
export const SignUpSchema = z.strictObject({
  role: z.string().trim().min(1, 'say what your role is').max(100),
  agency: AgencyCode.optional(),
  accessNeeds: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((s) => (s ? s : undefined)),
});

/** Parsed sign-up body. */
export type SignUpReq = z.infer<typeof SignUpSchema>;

/** The optional `Idempotency-Key` header of a sign-up. */
export const IdempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits, . _ : - only');
