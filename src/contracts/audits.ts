import type { Role } from './identity';

/** Ofsted's four-point grade, the default scale for themed-audit findings. */
export const AUDIT_GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;

/** One point of the grade scale. */
export type AuditGrade = (typeof AUDIT_GRADES)[number];

/** The domains each audited case is graded on. */
export const AUDIT_DOMAINS = [
  'lived_experience',
  'assessment',
  'planning_and_review',
  'multi_agency_working',
  'management_oversight',
] as const;

/** A domain a case is graded on. */
export type AuditDomain = (typeof AUDIT_DOMAINS)[number];

/** Where an audit is in its cycle. */
export const AUDIT_STATUSES = ['planned', 'in_progress', 'completed'] as const;

/** An audit's status. */
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/** A member of the multi-agency audit team. */
export type AuditTeamMemberDto = { name: string; agency: string | null; aadObjectId?: string | null };

/** Who may join a focus group: everyone with the practitioner role unless narrowed. */
export type EligibilityDto = {
  /** agency codes; empty means every agency */
  agencies: string[];
  /** app roles; empty means practitioners */
  roles: Role[];
};

/** Whether a session takes sign-ups. */
export const FOCUS_GROUP_STATUSES = ['open', 'closed', 'cancelled'] as const;

/** A session's sign-up status. */
export type FocusGroupStatus = (typeof FOCUS_GROUP_STATUSES)[number];

/** A person's place on a session. */
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/** One audited case with its grades (anonymised reference only). */
export type AuditCaseDto = {
  id: number;
  caseRef: string;
  grades: Partial<Record<AuditDomain, AuditGrade>>;
  whatWorkedWell: string | null;
  notes: string | null;
  updatedAt: string;
};

/** A focus-group session as the business unit sees it. */
export type FocusGroupDto = {
  id: number;
  auditId: number;
  /** ISO 8601 UTC */
  startsAt: string;
  durationMinutes: number;
  location: string;
  online: boolean;
  capacity: number;
  confirmedCount: number;
  waitlistLength: number;
  seatsLeft: number;
  eligibility: EligibilityDto;
  status: FocusGroupStatus;
  /** the session has started or finished */
  past: boolean;
};

/** `GET /api/audits` item. */
export type AuditSummaryDto = {
  id: number;
  theme: string;
  title: string;
  periodStart: string | null;
  periodEnd: string | null;
  status: AuditStatus;
  caseCount: number;
  focusGroupCount: number;
};

/** `GET /api/audits/{id}`: the audit with its cases and sessions. */
export type AuditDto = AuditSummaryDto & {
  agencies: string[];
  team: AuditTeamMemberDto[];
  cases: AuditCaseDto[];
  focusGroups: FocusGroupDto[];
  /** id of the action plan made from the findings, once made */
  actionPlanId?: number | null;
};

/** `GET /api/focus-groups` item and `GET /api/focus-groups/{id}`: a session as a practitioner sees it. */
export type FocusGroupViewDto = {
  id: number;
  auditId: number;
  auditTitle: string;
  theme: string;
  startsAt: string;
  durationMinutes: number;
  location: string;
  online: boolean;
  capacity: number;
  confirmedCount: number;
  waitlistLength: number;
  seatsLeft: number;
  status: FocusGroupStatus;
  past: boolean;
  /** whether the caller may sign up */
  eligible: boolean;
  myStatus: SignupStatus | null;
  /** the caller's place on the waiting list (1 = next) */
  myPosition: number | null;
};

/** `POST /api/focus-groups/{id}/signups` answer. */
export type SignupResultDto = { status: 'confirmed' | 'waitlisted'; position?: number };

/** `GET /api/focus-groups/{id}/signups` item (business unit only). */
export type SignupDto = {
  id: number;
  name: string;
  agency: string | null;
  role: string;
  accessNeeds: string | null;
  status: SignupStatus;
  position: number | null;
  createdAt: string;
};
