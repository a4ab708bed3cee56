import type { DataSource, EntityManager } from 'typeorm';

import type { AuditCase } from '../../data/entities/audit-case.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { FocusGroupRepository } from '../../data/repositories/focus-group.repository';
import { PersonRepository } from '../../data/repositories/person.repository';
import { ThemedAuditRepository } from '../../data/repositories/themed-audit.repository';
import { writeTransaction } from '../../data/write-transaction';
import { NotFoundError, ValidationError } from '../../errors';
import type { Caller } from '../caller';
import { createAuditActionPlan, findAuditPlanId } from './action-plan';
import type { AuditChanges, AuditDetail, AuditSummary, CaseFindings, NewAudit } from './types';

/** Themed audits for the business unit: plan them, record cases and their grades. */
export class AuditService {
  constructor(
    private readonly db: DataSource,
    private readonly now: () => Date
  ) {}

  /** @returns every audit with case and session counts, newest first */
  async list(): Promise<AuditSummary[]> {
    const audits = await new ThemedAuditRepository(this.db).list();
    const ids = audits.map((a) => a.id);
    const cases = await new ThemedAuditRepository(this.db).countCases(ids);
    const groups = await new FocusGroupRepository(this.db).countByAudit(ids);
    return audits.map((audit) => ({
      audit,
      caseCount: cases.get(audit.id) ?? 0,
      focusGroupCount: groups.get(audit.id) ?? 0,
    }));
  }

  /**
   * @returns one audit with its cases and sessions
   * @throws NotFoundError when there is no such audit
   */
  async get(id: number): Promise<AuditDetail> {
    const repo = new ThemedAuditRepository(this.db);
    const audit = await repo.findById(id);
    if (!audit) {
      throw new NotFoundError('There is no such audit');
    }
    const cases = await repo.listCases(id);
    const groupRepo = new FocusGroupRepository(this.db);
    const groups = await groupRepo.listByAudit(id);
    const waitlists = await groupRepo.waitlistLengths(groups.map((g) => g.id));
    return {
      audit,
      caseCount: cases.length,
      focusGroupCount: groups.length,
      cases,
      focusGroups: groups.map((group) => ({ group, waitlistLength: waitlists.get(group.id) ?? 0 })),
      actionPlanId: await findAuditPlanId(this.db, id),
    };
  }

  /**
   * Creates an audit, with the cases to audit when given.
   * @returns the new audit's id
   * @throws ValidationError for unknown agencies or a period that ends before it starts
   */
  async create(caller: Caller, input: NewAudit): Promise<number> {
    await this.assertValid(input);
    const now = this.now();
    return writeTransaction(this.db, async (em) => {
      const repo = new ThemedAuditRepository(em);
      const audit = await repo.insert(
        {
          theme: input.theme,
          title: input.title,
          periodStart: input.periodStart ?? null,
          periodEnd: input.periodEnd ?? null,
          agencies: input.agencies ?? [],
          team: input.team ?? [],
          status: input.status ?? 'planned',
        },
        caller.id,
        now
      );
      for (const caseRef of new Set(input.cases ?? [])) {
        await repo.insertCase(audit.id, caseRef, { grades: {}, whatWorkedWell: null, notes: null }, now);
      }
      await this.log(em, caller, 'audit.created', 'audit', audit.id, { caseCount: input.cases?.length ?? 0 });
      return audit.id;
    });
  }

  /**
   * Changes an audit's details or status.
   * @throws NotFoundError, ValidationError
   */
  async update(caller: Caller, id: number, changes: AuditChanges): Promise<void> {
    const repo = new ThemedAuditRepository(this.db);
    const audit = await repo.findById(id);
    if (!audit) {
      throw new NotFoundError('There is no such audit');
    }
    await this.assertValid({
      agencies: changes.agencies,
      periodStart: changes.periodStart === undefined ? audit.periodStart : changes.periodStart,
      periodEnd: changes.periodEnd === undefined ? audit.periodEnd : changes.periodEnd,
    });
    await writeTransaction(this.db, async (em) => {
      await new ThemedAuditRepository(em).update(id, changes, this.now());
      await this.log(em, caller, 'audit.updated', 'audit', id, { fields: Object.keys(changes) });
    });
  }

