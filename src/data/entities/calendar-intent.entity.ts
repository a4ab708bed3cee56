import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Something the calendar side should do for a confirmed seat (invite, or remove an attendee).
 * Recorded in the transaction that changes the seat; the Graph scheduling work turns unprocessed
 * intents into calendar outbox items and sets `processed_at`.
 */
@Entity('calendar_intents')
export class CalendarIntent {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  /** `send_invitation` or `remove_attendee` */
  @Column({ type: String, length: 40 })
  kind!: string;

  @Column({ name: 'focus_group_id', type: Number })
  focusGroupId!: number;

  @Column({ name: 'aad_object_id', type: String, length: 100 })
  aadObjectId!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'processed_at', type: Date, nullable: true })
  processedAt!: Date | null;
}
