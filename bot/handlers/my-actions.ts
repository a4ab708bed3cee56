import { type AdaptiveCardInvokeResponse, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';

import type { ActionSummaryDto } from '../../src/contracts/actions';
import { hasRole, type Caller } from '../../src/domain/caller';
import { toDayNumber } from '../../src/domain/calendar/iso-date';
import { type AgencyAlerts, listAgencyAlerts } from '../../src/domain/actions/list-agency-alerts';
import { todayOf, type TrackerDeps } from '../../src/domain/actions/tracker-deps';
import { updateAction } from '../../src/domain/actions/update-action';
import { AppError, ConflictError } from '../../src/errors';
import type { Logger } from '../../src/logging/logger';
import {
  buildMyActionsCard,
  MY_ACTIONS_UPDATE_VERB,
  type MyActionItemView,
  noteInputId,
  statusInputId,
} from '../cards/my-actions';
import { cardAttachment, type CardJson } from '../cards/template';
import type { BotFeature } from '../feature';

/** What the `my actions` feature needs. */
export type MyActionsDeps = {
  tracker: TrackerDeps;
  /** the tracker tab's link: a Teams deep link, or the dev server's `/tabs/?page=tracker` */
  trackerUrl: () => string;
  log: Logger;
};

const SOURCE_LABEL: Record<string, string> = {
  review: 'Review',
  audit: 'Audit',
  section11: 'Section 11',
  evaluation: 'Evaluation',
};

const UpdateData = z.object({
  actionId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
});

/** @returns `14 Nov 2026` for `2026-11-14` */
function longDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`)
  );
}

function itemView(a: ActionSummaryDto, today: string): MyActionItemView {
  const days = toDayNumber(a.dueDate) - toDayNumber(today);
  const when = days < 0 ? `${-days} day${days === -1 ? '' : 's'} overdue` : days === 0 ? 'due today' : `due in ${days} day${days === 1 ? '' : 's'}`;
  return {
    id: a.id,
    version: a.version,
    heading: `${a.status.toUpperCase()} · ${when}`,
    description: a.description.length > 200 ? `${a.description.slice(0, 199)}…` : a.description,
    source: `${SOURCE_LABEL[a.plan.sourceType] ?? a.plan.sourceType}: ${a.plan.sourceRef}`,
    due: longDate(a.dueDate),
    rule: a.ruleStatus.charAt(0).toUpperCase() + a.ruleStatus.slice(1),
    status: a.status === 'complete' ? 'green' : a.status,
  };
}

/** @returns the card for an agency's alerts, with an optional result line */
function alertsCard(deps: MyActionsDeps, alerts: AgencyAlerts, result: { success?: string; problem?: string } = {}): CardJson {
  const today = todayOf(deps.tracker);
  const name = alerts.agency?.name ?? 'your agency';
  const shown = alerts.items.length;
  const total = alerts.counts.total;
  const dueSoon = total - alerts.counts.red;
  return buildMyActionsCard({
    title: `Red and due-soon actions: ${name}`,
    summary: `${alerts.counts.red} red, ${dueSoon} due by ${longDate(alerts.dueBy)}`,
    success: result.success ?? '',
    problem: result.problem ?? '',
    emptyText: `Nothing is red or due soon for ${name}.`,
    more: total > shown ? `…and ${total - shown} more in the tracker.` : '',
    trackerUrl: deps.trackerUrl(),
    items: alerts.items.map((a) => itemView(a, today)),
  });
}

function cardResponse(card: CardJson): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

/** @returns a message for a refused quick update, or rethrows what is not the user's to fix */
function refusal(err: unknown): string {
  if (err instanceof ConflictError) {
    return 'Someone else changed this action since the card was made. Here is the latest: check it and try again.';
  }
  if (err instanceof AppError) {
    return err.message;
  }
  throw err;
}

/**
 * Saves a quick status update from the card (the same rules as the tab: only the lead agency's
 * lead, the business unit or the board; a stale version is refused) and answers with the card
 * refreshed.
 */
async function quickUpdate(deps: MyActionsDeps, caller: Caller, data: Record<string, unknown>): Promise<AdaptiveCardInvokeResponse> {
  const parsed = UpdateData.safeParse(data);
  if (!parsed.success) {
    const alerts = await listAgencyAlerts(deps.tracker, caller);
    return cardResponse(alertsCard(deps, alerts, { problem: 'That update could not be read. Please try again from this card.' }));
  }
  const { actionId, version } = parsed.data;
  const status = z.enum(['red', 'amber', 'green']).safeParse(data[statusInputId(actionId)]);
  const rawNote = data[noteInputId(actionId)];
  const note = typeof rawNote === 'string' && rawNote.trim() ? rawNote.trim().slice(0, 1000) : undefined;
  let result: { success?: string; problem?: string };
  if (!status.success) {
    result = { problem: 'Choose red, amber or green.' };
  } else {
    try {
      const updated = await updateAction(deps.tracker, caller, actionId, version, { status: status.data, note });
      result = { success: `Saved: action ${actionId} is now ${updated.status}${updated.overrideStatus ? ` (the rule says ${updated.ruleStatus})` : ''}.` };
    } catch (err) {
      result = { problem: refusal(err) };
      deps.log.info('quick action update refused', { actionId, code: err instanceof AppError ? err.code : 'unknown' });
    }
  }
  return cardResponse(alertsCard(deps, await listAgencyAlerts(deps.tracker, caller), result));
}

/**
 * `my actions`: an agency lead's card of their agency's red and due-soon actions, each with a
 * quick status update (Action.Execute), and a button that opens the tracker tab.
 */
export function myActionsFeature(deps: MyActionsDeps): BotFeature {
  return {
    commands: [
      {
        title: 'my actions',
        description: "Your agency's red and due-soon actions",
        match: /^my (agency'?s? )?actions?$/,
        run: async (ctx: TurnContext, caller: Caller) => {
          if (!hasRole(caller, 'agency_lead') || !caller.agency) {
            await ctx.sendActivity(
              `**my actions** is for agency leads: it lists their agency's red and due-soon actions. Open the tracker to see every action: ${deps.trackerUrl()}`
            );
            return;
          }
          const alerts = await listAgencyAlerts(deps.tracker, caller);
          await ctx.sendActivity(MessageFactory.attachment(cardAttachment(alertsCard(deps, alerts))));
        },
      },
    ],
    executes: {
      [MY_ACTIONS_UPDATE_VERB]: (_ctx, caller, data) => quickUpdate(deps, caller, data),
    },
  };
}
