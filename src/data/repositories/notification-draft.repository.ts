import type { DataSource, EntityManager } from 'typeorm';

import { NotificationDraft } from '../entities/notification-draft.entity';
import { ConflictError } from '../../errors';
import { isUniqueViolation } from '../unique-violation';
import { findOneByFast } from '../portable-sql';

/** The columns a step of the flow changes. */
export type DraftChange = Partial<
  Pick<NotificationDraft, 'draftKey' | 'step' | 'answersJson' | 'status' | 'notificationReference'>
>;

/** Conversation state of the chat notification flow. */
export class NotificationDraftRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** @returns the person's draft row in a conversation (open or finished), or null */
  async findFor(aadObjectId: string, conversationId: string): Promise<NotificationDraft | null> {
    return findOneByFast(this.db, NotificationDraft, { aadObjectId, conversationId });
  }

  /** @returns the draft row a card's key points at, or null */
  async findByKey(draftKey: string): Promise<NotificationDraft | null> {
    return findOneByFast(this.db, NotificationDraft, { draftKey });
  }

  /**
   * Creates a person's draft row in a conversation.
   * @throws ConflictError when one was created at the same moment (e.g. a double press)
   */
  async create(
    row: Pick<NotificationDraft, 'aadObjectId' | 'conversationId' | 'draftKey' | 'step' | 'answersJson'>,
    at: Date
  ): Promise<NotificationDraft> {
    const repo = this.db.getRepository(NotificationDraft);
    const entity = repo.create({
      ...row,
      status: 'open',
      notificationReference: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    try {
      await repo.insert(entity);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ConflictError('A notification was started at the same moment', { reason: 'draft_race' });
      }
      throw err;
    }
    return entity;
  }

  /**
   * Changes a draft if it is still at `expectedVersion`.
   * @returns the new version, or null when the draft moved on (a stale or repeated card)
   */
  async update(id: number, expectedVersion: number, change: DraftChange, at: Date): Promise<number | null> {
    const result = await this.db
      .createQueryBuilder()
      .update(NotificationDraft)
      .set({ ...change, version: expectedVersion + 1, updatedAt: at })
      .where('id = :id AND version = :version', { id, version: expectedVersion })
      .execute();
    return result.affected === 1 ? expectedVersion + 1 : null;
  }
}
