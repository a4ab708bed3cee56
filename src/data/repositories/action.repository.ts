import type { DataSource, EntityManager } from 'typeorm';

import { Action } from '../entities/action.entity';
import { ActionHistory } from '../entities/action-history.entity';
import { Person } from '../entities/person.entity';
import { Recommendation } from '../entities/recommendation.entity';
import { type ActionListRow, withListColumns } from './action-list.repository';

/** A list row plus the private fields and the names behind them (detail view and export). */
export type ActionDetailRow = ActionListRow & {
  recommendationText: string;
  recommendationOrder: number;
  revisedTargetReason: string | null;
  overrideReason: string | null;
  overrideAt: unknown;
  overrideByName: string | null;
  progressNote: string | null;
  evidenceText: string | null;
  evidenceLinksJson: string | null;
  completionProposedByName: string | null;
  signedOffByName: string | null;
  createdAt: unknown;
};

/** One history line to append. */
export type HistoryInput = Omit<ActionHistory, 'id'>;

/** What the RAG rule reads for one action not yet signed off. */
export type RuleCandidate = Pick<
  Action,
  | 'id'
  | 'version'
  | 'leadAgencyId'
  | 'targetDate'
  | 'revisedTargetDate'
  | 'lastProgressAt'
  | 'status'
  | 'ruleStatus'
  | 'overrideStatus'
>;

/** Actions and their history: detail reads, versioned writes, append-only history. */
export class ActionRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** @returns detail rows of these ids (any order) */
  async detailRowsByIds(ids: number[]): Promise<ActionDetailRow[]> {
    if (ids.length === 0) {
      return [];
    }
    const detail = this.db
      .getRepository(Action)
      .createQueryBuilder('a')
      .innerJoin(Recommendation, 'r', 'r.id = a.recommendationId')
      .leftJoin(Person, 'ob', 'ob.id = a.overrideByPersonId')
      .leftJoin(Person, 'cp', 'cp.id = a.completionProposedByPersonId')
      .leftJoin(Person, 'so', 'so.id = a.signedOffByPersonId');
    return withListColumns(detail)
      .addSelect('r.text', 'recommendationText')
      .addSelect('r.order', 'recommendationOrder')
      .addSelect('a.revisedTargetReason', 'revisedTargetReason')
      .addSelect('a.overrideReason', 'overrideReason')
      .addSelect('a.overrideAt', 'overrideAt')
      .addSelect('ob.displayName', 'overrideByName')
      .addSelect('a.progressNote', 'progressNote')
      .addSelect('a.evidenceText', 'evidenceText')
      .addSelect('a.evidenceLinksJson', 'evidenceLinksJson')
      .addSelect('cp.displayName', 'completionProposedByName')
      .addSelect('so.displayName', 'signedOffByName')
      .addSelect('a.createdAt', 'createdAt')
      .where('a.id IN (:...ids)', { ids })
      .getRawMany<ActionDetailRow>();
  }

  /** @returns the action entity, or null */
  async find(id: number): Promise<Action | null> {
    return this.db.getRepository(Action).findOne({ where: { id } });
  }

  /**
   * Writes changes only if the action still has `version`, and bumps the version.
   * @returns whether the row was written (false: someone else changed it first)
   */
  async updateIfVersion(id: number, version: number, changes: Partial<Action>): Promise<boolean> {
    const result = await this.db
      .createQueryBuilder()
      .update(Action)
      .set({ ...changes, version: version + 1 })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Inserts actions (chunked for the database's parameter limit). @returns their ids in order */
  async insertMany(rows: Omit<Action, 'id'>[]): Promise<number[]> {
    const ids: number[] = [];
    for (const chunk of chunks(rows, chunkSize(this.db, 27))) {
      const result = await this.db.createQueryBuilder().insert().into(Action).values(chunk).execute();
      ids.push(...result.identifiers.map((r) => Number(r.id)));
    }
    return ids;
  }

  /** Appends history lines (never updated or deleted afterwards). */
  async appendHistory(rows: HistoryInput[]): Promise<void> {
    for (const chunk of chunks(rows, chunkSize(this.db, 9))) {
      await this.db.createQueryBuilder().insert().into(ActionHistory).values(chunk).updateEntity(false).execute();
    }
  }

  /** @returns one action's history, oldest first */
  async history(actionId: number): Promise<ActionHistory[]> {
    return this.db.getRepository(ActionHistory).find({ where: { actionId }, order: { id: 'ASC' } });
  }

  /** @returns every action not signed off, with what the RAG rule reads */
  async ruleCandidates(): Promise<RuleCandidate[]> {
    return this.db
      .getRepository(Action)
      .createQueryBuilder('a')
      .select(['a.id', 'a.version', 'a.leadAgencyId', 'a.targetDate', 'a.revisedTargetDate', 'a.lastProgressAt', 'a.status', 'a.ruleStatus', 'a.overrideStatus'])
      .where('a.signedOffAt IS NULL')
      .getMany();
  }
}

/** @returns how many rows of `columns` columns fit in one INSERT (SQL Server takes 2,100 parameters) */
export function chunkSize(db: DataSource | EntityManager, columns: number): number {
  const ds = 'connection' in db ? db.connection : db;
  const maxParams = ds.options.type === 'mssql' ? 2000 : 30000;
  return Math.max(1, Math.floor(maxParams / columns));
}

/** @returns the array cut into pieces of at most `size` */
export function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) {
    out.push(rows.slice(i, i + size));
  }
  return out;
}
