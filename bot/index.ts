import type { INetworkModule } from '@azure/msal-node';
import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { z } from 'zod';

import type { BotConfig } from '../src/config/env';
import type { Caller } from '../src/domain/caller';
import type { ConversationService } from '../src/domain/conversation-service';
import type { Logger } from '../src/logging/logger';
import { type AppCloudAdapter, createAdapter } from './adapter';
import type { BotFeature } from './feature';
import { SafeguardingBot } from './handlers/safeguarding-bot';
import { ProactiveSender } from './proactive';

/** What the composition root hands the bot. */
export type BotDeps = {
  config: BotConfig;
  log: Logger;
  conversations: ConversationService;
  resolveCaller: (aadObjectId: string, name: string) => Promise<Caller>;
  features: BotFeature[];
  /** MSAL network module for the bot's outgoing token (tests point it at a loopback login) */
  msalNetworkClient?: INetworkModule;
};

/** The bot as the server sees it: the HTTP endpoint and a way to message stored conversations. */
export type BotRuntime = {
  adapter: AppCloudAdapter;
  bot: SafeguardingBot;
  /** sends messages outside a turn from stored conversation references */
  proactive: ProactiveSender;
  /** handles `POST /api/messages` after the JSON body has been parsed */
  handle: (req: Request, res: Response) => Promise<void>;
};

const ActivityShape = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(1024).optional(),
  channelId: z.string().min(1).max(256),
  serviceUrl: z.url().max(2048),
  from: z.looseObject({ id: z.string().min(1).max(1024), name: z.string().max(1024).optional() }),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
  recipient: z.looseObject({ id: z.string().min(1).max(1024) }),
  text: z.string().max(28_000).optional(),
});

const AUTH_ERROR_NAMES = new Set([
  'AuthenticationError',
  'JsonWebTokenError',
  'TokenExpiredError',
  'NotBeforeError',
]);

/** @returns the bot runtime wired to the adapter */
export function createBot(deps: BotDeps): BotRuntime {
  const log = deps.log;
  const adapter = createAdapter(deps.config, log, deps.msalNetworkClient);
  const bot = new SafeguardingBot({
    log,
    resolveCaller: deps.resolveCaller,
    features: deps.features,
    saveConversation: (ctx) => saveConversation(deps.conversations, ctx),
  });
  const handle = async (req: Request, res: Response): Promise<void> => {
    const parsed = ActivityShape.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      reply(res, 400, {
        error: 'validation_error',
        message: `The body is not a Bot Framework activity${issue ? ` (${issue.path.join('.')}: ${issue.message})` : ''}`,
      });
      return;
    }
    const authHeader = String(req.headers.authorization ?? '');
    try {
      const invoke = await adapter.runActivity(authHeader, req.body as Activity, (ctx) => bot.run(ctx));
      reply(res, invoke?.status ?? 200, invoke?.body);
    } catch (err) {
      const e = err as { name?: string; statusCode?: number; message?: string };
      if (AUTH_ERROR_NAMES.has(e.name ?? '') || e.statusCode === 401 || /unauthori[sz]ed/i.test(e.message ?? '')) {
        reply(res, 401, { error: 'authentication_required', message: 'The request is not signed by the Bot Framework' });
        return;
      }
      log.error('bot activity failed', { activityType: parsed.data.type, err: { name: e.name } });
      reply(res, 500, { error: 'internal_error', message: 'Something went wrong on our side.' });
    }
  };
  const proactive = new ProactiveSender(adapter, deps.config.appId ?? '', deps.conversations);
  return { adapter, bot, proactive, handle };
}

function reply(res: Response, status: number, body?: unknown): void {
  if (res.headersSent) {
    return;
  }
  res.status(status);
  if (body !== undefined) {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
    return;
  }
  res.end();
}

async function saveConversation(conversations: ConversationService, ctx: TurnContext): Promise<void> {
  const a = ctx.activity;
  const reference: Partial<ConversationReference> = TurnContext.getConversationReference(a);
  // a channel reply's conversation id names its thread (`19:…;messageid=…`); store the channel
  // itself so messages sent later start a new post there and the channel can be found by its id
  const conversationId = a.conversation.id.split(';messageid=')[0];
  if (reference.conversation) {
    reference.conversation = { ...reference.conversation, id: conversationId };
  }
  const type = a.conversation?.conversationType ?? 'personal';
  const tenantId = (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? a.conversation?.tenantId;
  await conversations.remember({
    conversationId,
    conversationType: type,
    aadObjectId: type === 'personal' ? (a.from?.aadObjectId ?? a.from?.id ?? null) : null,
    tenantId: tenantId ?? null,
    serviceUrl: a.serviceUrl,
    reference,
  });
}
