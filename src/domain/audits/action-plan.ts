import type { DataSource } from 'typeorm';

import { AUDIT_DOMAINS, type AuditDomain } from '../../contracts/audits';
import { ActionPlan } from '../../data/entities/action-plan.entity';
import { Recommendation } from '../../data/entities/recommendation.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { ThemedAuditRepository } from '../../data/repositories/themed-audit.repository';
import { writeTransaction } from '../../data/write-transaction';
import { NotFoundError, ValidationError } from '../../errors';
import type { Caller } from '../caller';

/** Plain-words names of the graded domains, for recommendations. */
export const DOMAIN_LABELS: Record<AuditDomain, string> = {
  lived_experience: "the child's lived experience",
  assessment: 'assessment',
  planning_and_review: 'planning and review',
  multi_agency_working: 'multi-agency working',
  management_oversight: 'management oversight',
};

/** @returns the action-plan source reference of an audit, e.g. `AUDIT-12` */
export function auditSourceRef(auditId: number): string {
  return `AUDIT-${auditId}`;
}

/** @returns the id of the action plan made from an audit's findings, or null */
export async function findAuditPlanId(db: DataSource, auditId: number): Promise<number | null> {
  const plan = await db
    .getRepository(ActionPlan)
    .findOne({ where: { sourceType: 'audit', sourceRef: auditSourceRef(auditId) }, order: { id: 'ASC' } });
  return plan?.id ?? null;
}

/**
 * Turns an audit's findings into an action plan (source type `audit`), once: a second call returns
 * the plan already made. Without recommendations given, one is drafted for each domain where any
 * case was graded requires improvement or inadequate.
 * @param db the database
 * @param caller the business-unit member
 * @param auditId the audit
 * @param input optional plan title and recommendation texts
 * @param now the current time
 * @returns the plan's id and whether it was made now
 * @throws NotFoundError (no such audit), ValidationError (no recommendations to make)
 */
export async function createAuditActionPlan(
  db: DataSource,
  caller: Caller,
  auditId: number,
  input: { title?: string; recommendations?: string[] },
  now: Date
): Promise<{ planId: number; created: boolean }> {
  const audits = new ThemedAuditRepository(db);
  const audit = await audits.findById(auditId);
  if (!audit) {
    throw new NotFoundError('There is no such audit');
  }
  const texts = input.recommendations ?? draftRecommendations(await audits.listCases(auditId));
  return writeTransaction(db, async (em) => {
    // touching the audit first holds its row (and SQLite's write lock): one plan per audit
    await new ThemedAuditRepository(em).update(auditId, {}, now);
    const existing = await em
      .getRepository(ActionPlan)
      .findOne({ where: { sourceType: 'audit', sourceRef: auditSourceRef(auditId) }, order: { id: 'ASC' } });
    if (existing) {
      return { planId: existing.id, created: false };
    }
    if (texts.length === 0) {
      throw new ValidationError(
        'No case was graded requires improvement or inadequate: give the recommendations to put in the plan'
      );
    }
    const plan = await em.getRepository(ActionPlan).save({
      sourceType: 'audit',
      sourceRef: auditSourceRef(auditId),
      title: input.title ?? `${audit.title}: action plan`,
      createdAt: now,
      createdBy: caller.id,
    });
    await em
      .getRepository(Recommendation)
      .insert(texts.map((text, i) => ({ planId: plan.id, text, order: i + 1 })));
    await new AuditRepository(em).append({
      actorId: caller.id,
      action: 'audit.action_plan_created',
      entityType: 'audit',
      entityId: String(auditId),
      detail: { planId: plan.id, recommendationCount: texts.length },
    });
    return { planId: plan.id, created: true };
  });
}

/** @returns one recommendation per domain with cases graded below good, worst-hit first */
export function draftRecommendations(cases: { grades: Record<string, string> }[]): string[] {
  return AUDIT_DOMAINS.map((domain) => ({
    domain,
    weak: cases.filter((c) => c.grades[domain] === 'requires_improvement' || c.grades[domain] === 'inadequate').length,
    graded: cases.filter((c) => c.grades[domain]).length,
  }))
    .filter((d) => d.weak > 0)
    .sort((a, b) => b.weak - a.weak)
    .map(
      (d) =>
        `Improve ${DOMAIN_LABELS[d.domain]}: ${d.weak} of ${d.graded} audited cases were graded requires improvement or inadequate.`
    );
}
