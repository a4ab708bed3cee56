import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What an outbox item asks Graph to do. */
export type CalendarOperation = 'create' | 'update' | 'cancel' | 'add_attendee' | 'remove_attendee';

/** Where an outbox item is: waiting, being sent under a lease, done, or given up (visible to admins). */
export type OutboxStatus = 'pending' | 'in_flight' | 'sent' | 'failed';

/**
 * One calendar change waiting to reach Outlook. Written in the transaction that changed the
 * calendar event; sent in id order per event by the outbox worker, which claims items with a
 * lease so several server instances never send the same item at once.
 */
@Entity('calendar_outbox')
export class CalendarOutboxItem {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ name: 'calendar_event_id', type: Number })
  calendarEventId!: number;

  @Column({ type: String, length: 20 })
  operation!: CalendarOperation;

  /** what changed (fields, attendee, cancellation message); the request is built at send time */
  @Column({ name: 'payload_json', type: 'simple-json' })
  payload!: Record<string, unknown>;

  /** GUID sent as Graph's `transactionId` on create; the same on every retry */
  @Column({ name: 'transaction_id', type: String, length: 36 })
  transactionId!: string;

  @Column({ type: String, length: 12 })
  status!: OutboxStatus;

  @Column({ type: Number, default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: Date })
  nextAttemptAt!: Date;

  @Column({ name: 'lease_owner', type: String, length: 100, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_until', type: Date, nullable: true })
  leaseUntil!: Date | null;

  /** Graph's error for failed items (and the last retryable error for pending ones) */
  @Column({ name: 'last_error', type: String, length: 1000, nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: Date, nullable: true })
  sentAt!: Date | null;
}
