import type { DataSource, EntityManager } from 'typeorm';

import { AuditEntry } from '../entities/audit-entry.entity';

/** One audit event to append. `detail` must hold no personal data. */
export type AuditEvent = {
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  detail?: Record<string, unknown>;
};

/** The append-only audit log: insert and read, never update or delete. */
export class AuditRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Appends one entry (inside the caller's transaction when given an EntityManager). */
  async append(event: AuditEvent): Promise<void> {
    await this.db.getRepository(AuditEntry).insert({
      at: new Date(),
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      detailJson: event.detail ? JSON.stringify(event.detail) : null,
    });
  }

  /** @returns the entries for one record, oldest first */
  async forEntity(entityType: string, entityId: string): Promise<AuditEntry[]> {
    return this.db
      .getRepository(AuditEntry)
      .find({ where: { entityType, entityId }, order: { id: 'ASC' } });
  }
}
