import type { DataSource, EntityManager } from 'typeorm';

import { ConversationRef } from '../entities/conversation-ref.entity';

/** What the bot stores about a conversation to message it later. */
export type ConversationRefInput = {
  conversationId: string;
  conversationType: string;
  aadObjectId: string | null;
  tenantId: string | null;
  serviceUrl: string;
  reference: unknown;
};

/** Stored Teams conversation references. */
export class ConversationRefRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Inserts or refreshes the reference for one conversation (keyed by conversation id). */
  async upsert(input: ConversationRefInput): Promise<void> {
    const repo = this.db.getRepository(ConversationRef);
    const row = {
      conversationId: input.conversationId,
      conversationType: input.conversationType,
      aadObjectId: input.aadObjectId,
      tenantId: input.tenantId,
      serviceUrl: input.serviceUrl,
      referenceJson: JSON.stringify(input.reference),
      updatedAt: new Date(),
    };
    await repo.upsert(row, { conflictPaths: ['conversationId'], skipUpdateIfNoValuesChanged: false });
  }

  /** @returns the personal-chat reference of a user, or null if the bot is not installed for them */
  async findPersonal(aadObjectId: string): Promise<ConversationRef | null> {
    return this.db.getRepository(ConversationRef).findOne({
      where: { aadObjectId, conversationType: 'personal' },
      order: { updatedAt: 'DESC' },
    });
  }

  /** @returns the reference of one conversation, or null */
  async findByConversationId(conversationId: string): Promise<ConversationRef | null> {
    return this.db.getRepository(ConversationRef).findOne({ where: { conversationId } });
  }
}
