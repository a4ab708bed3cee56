import { z } from 'zod';

import type { NotificationStatus, RouteCode } from '../../contracts/notification';
import { AuditRepository } from '../../data/repositories/audit.repository';
import {
  NotificationRepository,
  type NotificationDecisionChange,
} from '../../data/repositories/notification.repository';
import { AuthorizationError, ConflictError, NotFoundError, ValidationError } from '../../errors';
import { hasRole, type Caller } from '../caller';
import { decisionClocks, ROUTE_CODES } from '../routing';
import { nowOf, todayOf, type NotificationDeps } from './deps';
import { loadNotification } from './get-notification';
import type { NotificationRecord } from './records';

/** Longest reason or request for information, in characters. */
export const MAX_DECISION_TEXT = 1000;

const text = (what: string) =>
  z
    .string({ error: `Please give ${what}` })
    .trim()
    .min(1, `Please give ${what}`)
    .max(MAX_DECISION_TEXT, `Please keep ${what} to ${MAX_DECISION_TEXT} characters or fewer`);

/** A decision as the API and the triage card send it. */
export const DecisionInputSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('accept') }),
    z.object({
      action: z.literal('change'),
      route: z.enum(ROUTE_CODES as [RouteCode, ...RouteCode[]], { error: 'Please choose a route from the list' }),
      reason: text('the reason for choosing another route'),
    }),
    z.object({
      action: z.literal('request_information'),
      message: text('the information you need from the notifier'),
    }),
  ],
  { error: 'The action must be accept, change or request_information' }
);

/** A validated decision. */
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

/** What {@link decideNotification} needs. */
export type DecideNotificationProps = {
  caller: Caller;
  reference: string;
  decision: DecisionInput;
  /** the version the decision was made on; a different current version is refused */
  expectedVersion?: number;
};

/**
 * Records the business unit's decision: accept the recommended route, choose another with a
 * reason, or ask the notifier for more information. Starts the clocks that run from a decision,
 * writes an audit entry in the same transaction and emits `notification.decided` after the commit.
 * Repeating the decision already recorded changes nothing.
 * @param deps the use-case dependencies
 * @param props the caller, reference, decision and the version it was made on
 * @returns the notification after the decision
 * @throws AuthorizationError unless the caller is in the business unit; NotFoundError;
 *   ValidationError for a route that does not apply; ConflictError `{reason: 'stale'}` when the
 *   notification changed since `expectedVersion`
 */
export async function decideNotification(
  deps: NotificationDeps,
  props: DecideNotificationProps
): Promise<NotificationRecord> {
  if (!hasRole(props.caller, 'business_unit')) {
    throw new AuthorizationError('Only the business unit can decide on a notification');
  }
  const current = await loadNotification(deps, props.reference);
  if (!current) {
    throw new NotFoundError(`There is no notification ${props.reference}`);
  }
  const version = props.expectedVersion ?? current.version;
  if (version !== current.version) {
    throw staleError(current);
  }
  const change = decisionChange(deps, current, props);
  if (sameAsRecorded(current, change)) {
    return current;
  }
  await deps.db.transaction(async (em) => {
    const updated = await new NotificationRepository(em).decide(current.id, version, change, nowOf(deps));
    if (!updated) {
      throw new ConflictError('Someone else changed this notification at the same moment', { reason: 'stale' });
    }
    await new AuditRepository(em).append({
      actorId: props.caller.id,
      action: 'notification.decided',
      entityType: 'notification',
      entityId: current.reference,
      detail: { action: change.decisionAction, route: change.decidedRoute, status: change.status, version: version + 1 },
    });
    await deps.onDecided?.(em, { notification: current, route: change.decidedRoute as RouteCode | null, decidedOn: todayOf(deps), actorId: props.caller.id });
  });
  deps.events.emit('notification.decided', { reference: current.reference });
  return (await loadNotification(deps, current.reference)) ?? current;
}

function decisionChange(
  deps: NotificationDeps,
  current: NotificationRecord,
  props: DecideNotificationProps
): NotificationDecisionChange {
  const d = props.decision;
  const base = { decisionAction: d.action, decidedBy: props.caller.id, decidedAt: nowOf(deps) };
  if (d.action === 'request_information') {
    const status: NotificationStatus = 'awaiting_information';
    return { ...base, status, decidedRoute: null, decisionReason: d.message, decisionClocksJson: null };
  }
  const route = d.action === 'accept' ? current.recommendation.primary : d.route;
  if (d.action === 'change') {
    checkRouteApplies(current, route);
  }
  // Accepting a rapid review is not the partners' decision that a practice review follows, so
  // the practice review's completion clock does not start here.
  const clocks = route === 'RAPID_REVIEW' ? [] : decisionClocks(route, todayOf(deps), deps.routing.holidays);
  return {
    ...base,
    status: 'decided',
    decidedRoute: route,
    decisionReason: d.action === 'change' ? d.reason : null,
    decisionClocksJson: clocks.length > 0 ? JSON.stringify(clocks) : null,
  };
}

function checkRouteApplies(current: NotificationRecord, route: RouteCode): void {
  const field = (message: string) => new ValidationError(message, { fields: [{ field: 'route', message }] });
  if (route === current.recommendation.primary) {
    throw field('That is the recommended route: accept it instead of choosing another');
  }
  if (route === 'RAPID_REVIEW' && current.model !== 'current') {
    throw field('Rapid reviews belong to the current review model; this case was routed under the 2015 model');
  }
}

function sameAsRecorded(current: NotificationRecord, change: NotificationDecisionChange): boolean {
  const d = current.decision;
  return (
    d !== null &&
    current.status === change.status &&
    d.action === change.decisionAction &&
    (d.route?.code ?? null) === change.decidedRoute &&
    d.reason === change.decisionReason
  );
}

function staleError(current: NotificationRecord): ConflictError {
  const by = current.decision ? ` (latest decision by ${current.decision.decidedBy.name})` : '';
  return new ConflictError(`This notification changed since you opened it${by}; reload and try again`, {
    reason: 'stale',
    version: current.version,
  });
}
