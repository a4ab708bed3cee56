import { AuditRepository } from '../../data/repositories/audit.repository';
import { NotificationRepository } from '../../data/repositories/notification.repository';
import { NotFoundError } from '../../errors';
import { hasRole, type Caller } from '../caller';
import type { NotificationDeps } from './deps';
import { READ_ALL_ROLES } from './list-notifications';
import { toRecords, type NotificationRecord } from './records';

/** References look like `N-2026-0042`. */
export const REFERENCE_PATTERN = /^N-\d{4}-\d{4,9}$/;

/**
 * Reads one notification for a caller and records that they viewed it.
 * @param deps the use-case dependencies
 * @param props the caller and the reference
 * @returns the notification with the notifier's answers
 * @throws NotFoundError when it does not exist or the caller may not see it (a practitioner
 *   asking for someone else's is told it does not exist)
 */
export async function getNotification(
  deps: NotificationDeps,
  props: { caller: Caller; reference: string }
): Promise<NotificationRecord> {
  const record = await loadNotification(deps, props.reference);
  const mayRead = record && (record.notifierAadId === props.caller.id || hasRole(props.caller, ...READ_ALL_ROLES));
  if (!record || !mayRead) {
    throw new NotFoundError(`There is no notification ${props.reference} that you can see`);
  }
  await new AuditRepository(deps.db).append({
    actorId: props.caller.id,
    action: 'notification.viewed',
    entityType: 'notification',
    entityId: record.reference,
  });
  return record;
}

/**
 * Loads a notification with no access check, for the app's own messages (triage cards, updates).
 * @returns the notification, or null when there is none
 */
export async function loadNotification(deps: NotificationDeps, reference: string): Promise<NotificationRecord | null> {
  if (!REFERENCE_PATTERN.test(reference)) {
    return null;
  }
  const row = await new NotificationRepository(deps.db).findByReference(reference);
  if (!row) {
    return null;
  }
  const [record] = await toRecords(deps, [row]);
  return record;
}
