import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';

import { Action } from '../entities/action.entity';
import { ActionPlan } from '../entities/action-plan.entity';
import { Agency } from '../entities/agency.entity';
import { Person } from '../entities/person.entity';

/** Which actions a list, a count or an export covers. Empty arrays mean "no filter". */
export type ActionFilter = {
  agencyIds?: number[];
  statuses?: string[];
  sources?: string[];
  planIds?: number[];
  ownerIds?: number[];
  overdue?: boolean;
  /** text searched in the action, its recommendation and its plan (title and reference) */
  q?: string;
  /** only red actions and those not complete that are due on or before this date (`YYYY-MM-DD`) */
  redOrDueBy?: string;
  /** today's date (`YYYY-MM-DD`), for `overdue` */
  today: string;
};

/** Sort keys: each an expression over alias `a`, ascending or descending. */
export type SortKey = { expr: string; alias: string; desc: boolean };

/** One page request: the keys to order by, where to continue after, and how many rows. */
export type PageRequest = { keys: SortKey[]; after: (string | number)[] | null; limit: number };

/** A list row with everything the tracker table shows (no private fields). */
export type ActionListRow = {
  id: number;
  version: number;
  planId: number;
  planTitle: string;
  planSourceType: string;
  planSourceRef: string;
  recommendationId: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  ownerId: number | null;
  ownerName: string | null;
  description: string;
  targetDate: string;
  revisedTargetDate: string | null;
  dueDate: string;
  status: string;
  ruleStatus: string;
  overrideStatus: string | null;
  lastProgressAt: unknown;
  completionProposedAt: unknown;
  signedOffAt: unknown;
  updatedAt: unknown;
};

/** A list row with the values of its sort keys (`k0`, `k1`, …) for the next cursor. */
export type KeyedListRow = ActionListRow & { [key: `k${number}`]: string | number };

/** Counts per status over a filtered set. */
export type StatusCountRow = { status: string; n: number; overdue: number };

/** Expression ranking overdue actions first (0) and the rest after (1). */
export const OVERDUE_RANK = "CASE WHEN a.status <> 'complete' AND a.dueDate < :today THEN 0 ELSE 1 END";

/** Expression ranking statuses worst first. */
export const STATUS_RANK =
  "CASE a.status WHEN 'red' THEN 0 WHEN 'amber' THEN 1 WHEN 'green' THEN 2 ELSE 3 END";

