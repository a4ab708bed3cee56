import type { NotificationStatus, RouteOptionDto } from '../../contracts/notification';
import { NotificationRepository } from '../../data/repositories/notification.repository';
import { hasRole, type Caller } from '../caller';
import { ROUTE_CODES } from '../routing';
import type { NotificationDeps } from './deps';
import { pipelineOrder, routeOption, toRecords, type NotificationRecord } from './records';

/** Roles that see every notification; everyone else sees their own. */
export const READ_ALL_ROLES = ['business_unit', 'board'] as const;

/** What {@link listNotifications} returns. */
export type NotificationList = {
  items: NotificationRecord[];
  counts: Record<NotificationStatus, number>;
  routeOptions: RouteOptionDto[];
};

/**
 * Lists notifications in pipeline order (overdue first, then by the next due date).
 * @param deps the use-case dependencies
 * @param props the caller (business unit and board: all; others: their own) and an optional status
 * @returns the notifications, counts per status (of what the caller may see) and the routes the
 *   business unit may choose under the current model
 */
export async function listNotifications(
  deps: NotificationDeps,
  props: { caller: Caller; status?: NotificationStatus }
): Promise<NotificationList> {
  const all = hasRole(props.caller, ...READ_ALL_ROLES);
  const rows = await new NotificationRepository(deps.db).list(all ? {} : { notifierAadId: props.caller.id });
  const records = await toRecords(deps, rows);
  const counts: Record<NotificationStatus, number> = { new: 0, awaiting_information: 0, decided: 0 };
  records.forEach((r) => (counts[r.status] += 1));
  const items = pipelineOrder(props.status ? records.filter((r) => r.status === props.status) : records);
  return { items, counts, routeOptions: routeOptions(deps) };
}

/** @returns the routes the business unit may decide on under the configured model */
export function routeOptions(deps: NotificationDeps): RouteOptionDto[] {
  return ROUTE_CODES.filter((c) => c !== 'RAPID_REVIEW' || deps.routing.model === 'current').map(routeOption);
}
