import { In, Like, type DataSource, type EntityManager } from 'typeorm';

import { Agency } from '../entities/agency.entity';
import { Notification } from '../entities/notification.entity';
import { Person } from '../entities/person.entity';
import { ConflictError } from '../../errors';
import { isUniqueViolation } from '../unique-violation';

/** A new notification's columns (id, version and timestamps are set here). */
export type NewNotification = Omit<Notification, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** The columns a decision changes. */
export type NotificationDecisionChange = Pick<
  Notification,
  | 'status'
  | 'decisionAction'
  | 'decidedRoute'
  | 'decisionReason'
  | 'decidedBy'
  | 'decidedAt'
  | 'decisionClocksJson'
>;

/** Stored notifications. */
export class NotificationRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * Inserts a notification.
   * @returns the stored row
   * @throws ConflictError `{reason: 'duplicate'}` when its idempotency key (or reference) is taken
   */
  async insert(row: NewNotification, at: Date): Promise<Notification> {
    const repo = this.db.getRepository(Notification);
    const entity = repo.create({ ...row, version: 1, createdAt: at, updatedAt: at });
    try {
      await repo.insert(entity);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ConflictError('This notification was already submitted', { reason: 'duplicate' });
      }
      throw err;
    }
    return entity;
  }

  /** @returns the notification with this reference, or null */
  async findByReference(reference: string): Promise<Notification | null> {
    return this.db.getRepository(Notification).findOne({ where: { reference } });
  }

  /** @returns the notification a submission with this idempotency key created, or null */
  async findByIdempotencyKey(idempotencyKey: string): Promise<Notification | null> {
    return this.db.getRepository(Notification).findOne({ where: { idempotencyKey } });
  }

  /**
   * @param filter only this notifier's notifications, when given
   * @returns notifications, newest first
   */
  async list(filter: { notifierAadId?: string } = {}): Promise<Notification[]> {
    return this.db.getRepository(Notification).find({
      where: filter.notifierAadId ? { notifierAadId: filter.notifierAadId } : {},
      order: { id: 'DESC' },
    });
  }

  /**
   * Records a decision if nobody changed the notification since `expectedVersion`.
   * @returns whether the row was updated (false: the version moved on)
   */
  async decide(
    id: number,
    expectedVersion: number,
    change: NotificationDecisionChange,
    at: Date
  ): Promise<boolean> {
    const result = await this.db
      .createQueryBuilder()
      .update(Notification)
      .set({ ...change, version: expectedVersion + 1, updatedAt: at })
      .where('id = :id AND version = :version', { id, version: expectedVersion })
      .execute();
    return result.affected === 1;
  }

  /** @returns the people with these Entra object ids, with their agencies */
  async people(aadObjectIds: string[]): Promise<Person[]> {
    const ids = [...new Set(aadObjectIds)];
    if (ids.length === 0) {
      return [];
    }
    return this.db
      .getRepository(Person)
      .find({ where: { aadObjectId: In(ids) }, relations: { agency: true } });
  }

  /** @returns every agency (a short list) */
  async agencies(): Promise<Agency[]> {
    return this.db.getRepository(Agency).find({ order: { name: 'ASC' } });
  }

  /** @returns the Entra object ids of people holding a role (e.g. `business_unit`), at most `limit` */
  async aadIdsWithRole(role: string, limit: number): Promise<string[]> {
    const people = await this.db
      .getRepository(Person)
      .find({ where: { roles: Like(`%${role}%`) }, select: { aadObjectId: true, roles: true }, order: { id: 'ASC' } });
    return people
      .filter((p) => p.roles.split(',').map((r) => r.trim()).includes(role))
      .slice(0, limit)
      .map((p) => p.aadObjectId);
  }
}
