import { In, type DataSource, type EntityManager } from 'typeorm';

import { ConflictError } from '../../errors';
import { AuditCase } from '../entities/audit-case.entity';
import { ThemedAudit } from '../entities/themed-audit.entity';

/** Editable fields of an audit. */
export type AuditFields = Pick<
  ThemedAudit,
  'theme' | 'title' | 'periodStart' | 'periodEnd' | 'agencies' | 'team' | 'status'
>;

/** Editable fields of an audited case. */
export type AuditCaseFields = Pick<AuditCase, 'grades' | 'whatWorkedWell' | 'notes'>;

/** Themed audits and their sampled cases. */
export class ThemedAuditRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get audits() {
    return this.db.getRepository(ThemedAudit);
  }

  private get cases() {
    return this.db.getRepository(AuditCase);
  }

  /** @returns every audit, newest first */
  async list(): Promise<ThemedAudit[]> {
    return this.audits.find({ order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** @returns the audit, or null */
  async findById(id: number): Promise<ThemedAudit | null> {
    return this.audits.findOne({ where: { id } });
  }

  /** @returns the audits with these ids, by id */
  async findByIds(ids: number[]): Promise<Map<number, ThemedAudit>> {
    const rows = ids.length === 0 ? [] : await this.audits.find({ where: { id: In(ids) } });
    return new Map(rows.map((a) => [a.id, a]));
  }

  /** Inserts an audit. */
  async insert(fields: AuditFields, createdBy: string, now: Date): Promise<ThemedAudit> {
    return this.audits.save(this.audits.create({ ...fields, createdBy, createdAt: now, updatedAt: now }));
  }

  /** Updates an audit's fields. */
  async update(id: number, changes: Partial<AuditFields>, now: Date): Promise<void> {
    await this.audits.update({ id }, { ...changes, updatedAt: now });
  }

  /** @returns an audit's cases in the order they were added */
  async listCases(auditId: number): Promise<AuditCase[]> {
    return this.cases.find({ where: { auditId }, order: { id: 'ASC' } });
  }

  /** @returns the number of cases per audit id */
  async countCases(auditIds: number[]): Promise<Map<number, number>> {
    if (auditIds.length === 0) {
      return new Map();
    }
    const rows = await this.cases
      .createQueryBuilder('c')
      .select('c.audit_id', 'auditId')
      .addSelect('COUNT(*)', 'n')
      .where('c.audit_id IN (:...auditIds)', { auditIds })
      .groupBy('c.audit_id')
      .getRawMany<{ auditId: number; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.auditId), Number(r.n)]));
  }

  /** @returns one case of an audit, or null */
  async findCase(auditId: number, caseId: number): Promise<AuditCase | null> {
    return this.cases.findOne({ where: { id: caseId, auditId } });
  }

  /**
   * Adds a case to an audit.
   * @throws ConflictError when the audit already has a case with this reference
   */
  async insertCase(auditId: number, caseRef: string, fields: AuditCaseFields, now: Date): Promise<AuditCase> {
    if (await this.cases.exists({ where: { auditId, caseRef } })) {
      throw new ConflictError(`This audit already has a case ${caseRef}`);
    }
    return this.cases.save(this.cases.create({ auditId, caseRef, ...fields, createdAt: now, updatedAt: now }));
  }

  /** Updates a case's grades and findings. */
  async updateCase(caseId: number, changes: Partial<AuditCaseFields>, now: Date): Promise<void> {
    await this.cases.update({ id: caseId }, { ...changes, updatedAt: now });
  }
}
