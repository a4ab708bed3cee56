import { z } from 'zod';

import { AUDIT_DOMAINS, AUDIT_GRADES, AUDIT_STATUSES } from '../../contracts/audits';
import { AgencyCode } from '../focus-groups/schema';

/** An anonymised case identifier: never a name, so it must hold a digit. */
export const CaseRef = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9/_.-]*$/, 'letters, digits and - / _ . only')
  .regex(/\d/, 'use an anonymised reference with a digit, such as C-01, never a name');

const IsoDate = z.iso.date();
const Text = (max: number) => z.string().trim().max(max);

const TeamMember = z.strictObject({
  name: z.string().trim().min(1).max(200),
  agency: AgencyCode.nullable().default(null),
  aadObjectId: z.string().trim().min(1).max(100).nullable().optional(),
});

const auditFields = {
  theme: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(200),
  periodStart: IsoDate.nullable().optional(),
  periodEnd: IsoDate.nullable().optional(),
  agencies: z.array(AgencyCode).max(20).optional(),
  team: z.array(TeamMember).max(30).optional(),
  status: z.enum(AUDIT_STATUSES).optional(),
};

/** `POST /api/audits` body: at least theme and title; optionally the cases to audit. */
export const CreateAuditSchema = z.strictObject({
  ...auditFields,
  cases: z.array(CaseRef).max(100).optional(),
});

/** `PATCH /api/audits/{id}` body. */
export const UpdateAuditSchema = z
  .strictObject({
    theme: auditFields.theme.optional(),
    title: auditFields.title.optional(),
    periodStart: auditFields.periodStart,
    periodEnd: auditFields.periodEnd,
    agencies: auditFields.agencies,
    team: auditFields.team,
    status: auditFields.status,
  })
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change');

const Grades = z.partialRecord(z.enum(AUDIT_DOMAINS), z.enum(AUDIT_GRADES).nullable());

const findings = {
  grades: Grades.optional(),
  whatWorkedWell: Text(4000).nullable().optional(),
  notes: Text(4000).nullable().optional(),
};

/** `POST /api/audits/{id}/cases` body. */
export const AddCaseSchema = z.strictObject({ caseRef: CaseRef, ...findings });

/** `PATCH /api/audits/{id}/cases/{caseId}` body. */
export const UpdateCaseSchema = z
  .strictObject(findings)
  .refine((b) => Object.keys(b).length > 0, 'give grades, whatWorkedWell or notes');

/** `POST /api/audits/{id}/action-plan` body (may be empty). */
export const ActionPlanSchema = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  recommendations: z.array(z.string().trim().min(1).max(2000)).min(1).max(50).optional(),
});
