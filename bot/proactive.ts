import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';

import type { ConversationService } from '../src/domain/conversation-service';
import type { AppCloudAdapter } from './adapter';

/** What a proactive send achieved. */
export type ProactiveResult = 'sent' | 'not_installed';

/** How one proactive message is sent; without options it goes as botbuilder sends replies. */
export type ProactiveOptions = {
  /**
   * Post a new message (`sendToConversation`) instead of a reply to the continuation activity
   * (TOOLCHAIN pitfall 7), and leave retries to the caller: the connector client's own retry
   * policy (up to 3 retries on 429/5xx) would otherwise send requests the caller's rate limiter
   * never sees, and hide the 429s it needs. A failed send throws the connector's `RestError`
   * (without `direct`, the adapter's turn-error handler logs it and the send still resolves).
   */
  direct?: boolean;
  /** abandon the HTTP request after this many milliseconds (with `direct`) */
  timeoutMs?: number;
};

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
  async toUser(
    aadObjectId: string,
    activity: Partial<Activity>,
    options: ProactiveOptions = {}
  ): Promise<ProactiveResult> {
    const ref = await this.conversations.personalReference(aadObjectId);
    if (!ref) {
      return 'not_installed';
    }
    await this.send(ref as Partial<ConversationReference>, activity, options);
    return 'sent';
  }

  /**
   * Sends to a conversation by id (e.g. the business unit's channel).
   * @returns `not_installed` when the bot has never been in that conversation
   */
  async toConversation(
    conversationId: string,
    activity: Partial<Activity>,
    options: ProactiveOptions = {}
  ): Promise<ProactiveResult> {
    const ref = await this.conversations.reference(conversationId);
    if (!ref) {
      return 'not_installed';
    }
    await this.send(ref as Partial<ConversationReference>, activity, options);
    return 'sent';
  }

  private async send(
    ref: Partial<ConversationReference>,
    activity: Partial<Activity>,
    options: ProactiveOptions
  ): Promise<void> {
    // The adapter hands errors thrown in a turn to onTurnError, which only logs them for a
    // proactive turn; both kinds of send keep their error and throw it to the caller, so nobody is
    // told "sent" for a message the connector refused (after its own retries, when not direct).
    let failure: { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, ref, async (ctx) => {
      if (!options.direct) {
        try {
          await ctx.sendActivity(activity);
        } catch (error) {
          failure = { error };
        }
        return;
      }
      try {
        const client = ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey);
        withoutClientRetries(client);
        const message = TurnContext.applyConversationReference({ type: 'message', ...activity }, ref);
        delete message.replyToId;
        if (message.conversation?.conversationType === 'channel') {
          // A reference taken from a channel reply points at its thread; post a new one instead.
          message.conversation = { ...message.conversation, id: message.conversation.id.replace(/;messageid=\d+$/, '') };
        }
        await client.conversations.sendToConversation(message.conversation?.id ?? '', message as Activity, {
          timeout: options.timeoutMs,
        });
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) {
      throw failure.error;
    }
  }
}

/**
 * Removes the retry policy from a connector client's HTTP pipeline. The client is created afresh
 * for each proactive turn, so no other send is affected.
 */
function withoutClientRetries(client: ConnectorClient): void {
  const inner = (client as unknown as { client?: { pipeline?: { removePolicy(p: { name: string }): unknown } } })
    .client;
  inner?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}
