import type { DataSource } from 'typeorm';

import {
  ConversationRefRepository,
  type ConversationRefInput,
} from '../data/repositories/conversation-ref.repository';

/** Remembers Teams conversations so the app can message people and channels later. */
export class ConversationService {
  private readonly repo: ConversationRefRepository;
  /** conversations already stored by this process, to skip a write on every message */
  private readonly known = new Set<string>();

  constructor(db: DataSource) {
    this.repo = new ConversationRefRepository(db);
  }

  /** Stores or refreshes a conversation reference (written once per conversation per process). */
  async remember(input: ConversationRefInput): Promise<void> {
    const key = `${input.conversationId}|${input.serviceUrl}|${input.aadObjectId ?? ''}`;
    if (this.known.has(key)) {
      return;
    }
    await this.repo.upsert(input);
    this.known.add(key);
  }

  /** @returns the stored reference of a user's personal chat with the bot, or null */
  async personalReference(aadObjectId: string): Promise<unknown | null> {
    const row = await this.repo.findPersonal(aadObjectId);
    return row ? (JSON.parse(row.referenceJson) as unknown) : null;
  }

  /** @returns the stored reference of a conversation (e.g. the business unit's channel), or null */
  async reference(conversationId: string): Promise<unknown | null> {
    const row = await this.repo.findByConversationId(conversationId);
    return row ? (JSON.parse(row.referenceJson) as unknown) : null;
  }
}
