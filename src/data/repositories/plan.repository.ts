import type { DataSource, EntityManager } from 'typeorm';

import { Action } from '../entities/action.entity';
import { ActionPlan } from '../entities/action-plan.entity';
import { Agency } from '../entities/agency.entity';
import { Person } from '../entities/person.entity';
import { Recommendation } from '../entities/recommendation.entity';
import { chunks, chunkSize } from './action.repository';

/** Per-plan action counts by status. */
export type PlanStatusCount = { planId: number; status: string; n: number; overdue: number };

/** Action plans and their recommendations. */
export class PlanRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** @returns every plan, newest first */
  async list(): Promise<ActionPlan[]> {
    return this.db.getRepository(ActionPlan).find({ order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** @returns one plan, or null */
  async find(id: number): Promise<ActionPlan | null> {
    return this.db.getRepository(ActionPlan).findOne({ where: { id } });
  }

  /** @returns one recommendation, or null */
  async findRecommendation(id: number): Promise<Recommendation | null> {
    return this.db.getRepository(Recommendation).findOne({ where: { id } });
  }

  /** @returns the recommendations of these plans, in plan order */
  async recommendations(planIds: number[]): Promise<Recommendation[]> {
    if (planIds.length === 0) {
      return [];
    }
    return this.db
      .getRepository(Recommendation)
      .createQueryBuilder('r')
      .where('r.planId IN (:...planIds)', { planIds })
      .orderBy('r.planId', 'ASC')
      .addOrderBy('r.order', 'ASC')
      .getMany();
  }

  /** @returns `{recommendationId, id}` of every action of these plans, by id */
  async actionIds(planIds: number[]): Promise<{ recommendationId: number; id: number }[]> {
    if (planIds.length === 0) {
      return [];
    }
    const rows = await this.db
      .getRepository(Action)
      .createQueryBuilder('a')
      .select('a.recommendationId', 'recommendationId')
      .addSelect('a.id', 'id')
      .where('a.planId IN (:...planIds)', { planIds })
      .orderBy('a.id', 'ASC')
      .getRawMany<{ recommendationId: number | string; id: number | string }>();
    return rows.map((r) => ({ recommendationId: Number(r.recommendationId), id: Number(r.id) }));
  }

  /** @returns action counts per plan and status (all plans when `planIds` is absent) */
  async statusCounts(today: string, planIds?: number[]): Promise<PlanStatusCount[]> {
    const qb = this.db
      .getRepository(Action)
      .createQueryBuilder('a')
      .select('a.planId', 'planId')
      .addSelect('a.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .addSelect("SUM(CASE WHEN a.status <> 'complete' AND a.dueDate < :today THEN 1 ELSE 0 END)", 'overdue')
      .setParameter('today', today)
      .groupBy('a.planId')
      .addGroupBy('a.status');
    if (planIds) {
      qb.where('a.planId IN (:...planIds)', { planIds: planIds.length ? planIds : [0] });
    }
    const rows = await qb.getRawMany<Record<string, string | number | null>>();
    return rows.map((r) => ({
      planId: Number(r.planId),
      status: String(r.status),
      n: Number(r.n),
      overdue: Number(r.overdue ?? 0),
    }));
  }

  /** @returns the recommendation count of each plan */
  async recommendationCounts(): Promise<Map<number, number>> {
    const rows = await this.db
      .getRepository(Recommendation)
      .createQueryBuilder('r')
      .select('r.planId', 'planId')
      .addSelect('COUNT(*)', 'n')
      .groupBy('r.planId')
      .getRawMany<{ planId: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.planId), Number(r.n)]));
  }

  /** Inserts plans. @returns their ids in order */
  async insertPlans(rows: Omit<ActionPlan, 'id'>[]): Promise<number[]> {
    const ids: number[] = [];
    for (const chunk of chunks(rows, chunkSize(this.db, 5))) {
      const result = await this.db.createQueryBuilder().insert().into(ActionPlan).values(chunk).execute();
      ids.push(...result.identifiers.map((r) => Number(r.id)));
    }
    return ids;
  }

  /** Inserts recommendations. @returns their ids in order */
  async insertRecommendations(rows: Omit<Recommendation, 'id'>[]): Promise<number[]> {
    const ids: number[] = [];
    for (const chunk of chunks(rows, chunkSize(this.db, 3))) {
      const result = await this.db.createQueryBuilder().insert().into(Recommendation).values(chunk).execute();
      ids.push(...result.identifiers.map((r) => Number(r.id)));
    }
    return ids;
  }

  /** @returns the next free recommendation position in a plan */
  async nextRecommendationOrder(planId: number): Promise<number> {
    const row = await this.db
      .getRepository(Recommendation)
      .createQueryBuilder('r')
      .select('MAX(r.order)', 'max')
      .where('r.planId = :planId', { planId })
      .getRawOne<{ max: number | string | null }>();
    return Number(row?.max ?? 0) + 1;
  }

  /** @returns agencies by code (only those that exist) */
  async agenciesByCode(codes: string[]): Promise<Agency[]> {
    if (codes.length === 0) {
      return [];
    }
    return this.db
      .getRepository(Agency)
      .createQueryBuilder('g')
      .where('g.code IN (:...codes)', { codes })
      .getMany();
  }

  /** @returns every agency, by name */
  async agencies(): Promise<Agency[]> {
    return this.db.getRepository(Agency).find({ order: { name: 'ASC' } });
  }

  /** @returns the people with these ids (only those that exist) */
  async peopleByIds(ids: number[]): Promise<Person[]> {
    if (ids.length === 0) {
      return [];
    }
    return this.db.getRepository(Person).createQueryBuilder('p').where('p.id IN (:...ids)', { ids }).getMany();
  }
}
