import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A practitioners' focus-group session of a themed audit, with a fixed number of seats. */
@Entity('focus_groups')
export class FocusGroup {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ name: 'audit_id', type: Number })
  auditId!: number;

  /** UTC */
  @Column({ name: 'starts_at', type: Date })
  startsAt!: Date;

  @Column({ name: 'duration_minutes', type: Number })
  durationMinutes!: number;

  /** venue, or the meeting's name when online */
  @Column({ type: String, length: 200 })
  location!: string;

  @Column({ type: Boolean })
  online!: boolean;

  @Column({ type: Number })
  capacity!: number;

  /** who may join: `{agencies: string[], roles: string[]}`; empty lists mean all practitioners */
  @Column({ name: 'eligibility_json', type: 'simple-json' })
  eligibility!: { agencies: string[]; roles: string[] };

  /** open, closed or cancelled */
  @Column({ type: String, length: 20 })
  status!: string;

  /** confirmed seats; changed only in the transaction that confirms or cancels a seat */
  @Column({ name: 'confirmed_count', type: Number })
  confirmedCount!: number;

  /** bumped first by every sign-up change, so that change holds the row's write lock throughout */
  @Column({ name: 'signup_seq', type: Number })
  signupSeq!: number;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
