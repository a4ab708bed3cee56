import type { Activity, ConversationReference } from 'botbuilder';

import type { ConversationService } from '../src/domain/conversation-service';
import type { AppCloudAdapter } from './adapter';

/** What a proactive send achieved. */
export type ProactiveResult = 'sent' | 'not_installed';

/** Sends messages to people and channels outside a turn, from stored conversation references. */
export class ProactiveSender {
  constructor(
    private readonly adapter: AppCloudAdapter,
    private readonly appId: string,
    private readonly conversations: ConversationService
  ) {}

  /**
   * Sends to a person's personal chat with the bot.
   * @returns `not_installed` when the bot has no conversation with them yet
   */
  async toUser(aadObjectId: string, activity: Partial<Activity>): Promise<ProactiveResult> {
    const ref = await this.conversations.personalReference(aadObjectId);
    if (!ref) {
      return 'not_installed';
    }
    await this.send(ref as Partial<ConversationReference>, activity);
    return 'sent';
  }

  /**
   * Sends to a conversation by id (e.g. the business unit's channel).
   * @returns `not_installed` when the bot has never been in that conversation
   */
  async toConversation(conversationId: string, activity: Partial<Activity>): Promise<ProactiveResult> {
    const ref = await this.conversations.reference(conversationId);
    if (!ref) {
      return 'not_installed';
    }
    await this.send(ref as Partial<ConversationReference>, activity);
    return 'sent';
  }

  private async send(ref: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    await this.adapter.continueConversationAsync(this.appId, ref, async (ctx) => {
      await ctx.sendActivity(activity);
    });
  }
}
