import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';

import type { Caller } from '../../src/domain/caller';
import type { Logger } from '../../src/logging/logger';
import { buildWelcomeCard } from '../cards/welcome';
import { cardAttachment } from '../cards/template';
import type { BotCommand, BotFeature, ExecuteHandler, SubmitHandler } from '../feature';

/** What the bot needs from the rest of the app. */
export type BotServices = {
  log: Logger;
  /** resolves the person behind an activity (roles and agency from the database) */
  resolveCaller: (aadObjectId: string, name: string) => Promise<Caller>;
  /** stores the conversation reference for proactive messages */
  saveConversation: (ctx: TurnContext) => Promise<void>;
  features: BotFeature[];
};

const HELP = /^(help|hi|hello|start|menu|\?)$/i;

/** The Teams activity handler: welcome on install, commands, card submits and Universal Actions. */
export class SafeguardingBot extends TeamsActivityHandler {
  private readonly commands: BotCommand[];
  private readonly submits = new Map<string, SubmitHandler>();
  private readonly executes = new Map<string, ExecuteHandler>();

  constructor(private readonly services: BotServices) {
    super();
    this.commands = services.features.flatMap((f) => f.commands ?? []);
    for (const f of services.features) {
      Object.entries(f.submits ?? {}).forEach(([verb, h]) => this.submits.set(verb, h));
      Object.entries(f.executes ?? {}).forEach(([verb, h]) => this.executes.set(verb, h));
    }
    this.onMembersAdded(async (ctx, next) => {
      const botId = ctx.activity.recipient?.id;
      if ((ctx.activity.membersAdded ?? []).some((m) => m.id === botId)) {
        await services.saveConversation(ctx);
        await this.sendWelcome(ctx, await this.callerOf(ctx));
      }
      await next();
    });
    this.onMessage(async (ctx, next) => {
      await services.saveConversation(ctx);
      await this.handleMessage(ctx);
      await next();
    });
  }

  /** @returns the commands this bot answers, for help and the manifest */
  get commandList(): { title: string; description: string }[] {
    return this.commands.map((c) => ({ title: c.title, description: c.description }));
  }

  /** @returns the Action.Submit and Action.Execute verbs this bot handles (for fuzzing and docs) */
  get verbs(): { submits: string[]; executes: string[] } {
    return { submits: [...this.submits.keys()], executes: [...this.executes.keys()] };
  }

  private async callerOf(ctx: TurnContext): Promise<Caller> {
    const from = ctx.activity.from ?? { id: 'unknown', name: '' };
    return this.services.resolveCaller(from.aadObjectId ?? from.id, from.name || 'there');
  }

  private async sendWelcome(ctx: TurnContext, caller: Caller): Promise<void> {
    const card = buildWelcomeCard({ name: caller.name, commands: this.commandList });
    await ctx.sendActivity(MessageFactory.attachment(cardAttachment(card)));
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const caller = await this.callerOf(ctx);
    const value = ctx.activity.value as unknown;
    if (isRecord(value) && typeof value.verb === 'string' && !ctx.activity.text) {
      const handler = this.submits.get(value.verb);
      if (!handler) {
        await ctx.sendActivity("Sorry, I don't recognise that button any more. Type **help** to start again.");
        return;
      }
      await handler(ctx, caller, value);
      return;
    }
    const text = normaliseText(ctx);
    if (HELP.test(text)) {
      await this.sendWelcome(ctx, caller);
      return;
    }
    const command = this.commands.find((c) => c.match.test(text));
    if (command) {
      await command.run(ctx, caller, text);
      return;
    }
    const known = this.commandList.map((c) => `**${c.title}**`).join(', ');
    await ctx.sendActivity(
      `Sorry, I didn't understand that. You can type ${known ? `${known} or ` : ''}**help** to see what I can do.`
    );
  }

  /**
   * Answers invokes this app does not handle with 400 and a message, not botbuilder's 501; and
   * answers every Universal Action with HTTP 200, its outcome in the body's `statusCode`, as the
   * Universal Action Model asks (botbuilder would copy the body's code into the HTTP status).
   */
  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(ctx);
    const body = response.body as { type?: unknown } | undefined;
    if (ctx.activity.name === 'adaptiveCard/action' && typeof body?.type === 'string') {
      return { status: 200, body: response.body };
    }
    if (response.status === 501) {
      return {
        status: 400,
        body: { code: 'BadRequest', message: 'Safeguarding Learning does not handle this kind of request.' },
      };
    }
    return response;
  }

  protected override async onAdaptiveCardInvoke(
    ctx: TurnContext,
    invokeValue: AdaptiveCardInvokeValue
  ): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue?.action?.verb;
    const handler = typeof verb === 'string' ? this.executes.get(verb) : undefined;
    if (!handler) {
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: 'This card action is not recognised.' },
      } as AdaptiveCardInvokeResponse;
    }
    await this.services.saveConversation(ctx);
    const data = isRecord(invokeValue.action.data) ? invokeValue.action.data : {};
    return handler(ctx, await this.callerOf(ctx), data);
  }
}

/** @returns the message text with the bot's @mention removed, trimmed and lower-cased spaces */
function normaliseText(ctx: TurnContext): string {
  const text = TurnContext.removeRecipientMention(ctx.activity) ?? ctx.activity.text ?? '';
  return text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
