import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A Teams conversation the bot can message later (proactive messages, reminders). */
@Entity('conversation_refs')
export class ConversationRef {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ name: 'conversation_id', type: String, length: 400, unique: true })
  conversationId!: string;

  /** personal, groupChat or channel */
  @Column({ name: 'conversation_type', type: String, length: 40 })
  conversationType!: string;

  /** the user's Entra object id for personal chats; null for channels and groups */
  @Column({ name: 'aad_object_id', type: String, length: 100, nullable: true })
  aadObjectId!: string | null;

  @Column({ name: 'tenant_id', type: String, length: 100, nullable: true })
  tenantId!: string | null;

  @Column({ name: 'service_url', type: String, length: 400 })
  serviceUrl!: string;

  /** the botbuilder ConversationReference as JSON */
  @Column({ name: 'reference_json', type: 'text' })
  referenceJson!: string;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
