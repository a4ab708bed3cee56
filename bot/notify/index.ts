import type { NotificationDeps } from '../../src/domain/notifications';
import type { BotFeature } from '../feature';
import { notifyFlow } from './flow';
import { triageExecutes } from './triage';

export { sendNotificationMessages, type NotificationMessageDeps } from './messages';

/**
 * Case notification in chat: the `notify a case` command, the card flow's submits, and the
 * business unit's triage card actions.
 * @param deps the notification use-cases' dependencies
 * @returns the bot feature
 */
export function createNotifyFeature(deps: NotificationDeps): BotFeature {
  const flow = notifyFlow(deps);
  return { commands: [flow.command], submits: flow.submits, executes: triageExecutes(deps) };
}
