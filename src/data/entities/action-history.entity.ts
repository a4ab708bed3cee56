import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of an action's history: appended with each change, never updated or deleted. */
@Entity('action_history')
export class ActionHistory {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ name: 'action_id', type: Number })
  actionId!: number;

  @Column({ type: Date })
  at!: Date;

  /** Entra object id of the person, or `system` for the RAG rule */
  @Column({ name: 'actor_id', type: String, length: 100 })
  actorId!: string;

  /** the person's name at the time (history never changes, even if the person is renamed) */
  @Column({ name: 'actor_name', type: String, length: 200 })
  actorName!: string;

  /** status, rule_status, override, progress_note, evidence, target_date, completion_proposed, signed_off, created */
  @Column({ type: String, length: 40 })
  field!: string;

  @Column({ name: 'from_value', type: 'text', nullable: true })
  fromValue!: string | null;

  @Column({ name: 'to_value', type: 'text', nullable: true })
  toValue!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
