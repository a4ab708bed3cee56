import { ROLES, type MeDto, type Role } from '../contracts/identity';
import type { CallerRecord } from '../data/repositories/person.repository';

/** The authenticated person behind a request or a bot turn. */
export type Caller = {
  /** Entra object id (or dev user id) */
  id: string;
  name: string;
  /** internal person id, or null for someone the app has no record of */
  personId: number | null;
  agency: { id: number; code: string; name: string; sector: string } | null;
  roles: Role[];
};

/** @returns whether the caller holds any of the given roles */
export function hasRole(caller: Caller, ...roles: Role[]): boolean {
  return roles.some((r) => caller.roles.includes(r));
}

/** Splits a stored role list, dropping unknown codes. */
export function parseRoles(stored: string): Role[] {
  const roles = stored
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is Role => (ROLES as readonly string[]).includes(s));
  return roles.length > 0 ? roles : ['practitioner'];
}

/**
 * Builds the caller from the stored person, or a practitioner of no agency when there is none.
 * @param id the Entra object id from the token or activity
 * @param fallbackName the name from the token or activity, used when the app has no record
 * @param person the stored person, if any
 * @returns the caller
 */
export function toCaller(id: string, fallbackName: string, person: CallerRecord | null): Caller {
  if (!person) {
    return { id, name: fallbackName, personId: null, agency: null, roles: ['practitioner'] };
  }
  const a = person.agency;
  return {
    id,
    name: person.displayName,
    personId: person.id,
    agency: a ? { id: a.id, code: a.code, name: a.name, sector: a.sector } : null,
    roles: parseRoles(person.roles),
  };
}

/** Presents a caller as `GET /api/me` returns it. */
export function presentMe(caller: Caller): MeDto {
  const a = caller.agency;
  return {
    id: caller.id,
    name: caller.name,
    agency: a ? { code: a.code, name: a.name, sector: a.sector } : null,
    roles: caller.roles,
  };
}
