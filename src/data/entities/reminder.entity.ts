import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One reminder to send as a proactive Teams message. The worker claims due rows with a lease
 * (`status = 'sending'`, `lease_owner`, `lease_until`) and records `sent` after the connector answers.
 */
@Entity('reminders')
@Index('IX_reminders_claim', ['status', 'nextAttemptAt'])
@Index('IX_reminders_subject', ['subjectType', 'subjectId'])
@Index('IX_reminders_recipient', ['recipientAad', 'kind'])
@Index('IX_reminders_lease', ['leaseOwner'])
export class Reminder {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  /** panel_meeting, info_report_due, focus_group, learning_event, action_target, statutory_clock */
  @Column({ type: String, length: 40 })
  kind!: string;

  /** the person's Entra object id (personal chat), or null when sent to a conversation */
  @Column({ name: 'recipient_aad', type: String, length: 100, nullable: true })
  recipientAad!: string | null;

  /** a conversation (e.g. the business unit's channel), or null when sent to a person */
  @Column({ name: 'recipient_conversation_id', type: String, length: 400, nullable: true })
  recipientConversationId!: string | null;

  /** what it reminds about, e.g. `action` / `42` */
  @Column({ name: 'subject_type', type: String, length: 40 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: String, length: 100 })
  subjectId!: string;

  @Column({ name: 'due_at', type: Date })
  dueAt!: Date;

  /** references, titles, deadlines and links only (ReminderPayload) */
  @Column({ type: 'simple-json' })
  payload!: Record<string, string>;

  /** one row per key, so scheduling twice creates one reminder */
  @Column({ name: 'dedupe_key', type: String, length: 400, unique: true })
  dedupeKey!: string;

  /** pending, sending, sent, cancelled, undeliverable or failed */
  @Column({ type: String, length: 20 })
  status!: string;

  @Column({ type: Number, default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: Date })
  nextAttemptAt!: Date;

  /** the claim that holds the row while it is `sending` */
  @Column({ name: 'lease_owner', type: String, length: 100, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_until', type: Date, nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'sent_at', type: Date, nullable: true })
  sentAt!: Date | null;

  /** a short, non-personal reason (`HTTP 429`, `not installed`, `muted`) */
  @Column({ name: 'last_error', type: String, length: 400, nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
