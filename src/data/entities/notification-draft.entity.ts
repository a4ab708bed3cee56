import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The state of one person's notification conversation with the bot (one row per person and
 * conversation), so a half-finished notification survives a restart and can be resumed.
 */
@Entity('notification_drafts')
@Index('UQ_notification_drafts_user_conversation', ['aadObjectId', 'conversationId'], { unique: true })
export class NotificationDraft {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  /** Entra object id of the notifier */
  @Column({ name: 'aad_object_id', type: String, length: 100 })
  aadObjectId!: string;

  /** the Teams conversation the flow runs in */
  @Column({ name: 'conversation_id', type: String, length: 400 })
  conversationId!: string;

  /** identifies one run of the flow; cards carry it, and starting again replaces it */
  @Column({ name: 'draft_key', type: String, length: 64, unique: true })
  draftKey!: string;

  /** the step the person is on */
  @Column({ type: String, length: 30 })
  step!: string;

  /** validated answers so far, as JSON */
  @Column({ name: 'answers_json', type: 'text' })
  answersJson!: string;

  /** `open`, `submitted` or `cancelled` */
  @Column({ type: String, length: 20 })
  status!: string;

  /** the notification it became, once submitted */
  @Column({ name: 'notification_reference', type: String, length: 20, nullable: true })
  notificationReference!: string | null;

  /** bumped on every change; cards carry it so a stale card changes nothing */
  @Column({ type: Number })
  version!: number;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
