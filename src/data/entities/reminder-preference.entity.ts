import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A person's choice for one kind of reminder: muted, or snoozed until a time. */
@Entity('reminder_preferences')
@Unique('UQ_reminder_preferences_aad_kind', ['aad', 'kind'])
export class ReminderPreference {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  /** the person's Entra object id */
  @Column({ type: String, length: 100 })
  aad!: string;

  @Column({ type: String, length: 40 })
  kind!: string;

  @Column({ type: Boolean, default: false })
  muted!: boolean;

  /** reminders of this kind wait until then */
  @Column({ name: 'snoozed_until', type: Date, nullable: true })
  snoozedUntil!: Date | null;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
