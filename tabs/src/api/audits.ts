import type {
  AuditCaseDto,
  AuditDomain,
  AuditDto,
  AuditGrade,
  AuditStatus,
  AuditSummaryDto,
  FocusGroupStatus,
  SignupDto,
} from '../../../src/contracts/audits';
import type { ApiClient } from './client';

/** A new audit as the form collects it. */
export type NewAuditInput = {
  theme: string;
  title: string;
  periodStart?: string;
  periodEnd?: string;
  agencies?: string[];
  cases?: string[];
};

/** A new focus-group session as the form collects it. */
export type NewSessionInput = {
  auditId: number;
  startsAt: string;
  durationMinutes: number;
  capacity: number;
  location: string;
  online: boolean;
  eligibility: { agencies: string[]; roles: [] };
  open: boolean;
};

/** The business unit's audit calls, over the REST API. */
export class AuditsApi {
  constructor(private readonly api: ApiClient) {}

  async list(): Promise<AuditSummaryDto[]> {
    return (await this.api.request<{ audits: AuditSummaryDto[] }>('GET', '/api/audits')).audits;
  }

  get(id: number): Promise<AuditDto> {
    return this.api.request<AuditDto>('GET', `/api/audits/${id}`);
  }

  async create(input: NewAuditInput): Promise<number> {
    return (await this.api.request<{ id: number }>('POST', '/api/audits', input)).id;
  }

  setStatus(id: number, status: AuditStatus): Promise<AuditDto> {
    return this.api.request<AuditDto>('PATCH', `/api/audits/${id}`, { status });
  }

  addCase(id: number, caseRef: string): Promise<AuditCaseDto> {
    return this.api.request<AuditCaseDto>('POST', `/api/audits/${id}/cases`, { caseRef });
  }

  gradeCase(
    id: number,
    caseId: number,
    findings: { grades: Partial<Record<AuditDomain, AuditGrade | null>>; whatWorkedWell: string | null }
  ): Promise<AuditCaseDto> {
    return this.api.request<AuditCaseDto>('PATCH', `/api/audits/${id}/cases/${caseId}`, findings);
  }

  makeActionPlan(id: number): Promise<{ actionPlanId: number; created: boolean }> {
    return this.api.request('POST', `/api/audits/${id}/action-plan`, {});
  }

  async addSession(input: NewSessionInput): Promise<number> {
    return (await this.api.request<{ id: number }>('POST', '/api/focus-groups', input)).id;
  }

  setSessionStatus(id: number, status: FocusGroupStatus): Promise<unknown> {
    return this.api.request('PATCH', `/api/focus-groups/${id}`, { status });
  }

  async signups(id: number): Promise<SignupDto[]> {
    return (await this.api.request<{ signups: SignupDto[] }>('GET', `/api/focus-groups/${id}/signups`)).signups;
  }
}

/** @returns a UTC instant in the board's time, e.g. "Tue 3 Mar 2026, 10:00" */
export function formatWhen(iso: string, timeZone = 'Europe/London'): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Labels for grades and domains. */
export const GRADE_LABELS: Record<AuditGrade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
};

/** Labels for the graded domains. */
export const DOMAIN_LABELS: Record<AuditDomain, string> = {
  lived_experience: "Child's lived experience",
  assessment: 'Assessment',
  planning_and_review: 'Planning and review',
  multi_agency_working: 'Multi-agency working',
  management_oversight: 'Management oversight',
};

/** The graded domains in display order (from the labels, which the type keeps complete). */
export const DOMAINS = Object.keys(DOMAIN_LABELS) as AuditDomain[];

/** The grade scale, best first. */
export const GRADES = Object.keys(GRADE_LABELS) as AuditGrade[];

/** An audit's statuses in order, with labels. */
export const STATUS_LABELS: Record<AuditStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  completed: 'Completed',
};
