import { MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';

import type { Caller } from '../../src/domain/caller';
import {
  beginNotification,
  cancelDraft,
  DraftRefusedError,
  goBackDraft,
  restartDraft,
  resumeDraft,
  saveDraftStep,
  submitDraft,
  type DraftContext,
  type DraftRef,
  type NotificationDeps,
} from '../../src/domain/notifications';
import { AuthorizationError } from '../../src/errors';
import { NOTIFY_VERBS } from '../cards/notify-verbs';
import { cardAttachment, type CardJson } from '../cards/template';
import type { BotCommand, SubmitHandler } from '../feature';
import { draftCard, resumeCard, sentCard } from './views';

const CardRefSchema = z.object({
  draftKey: z.string().min(1).max(64),
  draftVersion: z.coerce.number().int().min(1).max(2_000_000_000),
  step: z.string().max(40).optional(),
});

const MALFORMED =
  "That button didn't send what I expected, so nothing was changed. Type **notify a case** to carry on.";

type FlowHandler = (
  ctx: TurnContext,
  dc: DraftContext,
  ref: DraftRef,
  step: string,
  data: Record<string, unknown>
) => Promise<unknown>;

/** The `notify a case` command and the flow's card submits. */
export function notifyFlow(deps: NotificationDeps): { command: BotCommand; submits: Record<string, SubmitHandler> } {
  const send = (ctx: TurnContext, card: CardJson) => ctx.sendActivity(MessageFactory.attachment(cardAttachment(card)));
  const draftContext = (ctx: TurnContext, caller: Caller): DraftContext => ({
    caller,
    conversationId: ctx.activity.conversation.id,
  });

  const command: BotCommand = {
    title: 'notify a case',
    description: 'Tell the board about a case that may need a review',
    match: /^(notify( a| a new)? case|notify|new notification)$/,
    run: async (ctx, caller) => {
      await guarded(ctx, async () => {
        const begun = await beginNotification(deps, draftContext(ctx, caller));
        await send(ctx, begun.kind === 'started' ? await draftCard(deps, begun.draft) : resumeCard(begun.draft, deps.routing.timeZone));
      });
    },
  };

  const handler =
    (fn: FlowHandler): SubmitHandler =>
    async (ctx, caller, data) => {
      const parsed = CardRefSchema.safeParse(data);
      if (!parsed.success) {
        await ctx.sendActivity(MALFORMED);
        return;
      }
      const ref = { draftKey: parsed.data.draftKey, version: parsed.data.draftVersion };
      await guarded(ctx, () => fn(ctx, draftContext(ctx, caller), ref, parsed.data.step ?? '', data));
    };

  const submits: Record<string, SubmitHandler> = {
    [NOTIFY_VERBS.next]: handler(async (c, dc, ref, step, data) => {
      const result = await saveDraftStep(deps, dc, ref, step, data);
      const refused = result.kind === 'invalid' ? { errors: result.errors, values: result.values } : undefined;
      await send(c, await draftCard(deps, result.draft, refused));
    }),
    [NOTIFY_VERBS.back]: handler(async (c, dc, ref, step) => send(c, await draftCard(deps, await goBackDraft(deps, dc, ref, step)))),
    [NOTIFY_VERBS.cancel]: handler(async (c, dc, ref, step) => {
      await cancelDraft(deps, dc, ref, step);
      await c.sendActivity('Cancelled: nothing was sent. Type **notify a case** whenever you want to start again.');
    }),
    [NOTIFY_VERBS.resume]: handler(async (c, dc, ref) => send(c, await draftCard(deps, await resumeDraft(deps, dc, ref)))),
    [NOTIFY_VERBS.restart]: handler(async (c, dc, ref) => send(c, await draftCard(deps, await restartDraft(deps, dc, ref)))),
    [NOTIFY_VERBS.submit]: handler(async (c, dc, ref, step) => {
      if (step !== 'review') {
        throw new DraftRefusedError('out_of_date');
      }
      const result = await submitDraft(deps, dc, ref);
      if (result.kind === 'invalid') {
        await send(c, await draftCard(deps, result.draft, { errors: result.errors, values: result.values }));
        return;
      }
      if (!result.created) {
        throw new DraftRefusedError('submitted', result.notification.reference);
      }
      await send(c, sentCard(result.notification));
    }),
  };
  return { command, submits };
}

/** Runs a step, answering refusals (stale, forged or repeated cards; missing role) in words. */
async function guarded(ctx: TurnContext, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (err instanceof DraftRefusedError) {
      await ctx.sendActivity(err.message);
      return;
    }
    if (err instanceof AuthorizationError) {
      await ctx.sendActivity(
        "Notifying a case is for practitioners and partner agency staff. If you think you should be able to, ask the business unit to check your role."
      );
      return;
    }
    throw err;
  }
}
