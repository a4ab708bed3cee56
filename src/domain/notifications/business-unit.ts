import { NotificationRepository } from '../../data/repositories/notification.repository';
import type { NotificationDeps } from './deps';

/** Teams refreshes a card automatically for at most this many listed users. */
export const MAX_REFRESH_USERS = 60;

/** @returns the Entra object ids of business unit members, for a triage card's automatic refresh */
export async function businessUnitMemberIds(deps: NotificationDeps): Promise<string[]> {
  return new NotificationRepository(deps.db).aadIdsWithRole('business_unit', MAX_REFRESH_USERS);
}
