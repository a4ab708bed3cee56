import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { z } from 'zod';

import { hasRole, type Caller } from '../../src/domain/caller';
import {
  businessUnitMemberIds,
  decideNotification,
  DecisionInputSchema,
  listAgencyOptions,
  loadNotification,
  REFERENCE_PATTERN,
  routeOptions,
  type NotificationDeps,
  type NotificationRecord,
} from '../../src/domain/notifications';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors';
import { buildNotificationTriageCard } from '../cards/notification-triage';
import { TRIAGE_INPUTS, TRIAGE_VERBS } from '../cards/notify-verbs';
import type { CardJson } from '../cards/template';
import type { ExecuteHandler } from '../feature';
import { clockLines, formatDay, routeNames } from './format';

const CARD = 'application/vnd.microsoft.card.adaptive';

const TriageDataSchema = z.object({
  reference: z.string().regex(REFERENCE_PATTERN),
  version: z.coerce.number().int().min(1).max(2_000_000_000).optional(),
  [TRIAGE_INPUTS.route]: z.string().max(40).optional(),
  [TRIAGE_INPUTS.reason]: z.string().max(5000).optional(),
  [TRIAGE_INPUTS.message]: z.string().max(5000).optional(),
});

type TriageData = z.infer<typeof TriageDataSchema>;

/** Why a button press was refused, and what was typed, to show on the card. */
type Feedback = { notice?: string; errors?: Partial<Record<'route' | 'reason' | 'message', string>>; data?: TriageData };

const STATUS_LINES: Record<NotificationRecord['status'], string> = {
  new: 'New: waiting for a decision',
  awaiting_information: 'Waiting for more information from the notifier',
  decided: 'Decided',
};

/**
 * Builds the triage card as a viewer should see it: decision buttons only for the business unit
 * while the case is undecided (with no viewer, as sent to the channel: while undecided).
 */
export async function triageCard(
  deps: NotificationDeps,
  record: NotificationRecord,
  viewer: Caller | null,
  feedback: Feedback = {}
): Promise<CardJson> {
  const d = record.decision;
  const mayDecide = viewer === null || hasRole(viewer, 'business_unit');
  const summaries = {
    accept: `Route accepted: ${d?.route?.label ?? ''}`,
    change: `Route changed to ${d?.route?.label ?? ''}`,
    request_information: 'More information requested from the notifier',
  };
  const notifier = record.notifier;
  return buildNotificationTriageCard({
    reference: record.reference,
    version: record.version,
    statusLine: STATUS_LINES[record.status],
    route: record.recommendedRoute.label,
    parallel: routeNames(record.parallelRoutes),
    model: record.model === '2015' ? '2015 (Serious Case Reviews)' : 'Current (rapid reviews)',
    notifiedBy: notifier.agency ? `${notifier.name}, ${notifier.agency.name}` : notifier.name,
    agencyNames: await agencyNames(deps, record.agencies),
    reasons: record.recommendation.reasons.map((text) => ({ text })),
    clocks: clockLines(record.clocks),
    decision: d
      ? { summary: summaries[d.action], byLine: `by ${d.decidedBy.name} on ${formatDay(d.decidedAt.slice(0, 10))}`, reason: d.reason ?? '' }
      : { summary: '', byLine: '', reason: '' },
    notice: feedback.notice ?? '',
    canDecide: mayDecide && record.status !== 'decided',
    routeOptions: routeOptions(deps).filter((r) => r.code !== record.recommendedRoute.code),
    input: {
      route: feedback.data?.route ?? '',
      reason: feedback.data?.reason ?? '',
      message: feedback.data?.message ?? '',
    },
    errors: { route: '', reason: '', message: '', ...feedback.errors },
    userIds: await businessUnitMemberIds(deps),
  });
}

async function agencyNames(deps: NotificationDeps, codes: string[]): Promise<string> {
  const names = new Map((await listAgencyOptions(deps)).map((a) => [a.code, a.name]));
  return codes.map((c) => names.get(c) ?? c).join(', ');
}

const cardResponse = (value: CardJson): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: CARD, value });

/** A message instead of a card; botbuilder types `value` as an object, the protocol sends a string. */
const messageResponse = (value: string): AdaptiveCardInvokeResponse =>
  ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value }) as unknown as AdaptiveCardInvokeResponse;

const badRequest = (message: string): AdaptiveCardInvokeResponse =>
  ({
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: 'BadRequest', message },
  }) as AdaptiveCardInvokeResponse;

/** The triage card's Universal Actions: refresh, accept, choose another route, ask for more. */
export function triageExecutes(deps: NotificationDeps): Record<string, ExecuteHandler> {
  const withRecord =
    (work: (caller: Caller, record: NotificationRecord, data: TriageData) => Promise<AdaptiveCardInvokeResponse>): ExecuteHandler =>
    async (_ctx, caller, raw) => {
      const parsed = TriageDataSchema.safeParse(raw);
      if (!parsed.success) {
        return badRequest('This card action did not carry a notification reference.');
      }
      const record = await loadNotification(deps, parsed.data.reference);
      if (!record) {
        return badRequest(`There is no notification ${parsed.data.reference}.`);
      }
      return work(caller, record, parsed.data);
    };

  const decide = (action: 'accept' | 'change' | 'request_information') =>
    withRecord(async (caller, record, data) => {
      if (!hasRole(caller, 'business_unit')) {
        return messageResponse('Only the business unit can decide on notifications. Nothing was changed.');
      }
      const input = DecisionInputSchema.safeParse({ action, route: data.route, reason: data.reason, message: data.message });
      if (!input.success) {
        const errors: Feedback['errors'] = {};
        for (const issue of input.error.issues) {
          const field = String(issue.path[0] ?? '') as 'route' | 'reason' | 'message';
          errors[field] ??= issue.message;
        }
        return cardResponse(await triageCard(deps, record, caller, { notice: 'Please check the form below.', errors, data }));
      }
      try {
        const after = await decideNotification(deps, {
          caller,
          reference: record.reference,
          decision: input.data,
          expectedVersion: data.version,
        });
        return cardResponse(await triageCard(deps, after, caller));
      } catch (err) {
        return refusalCard(deps, caller, record.reference, err, data);
      }
    });

  return {
    [TRIAGE_VERBS.refresh]: withRecord(async (caller, record) => cardResponse(await triageCard(deps, record, caller))),
    [TRIAGE_VERBS.accept]: decide('accept'),
    [TRIAGE_VERBS.change]: decide('change'),
    [TRIAGE_VERBS.requestInfo]: decide('request_information'),
  };
}

/** Shows the latest card with why the press was refused (someone decided first, a bad route). */
async function refusalCard(
  deps: NotificationDeps,
  caller: Caller,
  reference: string,
  err: unknown,
  data: TriageData
): Promise<AdaptiveCardInvokeResponse> {
  const latest = await loadNotification(deps, reference);
  if (!latest || err instanceof NotFoundError) {
    return badRequest(`There is no notification ${reference}.`);
  }
  if (err instanceof ConflictError) {
    const notice = 'Someone else changed this notification first; this is how it stands now. Nothing else was changed.';
    return cardResponse(await triageCard(deps, latest, caller, { notice }));
  }
  if (err instanceof ValidationError) {
    return cardResponse(await triageCard(deps, latest, caller, { notice: err.message, errors: { route: err.message }, data }));
  }
  throw err;
}
