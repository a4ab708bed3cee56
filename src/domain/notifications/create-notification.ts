import type { EntityManager } from 'typeorm';

import type { Role } from '../../contracts/identity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { NotificationRepository } from '../../data/repositories/notification.repository';
import { ReferenceCounterRepository } from '../../data/repositories/reference-counter.repository';
import { AuthorizationError, ConflictError } from '../../errors';
import { hasRole, type Caller } from '../caller';
import { validateAnswers } from './answers';
import { nowOf, todayOf, type NotificationDeps } from './deps';
import { toRecords, type NotificationRecord } from './records';
import { recommendFor } from './recommend-only';

/** Who may notify a case (everyone but a board member who holds no other role). */
export const NOTIFIER_ROLES: Role[] = ['practitioner', 'business_unit', 'panel_member', 'agency_lead'];

/** What {@link createNotification} needs. */
export type CreateNotificationProps = {
  /** the notifier; their identity and agency come from here, never from the answers */
  caller: Caller;
  /** the raw answers (validated here) */
  answers: unknown;
  /** what makes a repeat the same submission, e.g. `chat:<draft key>` or `api:<oid>:<key>` */
  idempotencyKey: string;
  source: 'chat' | 'api';
  /** more writes for the same transaction (the chat flow marks its draft submitted) */
  alsoInTransaction?: (em: EntityManager, reference: string) => Promise<void>;
};

/** The notification, and whether this call created it (false: a repeat of an earlier one). */
export type CreateNotificationResult = { notification: NotificationRecord; created: boolean };

const MAX_ATTEMPTS = 3;

/**
 * @param year four-digit year
 * @param n the number within the year
 * @returns e.g. `N-2026-0042`
 */
export function formatReference(year: string, n: number): string {
  return `N-${year}-${String(n).padStart(4, '0')}`;
}

/** @throws AuthorizationError when the caller may not notify cases */
export function assertMayNotify(caller: Caller): void {
  if (!hasRole(caller, ...NOTIFIER_ROLES)) {
    throw new AuthorizationError('Notifying a case needs a practitioner, business unit, panel member or agency lead role');
  }
}

/**
 * Stores a notification with its recommendation, a reference unique across the year and an audit
 * entry, all in one transaction; emits `notification.created` after the commit. A repeat of the
 * same submission (same idempotency key) fails on the key's unique index, rolls back, and returns
 * the first one: nothing is written twice.
 * @param deps the use-case dependencies
 * @param props the notifier, answers, idempotency key and source
 * @returns the notification and whether it was created now
 * @throws AuthorizationError when the caller may not notify; ValidationError for invalid answers;
 *   ConflictError when the idempotency key belongs to someone else's notification
 */
export async function createNotification(
  deps: NotificationDeps,
  props: CreateNotificationProps
): Promise<CreateNotificationResult> {
  assertMayNotify(props.caller);
  const answers = await validateAnswers(deps, props.answers);
  const recommendation = recommendFor(deps, answers);
  for (let attempt = 1; ; attempt++) {
    try {
      const row = await deps.db.transaction(async (em) => {
        const year = todayOf(deps).slice(0, 4);
        const reference = formatReference(year, await new ReferenceCounterRepository(em).next(`notification:${year}`));
        const stored = await new NotificationRepository(em).insert(
          {
            reference,
            notifierAadId: props.caller.id,
            notifierAgencyId: props.caller.agency?.id ?? null,
            answersJson: JSON.stringify(answers),
            model: recommendation.model,
            recommendationJson: JSON.stringify(recommendation),
            recommendedRoute: recommendation.primary,
            status: 'new',
            decisionAction: null,
            decidedRoute: null,
            decisionReason: null,
            decidedBy: null,
            decidedAt: null,
            decisionClocksJson: null,
            idempotencyKey: props.idempotencyKey,
            source: props.source,
          },
          nowOf(deps)
        );
        await new AuditRepository(em).append({
          actorId: props.caller.id,
          action: 'notification.created',
          entityType: 'notification',
          entityId: reference,
          detail: { model: recommendation.model, primary: recommendation.primary, source: props.source },
        });
        await props.alsoInTransaction?.(em, reference);
        return stored;
      });
      deps.events.emit('notification.created', { reference: row.reference });
      const caller = { aadObjectId: props.caller.id, displayName: props.caller.name };
      const [notification] = await toRecords(deps, [row], [caller]);
      return { notification, created: true };
    } catch (err) {
      const reason = conflictReason(err);
      if (reason === 'duplicate') {
        const repeat = await repeatOf(deps, props);
        if (repeat) {
          return repeat;
        }
      }
      if (reason !== 'counter_race' || attempt >= MAX_ATTEMPTS) {
        throw err;
      }
    }
  }
}

async function repeatOf(deps: NotificationDeps, props: CreateNotificationProps): Promise<CreateNotificationResult | null> {
  const row = await new NotificationRepository(deps.db).findByIdempotencyKey(props.idempotencyKey);
  if (!row) {
    return null;
  }
  if (row.notifierAadId !== props.caller.id) {
    throw new ConflictError('This idempotency key was used for another notification');
  }
  const [notification] = await toRecords(deps, [row]);
  return { notification, created: false };
}

/** @returns the `reason` a ConflictError carries, if any */
export function conflictReason(err: unknown): string | undefined {
  if (!(err instanceof ConflictError)) {
    return undefined;
  }
  const reason = (err.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reason : undefined;
}
