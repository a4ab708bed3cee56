import type { AuditCaseDto, AuditDomain, AuditDto, AuditGrade, AuditStatus, AuditSummaryDto } from '../../contracts/audits';
import type { AuditCase } from '../../data/entities/audit-case.entity';
import type { AuditDetail, AuditSummary } from '../../domain/audits/types';
import { presentFocusGroup } from '../focus-groups/presenter';

/** @returns an audit as the list shows it */
export function presentAuditSummary(s: AuditSummary): AuditSummaryDto {
  const a = s.audit;
  return {
    id: a.id,
    theme: a.theme,
    title: a.title,
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    status: a.status as AuditStatus,
    caseCount: s.caseCount,
    focusGroupCount: s.focusGroupCount,
  };
}

/** @returns an audit with its cases and sessions */
export function presentAudit(d: AuditDetail, now: Date): AuditDto {
  return {
    ...presentAuditSummary(d),
    agencies: d.audit.agencies,
    team: d.audit.team,
    cases: d.cases.map(presentCase),
    focusGroups: d.focusGroups.map((f) => presentFocusGroup(f.group, f.waitlistLength, now)),
    actionPlanId: d.actionPlanId,
  };
}

/** @returns a case with its grades */
export function presentCase(c: AuditCase): AuditCaseDto {
  return {
    id: c.id,
    caseRef: c.caseRef,
    grades: c.grades as Partial<Record<AuditDomain, AuditGrade>>,
    whatWorkedWell: c.whatWorkedWell,
    notes: c.notes,
    updatedAt: c.updatedAt.toISOString(),
  };
}
