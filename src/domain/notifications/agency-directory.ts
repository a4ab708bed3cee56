import type { Agency } from '../../data/entities/agency.entity';
import { NotificationRepository } from '../../data/repositories/notification.repository';
import type { NotificationDeps } from './deps';

/** How long the agency list is reused before it is read again. */
export const AGENCY_CACHE_MS = 60_000;

const cache = new WeakMap<object, { at: number; agencies: Promise<Agency[]> }>();

/**
 * The app's agency list, read at most once a minute per database: it changes rarely, and every
 * notification step and card needs it. A new agency shows up within a minute on every instance.
 * @param deps the use-case dependencies
 * @returns every agency, by name
 */
export function agencyDirectory(deps: NotificationDeps): Promise<Agency[]> {
  const now = Date.now();
  const hit = cache.get(deps.db);
  if (hit && now - hit.at < AGENCY_CACHE_MS) {
    return hit.agencies;
  }
  const agencies = new NotificationRepository(deps.db).agencies();
  cache.set(deps.db, { at: now, agencies });
  agencies.catch(() => cache.delete(deps.db));
  return agencies;
}
