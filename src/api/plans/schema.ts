import { z } from 'zod';

import { PLAN_SOURCE_TYPES } from '../../contracts/actions';
import { IsoDate } from '../actions/schema';

/** An action to create. */
export const NewActionSchema = z.strictObject({
  leadAgency: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'must be an agency code'),
  ownerPersonId: z.number().int().positive().nullable().optional(),
  description: z.string().trim().min(3, 'must say what will be done').max(2000),
  targetDate: IsoDate,
});

/** A recommendation to create, with its actions. */
export const NewRecommendationSchema = z.strictObject({
  text: z.string().trim().min(3, 'must not be empty').max(4000),
  actions: z.array(NewActionSchema).max(200).optional(),
});

/** `POST /api/plans` body. */
export const NewPlanSchema = z
  .strictObject({
    sourceType: z.enum(PLAN_SOURCE_TYPES),
    sourceRef: z.string().trim().min(1).max(100),
    title: z.string().trim().min(3).max(300),
    recommendations: z.array(NewRecommendationSchema).max(100).optional(),
  })
  .refine((p) => (p.recommendations ?? []).reduce((n, r) => n + (r.actions?.length ?? 0), 0) <= 1000, {
    message: 'at most 1000 actions in one plan',
    path: ['recommendations'],
  });

/** `POST /api/recommendations/{id}/actions` body. */
export const NewActionsSchema = z.strictObject({ actions: z.array(NewActionSchema).min(1).max(200) });
