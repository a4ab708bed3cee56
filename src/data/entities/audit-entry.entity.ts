import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of the append-only audit log: who did what to which record, when. Never updated. */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ type: Date })
  at!: Date;

  /** Entra object id of the actor, or `system` */
  @Column({ name: 'actor_id', type: String, length: 100 })
  actorId!: string;

  /** e.g. `notification.created`, `action.status_changed` */
  @Column({ type: String, length: 80 })
  action!: string;

  @Column({ name: 'entity_type', type: String, length: 60 })
  entityType!: string;

  @Column({ name: 'entity_id', type: String, length: 100 })
  entityId!: string;

  /** JSON detail without personal data */
  @Column({ name: 'detail_json', type: 'text', nullable: true })
  detailJson!: string | null;
}
