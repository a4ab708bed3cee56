import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A review's panel meeting or practitioner event; its invitation is a calendar event (outbox). */
@Entity('review_meetings')
export class ReviewMeeting {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ name: 'review_id', type: Number })
  reviewId!: number;

  /** `panel` or `practitioner_event` */
  @Column({ type: String, length: 30 })
  kind!: string;

  /** shown in partner calendars: a reference, no names */
  @Column({ type: String, length: 200 })
  title!: string;

  @Column({ name: 'starts_at', type: Date })
  startsAt!: Date;

  @Column({ name: 'duration_minutes', type: Number })
  durationMinutes!: number;

  @Column({ type: String, length: 255, nullable: true })
  location!: string | null;

  /** the calendar event (`calendar_events.id`) carrying the invitation */
  @Column({ name: 'calendar_event_id', type: Number, nullable: true })
  calendarEventId!: number | null;

  /** `scheduled` or `cancelled` */
  @Column({ type: String, length: 20 })
  status!: string;

  @Column({ name: 'created_by', type: String, length: 100 })
  createdBy!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
