import { randomUUID } from 'node:crypto';

import { type AdaptiveCardInvokeResponse, type Activity, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';

import type { Caller } from '../../src/domain/caller';
import type { ConversationService } from '../../src/domain/conversation-service';
import type { FocusGroupService } from '../../src/domain/focus-groups/service';
import { AppError } from '../../src/errors';
import type { Logger } from '../../src/logging/logger';
import { buildFocusGroupSignupCard } from '../cards/focus-group-signup';
import { buildFocusGroupsCard, FOCUS_GROUP_VERBS, SIGNUP_INPUTS } from '../cards/focus-groups';
import { cardAttachment, type CardJson } from '../cards/template';
import type { BotFeature } from '../feature';
import type { ProactiveSender } from '../proactive';
import { sessionTitle, toFormView, toListView } from './focus-group-views';

/** What the focus-group chat feature needs. */
export type FocusGroupBotDeps = {
  focusGroups: FocusGroupService;
  /** the board's time zone for showing session times */
  timeZone: string;
};

const SessionRef = z.looseObject({ focusGroupId: z.coerce.number().int().positive().max(2_147_483_647) });

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const SignUpData = SessionRef.extend({
  requestId: z.string().trim().min(8).max(64).regex(/^[A-Za-z0-9-]+$/),
  [SIGNUP_INPUTS.role]: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(100).optional()),
  [SIGNUP_INPUTS.agency]: z.preprocess(emptyToUndefined, z.string().trim().regex(/^[A-Z0-9-]{1,40}$/).optional()),
  [SIGNUP_INPUTS.accessNeeds]: z.preprocess(emptyToUndefined, z.string().trim().max(1000).optional()),
});

const STALE_BUTTON = 'That button is out of date. Here are the focus groups as they are now.';

/** @returns an invoke response that replaces the card */
function cardResponse(card: CardJson): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

/** @returns the user's Teams id (MRI) for the card's automatic refresh */
function mriOf(ctx: TurnContext): string | null {
  return ctx.activity.from?.id ?? null;
}

/**
 * Focus groups in chat: the `focus groups` command (also `focus group`, `audits`) and the
 * Universal Actions of its cards: refresh, open the sign-up form, sign up, cancel. Every card is
 * built for the person who sees it, so each user sees their own place and the current seats.
 */
export function focusGroupsFeature(deps: FocusGroupBotDeps): BotFeature {
  const { focusGroups, timeZone } = deps;

  const listCard = async (caller: Caller, userMri: string | null, message: { success?: string; problem?: string } = {}) => {
    const sessions = await focusGroups.listJoinable(caller, { includeMine: true });
    return buildFocusGroupsCard(toListView(sessions, { userMri, timeZone, ...message }));
  };

  /** Runs a use-case; a refusal (or a busy database) becomes the list card with the reason shown. */
  const attempt = async (
    ctx: TurnContext,
    caller: Caller,
    run: () => Promise<string>
  ): Promise<AdaptiveCardInvokeResponse> => {
    try {
      const success = await run();
      return cardResponse(await listCard(caller, mriOf(ctx), { success }));
    } catch (err) {
      // AppError messages are written for users (e.g. closed session, busy database); others are not
      if (err instanceof AppError) {
        return cardResponse(await listCard(caller, mriOf(ctx), { problem: err.message }));
      }
      throw err;
    }
  };

  return {
    commands: [
      {
        title: 'focus groups',
        description: 'See themed-audit focus groups you can join, and sign up or cancel',
        match: /^(focus[ -]?groups?|audits?)$/,
        run: async (ctx, caller) => {
          const card = await listCard(caller, mriOf(ctx));
          await ctx.sendActivity(MessageFactory.attachment(cardAttachment(card)));
        },
      },
    ],
    executes: {
      [FOCUS_GROUP_VERBS.refresh]: async (ctx, caller) => cardResponse(await listCard(caller, mriOf(ctx))),

      [FOCUS_GROUP_VERBS.form]: async (ctx, caller, data) => {
        const ref = SessionRef.safeParse(data);
        const session = ref.success ? await focusGroups.get(caller, ref.data.focusGroupId).catch(() => null) : null;
        if (!session) {
          return cardResponse(await listCard(caller, mriOf(ctx), { problem: STALE_BUTTON }));
        }
        if (session.myStatus === 'confirmed' || session.myStatus === 'waitlisted') {
          const success = `You already have a place on ${sessionTitle(session)}.`;
          return cardResponse(await listCard(caller, mriOf(ctx), { success }));
        }
        const problem = !session.eligible
          ? 'This focus group is not open to you.'
          : session.status !== 'open' || session.past
            ? 'Sign-up for this focus group has closed.'
            : null;
        if (problem) {
          return cardResponse(await listCard(caller, mriOf(ctx), { problem }));
        }
        const agencies = await focusGroups.agencies();
        const view = toFormView(session, caller, { timeZone, requestId: randomUUID(), agencies });
        return cardResponse(buildFocusGroupSignupCard(view));
      },

      [FOCUS_GROUP_VERBS.signUp]: async (ctx, caller, data) => {
        const parsed = SignUpData.safeParse(data);
        if (!parsed.success) {
          return cardResponse(await listCard(caller, mriOf(ctx), { problem: STALE_BUTTON }));
        }
        const d = parsed.data;
        if (!d.role || !d.agency) {
          const session = await focusGroups.get(caller, d.focusGroupId).catch(() => null);
          if (!session) {
            return cardResponse(await listCard(caller, mriOf(ctx), { problem: STALE_BUTTON }));
          }
          const answers = { role: d.role, agency: d.agency, accessNeeds: d.accessNeeds };
          const notice = !d.role ? 'Please say what your role is.' : 'Please choose your agency.';
          const view = toFormView(session, caller, {
            timeZone,
            requestId: d.requestId,
            agencies: await focusGroups.agencies(),
            answers,
            notice,
          });
          return cardResponse(buildFocusGroupSignupCard(view));
        }
        const role = d.role;
        return attempt(ctx, caller, async () => {
          const outcome = await focusGroups.signUp(caller, {
            focusGroupId: d.focusGroupId,
            role,
            agency: d.agency,
            accessNeeds: d.accessNeeds ?? null,
            requestKey: d.requestId,
          });
          return outcome.status === 'confirmed'
            ? 'Your place is confirmed. A calendar invitation will follow.'
            : `The session is full: you are number ${outcome.position ?? '?'} on the waiting list. I'll message you if a seat comes up.`;
        });
      },

      [FOCUS_GROUP_VERBS.cancel]: async (ctx, caller, data) => {
        const ref = SessionRef.safeParse(data);
        if (!ref.success) {
          return cardResponse(await listCard(caller, mriOf(ctx), { problem: STALE_BUTTON }));
        }
        return attempt(ctx, caller, async () => {
          const outcome = await focusGroups.cancel(caller, ref.data.focusGroupId);
          return outcome.was === 'confirmed'
            ? 'Your place is cancelled. Thank you for letting us know.'
            : 'You have left the waiting list.';
        });
      },
    },
  };
}

