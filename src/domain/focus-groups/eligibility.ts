import type { EligibilityDto } from '../../contracts/audits';
import type { Role } from '../../contracts/identity';
import { hasRole, type Caller } from '../caller';

/**
 * Decides whether a caller may join a session. Roles and agency come from the caller's stored
 * profile, never from what a card or request body says.
 * @param caller the authenticated caller
 * @param eligibility the session's rule: no roles means practitioners; no agencies means any agency
 * @returns whether the caller may sign up
 */
export function isEligible(caller: Caller, eligibility: { agencies: string[]; roles: string[] }): boolean {
  const roles = (eligibility.roles.length > 0 ? eligibility.roles : ['practitioner']) as Role[];
  if (!hasRole(caller, ...roles)) {
    return false;
  }
  if (eligibility.agencies.length === 0) {
    return true;
  }
  return caller.agency !== null && eligibility.agencies.includes(caller.agency.code);
}

/** @returns the eligibility rule in plain words, e.g. "Practitioners from POLICE, EDUCATION" */
export function describeEligibility(eligibility: EligibilityDto): string {
  const who =
    eligibility.roles.length === 0
      ? 'Practitioners'
      : eligibility.roles.map((r) => r.replace(/_/g, ' ')).join(', ').replace(/^./, (c) => c.toUpperCase());
  return eligibility.agencies.length === 0 ? `${who} from any agency` : `${who} from ${eligibility.agencies.join(', ')}`;
}
