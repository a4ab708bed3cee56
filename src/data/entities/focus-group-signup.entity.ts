import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One sign-up to a focus group. A person has at most one active (confirmed or waitlisted) sign-up
 * per session; cancelled ones stay as history.
 */
@Entity('focus_group_signups')
export class FocusGroupSignup {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ name: 'focus_group_id', type: Number })
  focusGroupId!: number;

  /** Entra object id of the practitioner */
  @Column({ name: 'person_aad_id', type: String, length: 100 })
  personAadId!: string;

  /** agency code the practitioner gave */
  @Column({ type: String, length: 40, nullable: true })
  agency!: string | null;

  /** the practitioner's job role, as they gave it */
  @Column({ type: String, length: 100 })
  role!: string;

  @Column({ name: 'access_needs', type: 'text', nullable: true })
  accessNeeds!: string | null;

  /** confirmed, waitlisted or cancelled */
  @Column({ type: String, length: 20 })
  status!: string;

  /** place on the waiting list, 1 = next; null unless waitlisted */
  @Column({ type: Number, nullable: true })
  position!: number | null;

  /** one per sign-up request, so a repeated or redelivered request changes nothing */
  @Column({ name: 'idempotency_key', type: String, length: 200, unique: true })
  idempotencyKey!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