/**
 * Builds the chat message telling someone they moved from the waiting list to a confirmed seat:
 * the list card, refreshable, with the news at the top.
 * @param deps the feature's dependencies
 * @param caller the promoted person
 * @param userMri their Teams id from the stored conversation, for the card's refresh
 * @param focusGroupId the session
 * @returns the message activity
 */
export async function buildPromotionActivity(
  deps: FocusGroupBotDeps,
  caller: Caller,
  userMri: string | null,
  focusGroupId: number
): Promise<Partial<Activity>> {
  const session = await deps.focusGroups.get(caller, focusGroupId);
  const sessions = await deps.focusGroups.listJoinable(caller, { includeMine: true });
  const view = toListView(sessions, {
    userMri,
    timeZone: deps.timeZone,
    heading: 'A seat has come up for you',
    success: `Good news: a place came up on ${sessionTitle(session)} and it is now yours. A calendar invitation will follow. If you can no longer go, cancel below so the next person gets it.`,
  });
  const activity = MessageFactory.attachment(cardAttachment(buildFocusGroupsCard(view)));
  activity.text = `Good news: you now have a confirmed place on the focus group ${sessionTitle(session)}.`;
  return activity;
}

/** What telling a promoted person needs. */
export type PromotionNoticeDeps = FocusGroupBotDeps & {
  proactive: ProactiveSender;
  conversations: ConversationService;
  resolveCaller: (aadObjectId: string, name: string) => Promise<Caller>;
  log: Logger;
};

/**
 * Tells a practitioner in their personal chat that a waiting-list place became a confirmed seat
 * (listener of `focus_group.promoted`, which is published after the commit).
 * @param deps services, the proactive sender and the conversation store
 * @param event the session and the promoted person
 */
export async function tellPromoted(
  deps: PromotionNoticeDeps,
  event: { focusGroupId: number; aadObjectId: string }
): Promise<void> {
  const ref = (await deps.conversations.personalReference(event.aadObjectId)) as { user?: { id?: string } } | null;
  if (!ref) {
    deps.log.info('promoted practitioner has no chat with the bot yet', { focusGroupId: event.focusGroupId });
    return;
  }
  const caller = await deps.resolveCaller(event.aadObjectId, 'there');
  const activity = await buildPromotionActivity(deps, caller, ref.user?.id ?? null, event.focusGroupId);
  await deps.proactive.toUser(event.aadObjectId, activity);
}