/** Escapes LIKE wildcards so user text matches literally (with `ESCAPE '\'`). */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_[]/g, (c) => `\\${c}`)}%`;
}

/** Read-side queries of the tracker: filtered pages with keyset cursors, counts, export batches. */
export class ActionListRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** @returns the filtered query over alias `a` (no select, order or limit yet) */
  private filtered(f: ActionFilter): SelectQueryBuilder<Action> {
    const qb = this.db.getRepository(Action).createQueryBuilder('a');
    qb.setParameter('today', f.today);
    if (f.agencyIds?.length) {
      qb.andWhere('a.leadAgencyId IN (:...agencyIds)', { agencyIds: f.agencyIds });
    }
    if (f.statuses?.length) {
      qb.andWhere('a.status IN (:...statuses)', { statuses: f.statuses });
    }
    if (f.planIds?.length) {
      qb.andWhere('a.planId IN (:...planIds)', { planIds: f.planIds });
    }
    if (f.ownerIds?.length) {
      qb.andWhere('a.ownerPersonId IN (:...ownerIds)', { ownerIds: f.ownerIds });
    }
    if (f.sources?.length) {
      qb.andWhere('a.planId IN (SELECT sp.id FROM action_plans sp WHERE sp.source_type IN (:...sources))', {
        sources: f.sources,
      });
    }
    if (f.overdue !== undefined) {
      qb.andWhere(f.overdue ? "a.status <> 'complete' AND a.dueDate < :today" : "(a.status = 'complete' OR a.dueDate >= :today)");
    }
    if (f.redOrDueBy) {
      qb.andWhere("(a.status = 'red' OR (a.status <> 'complete' AND a.dueDate <= :dueBy))", { dueBy: f.redOrDueBy });
    }
    if (f.q) {
      qb.andWhere(
        "(a.description LIKE :q ESCAPE '\\' OR a.recommendationId IN (SELECT qr.id FROM recommendations qr WHERE qr.content LIKE :q ESCAPE '\\') OR a.planId IN (SELECT qp.id FROM action_plans qp WHERE qp.title LIKE :q ESCAPE '\\' OR qp.source_ref LIKE :q ESCAPE '\\'))",
        { q: likePattern(f.q) }
      );
    }
    return qb;
  }

  /**
   * One page of ids in list order, continuing after the cursor's key values.
   * @returns up to `limit + 1` rows of `{id, k0, k1, …}` (one extra tells whether more follow)
   */
  async pageKeys(f: ActionFilter, page: PageRequest): Promise<Record<string, string | number>[]> {
    const qb = this.filtered(f).select('a.id', 'id');
    page.keys.forEach((k, i) => qb.addSelect(k.expr, `k${i}`));
    this.continueAfter(qb, page);
    return qb.limit(page.limit + 1).getRawMany();
  }

  /** Adds the keyset condition (after the cursor's values) and the order of the keys `k0…`. */
  private continueAfter(qb: SelectQueryBuilder<Action>, page: PageRequest): void {
    if (page.after) {
      const params: Record<string, string | number> = {};
      const ors = page.keys.map((k, i) => {
        const eqs = page.keys.slice(0, i).map((p, j) => `${p.expr} = :c${j}`);
        return `(${[...eqs, `${k.expr} ${k.desc ? '<' : '>'} :c${i}`].join(' AND ')})`;
      });
      page.after.forEach((v, i) => (params[`c${i}`] = v));
      qb.andWhere(`(${ors.join(' OR ')})`, params);
    }
    page.keys.forEach((k, i) => qb.addOrderBy(`k${i}`, k.desc ? 'DESC' : 'ASC'));
  }

  /**
   * One page of list rows in list order (joined with plan, agency and owner), continuing after
   * the cursor's key values; each row also carries its key values as `k0`, `k1`, …
   * @returns up to `limit + 1` rows (one extra tells whether more follow)
   */
  async pageRows(f: ActionFilter, page: PageRequest): Promise<KeyedListRow[]> {
    // The page is chosen on the narrow rows first and only its rows are joined: joining before
    // sorting would join every filtered action (all 20,000 without a filter).
    const inner = this.filtered(f).select('a.id', 'id');
    page.keys.forEach((k, i) => inner.addSelect(k.expr, `k${i}`));
    this.continueAfter(inner, page);
    inner.limit(page.limit + 1);
    const qb = withListColumns(this.db.getRepository(Action).createQueryBuilder('a'));
    page.keys.forEach((k, i) => qb.addSelect(k.expr, `k${i}`));
    qb.where(`a.id IN (SELECT pg.id FROM (${inner.getQuery()}) pg)`).setParameters(inner.getParameters());
    page.keys.forEach((k, i) => qb.addOrderBy(`k${i}`, k.desc ? 'DESC' : 'ASC'));
    return qb.getRawMany();
  }

  /** @returns how many filtered actions have each status, and how many of those are overdue */
  async countByStatus(f: ActionFilter): Promise<StatusCountRow[]> {
    const rows = await this.filtered(f)
      .select('a.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .addSelect("SUM(CASE WHEN a.status <> 'complete' AND a.dueDate < :today THEN 1 ELSE 0 END)", 'overdue')
      .groupBy('a.status')
      .getRawMany<{ status: string; n: number | string; overdue: number | string | null }>();
    return rows.map((r) => ({ status: r.status, n: Number(r.n), overdue: Number(r.overdue ?? 0) }));
  }
}

/** Joins plan, agency and owner and selects what a list row shows (the detail view adds to it). */
export function withListColumns(qb: SelectQueryBuilder<Action>): SelectQueryBuilder<Action> {
  return qb
    .innerJoin(ActionPlan, 'p', 'p.id = a.planId')
    .innerJoin(Agency, 'g', 'g.id = a.leadAgencyId')
    .leftJoin(Person, 'o', 'o.id = a.ownerPersonId')
    .select('a.id', 'id')
    .addSelect('a.version', 'version')
    .addSelect('a.planId', 'planId')
    .addSelect('p.title', 'planTitle')
    .addSelect('p.sourceType', 'planSourceType')
    .addSelect('p.sourceRef', 'planSourceRef')
    .addSelect('a.recommendationId', 'recommendationId')
    .addSelect('a.leadAgencyId', 'agencyId')
    .addSelect('g.code', 'agencyCode')
    .addSelect('g.name', 'agencyName')
    .addSelect('a.ownerPersonId', 'ownerId')
    .addSelect('o.displayName', 'ownerName')
    .addSelect('a.description', 'description')
    .addSelect('a.targetDate', 'targetDate')
    .addSelect('a.revisedTargetDate', 'revisedTargetDate')
    .addSelect('a.dueDate', 'dueDate')
    .addSelect('a.status', 'status')
    .addSelect('a.ruleStatus', 'ruleStatus')
    .addSelect('a.overrideStatus', 'overrideStatus')
    .addSelect('a.lastProgressAt', 'lastProgressAt')
    .addSelect('a.completionProposedAt', 'completionProposedAt')
    .addSelect('a.signedOffAt', 'signedOffAt')
    .addSelect('a.updatedAt', 'updatedAt');
}
