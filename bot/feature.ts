import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';

import type { Caller } from '../src/domain/caller';

/** A chat command: matched against the message text with mentions removed, trimmed. */
export type BotCommand = {
  /** command words as shown in help and the manifest, e.g. `notify a case` */
  title: string;
  description: string;
  match: RegExp;
  run: (ctx: TurnContext, caller: Caller, text: string) => Promise<void>;
};

/** Handles an `Action.Submit` whose data carries `verb`. */
export type SubmitHandler = (
  ctx: TurnContext,
  caller: Caller,
  data: Record<string, unknown>
) => Promise<void>;

/** Handles an `Action.Execute` (`adaptiveCard/action` invoke) with a given verb. */
export type ExecuteHandler = (
  ctx: TurnContext,
  caller: Caller,
  data: Record<string, unknown>
) => Promise<AdaptiveCardInvokeResponse>;

/** One capability of the bot: its commands, card submits and Universal Actions. */
export type BotFeature = {
  commands?: BotCommand[];
  submits?: Record<string, SubmitHandler>;
  executes?: Record<string, ExecuteHandler>;
};
