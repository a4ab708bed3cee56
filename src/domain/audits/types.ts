import type { AuditDomain, AuditGrade, AuditStatus, AuditTeamMemberDto } from '../../contracts/audits';
import type { AuditCase } from '../../data/entities/audit-case.entity';
import type { FocusGroup } from '../../data/entities/focus-group.entity';
import type { ThemedAudit } from '../../data/entities/themed-audit.entity';

/** Fields of a new audit. */
export type NewAudit = {
  theme: string;
  title: string;
  periodStart?: string | null;
  periodEnd?: string | null;
  /** agency codes taking part */
  agencies?: string[];
  team?: AuditTeamMemberDto[];
  status?: AuditStatus;
  /** anonymised references of the cases to audit */
  cases?: string[];
};

/** Changes to an audit; absent fields stay as they are. */
export type AuditChanges = Partial<Omit<NewAudit, 'cases'>>;

/** Grades and findings of one case; absent fields stay as they are. */
export type CaseFindings = {
  grades?: Partial<Record<AuditDomain, AuditGrade | null>>;
  whatWorkedWell?: string | null;
  notes?: string | null;
};

/** An audit with counts, for lists. */
export type AuditSummary = { audit: ThemedAudit; caseCount: number; focusGroupCount: number };

/** An audit with its cases, its sessions (with waiting-list lengths) and its action plan, if any. */
export type AuditDetail = AuditSummary & {
  cases: AuditCase[];
  focusGroups: { group: FocusGroup; waitlistLength: number }[];
  actionPlanId: number | null;
};