  /**
   * Adds a case (by anonymised reference) to an audit, with any grades already known.
   * @returns the new case
   * @throws NotFoundError (no such audit), ConflictError (reference already used in this audit)
   */
  async addCase(caller: Caller, auditId: number, caseRef: string, findings: CaseFindings): Promise<AuditCase> {
    if (!(await new ThemedAuditRepository(this.db).findById(auditId))) {
      throw new NotFoundError('There is no such audit');
    }
    return writeTransaction(this.db, async (em) => {
      const row = await new ThemedAuditRepository(em).insertCase(
        auditId,
        caseRef,
        {
          grades: mergeGrades({}, findings.grades),
          whatWorkedWell: findings.whatWorkedWell ?? null,
          notes: findings.notes ?? null,
        },
        this.now()
      );
      await this.log(em, caller, 'audit_case.added', 'audit_case', row.id, { auditId });
      return row;
    });
  }

  /**
   * Records grades (a null grade clears that domain) and findings for a case.
   * @returns the updated case
   * @throws NotFoundError when the audit has no such case
   */
  async updateCase(caller: Caller, auditId: number, caseId: number, findings: CaseFindings): Promise<AuditCase> {
    return writeTransaction(this.db, async (em) => {
      const repo = new ThemedAuditRepository(em);
      const row = await repo.findCase(auditId, caseId);
      if (!row) {
        throw new NotFoundError('This audit has no such case');
      }
      const changes = {
        grades: mergeGrades(row.grades, findings.grades),
        ...(findings.whatWorkedWell !== undefined ? { whatWorkedWell: findings.whatWorkedWell } : {}),
        ...(findings.notes !== undefined ? { notes: findings.notes } : {}),
      };
      await repo.updateCase(caseId, changes, this.now());
      await this.log(em, caller, 'audit_case.graded', 'audit_case', caseId, {
        auditId,
        domains: Object.keys(findings.grades ?? {}),
      });
      return (await repo.findCase(auditId, caseId)) as AuditCase;
    });
  }

  /**
   * Turns the audit's findings into an action plan (once).
   * @see createAuditActionPlan
   */
  createActionPlan(
    caller: Caller,
    auditId: number,
    input: { title?: string; recommendations?: string[] }
  ): Promise<{ planId: number; created: boolean }> {
    return createAuditActionPlan(this.db, caller, auditId, input, this.now());
  }

  private async assertValid(input: Pick<NewAudit, 'agencies' | 'periodStart' | 'periodEnd'>): Promise<void> {
    if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart) {
      throw new ValidationError('The audit period ends before it starts', {
        fields: [{ field: 'periodEnd', message: 'before periodStart' }],
      });
    }
    if (input.agencies?.length) {
      const known = new Set((await new PersonRepository(this.db).listAgencies()).map((a) => a.code));
      const unknown = input.agencies.filter((c) => !known.has(c));
      if (unknown.length > 0) {
        throw new ValidationError(`Unknown agency code: ${unknown.join(', ')}`, {
          fields: [{ field: 'agencies', message: 'unknown agency code' }],
        });
      }
    }
  }

  private async log(
    em: EntityManager,
    caller: Caller,
    action: string,
    entityType: string,
    id: number,
    detail: Record<string, unknown>
  ): Promise<void> {
    await new AuditRepository(em).append({ actorId: caller.id, action, entityType, entityId: String(id), detail });
  }
}

function mergeGrades(
  current: Record<string, string>,
  changes: CaseFindings['grades'] | undefined
): Record<string, string> {
  const next = { ...current };
  for (const [domain, grade] of Object.entries(changes ?? {})) {
    if (grade) {
      next[domain] = grade;
    } else {
      delete next[domain];
    }
  }
  return next;
}
