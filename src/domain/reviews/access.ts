import type { Role } from '../../contracts/identity';
import { AuthorizationError } from '../../errors';
import { hasRole, type Caller } from '../caller';

/** Roles that see reviews at all: the business unit manages, the board reads, panel members see their own. */
export const REVIEW_READER_ROLES: Role[] = ['business_unit', 'board', 'panel_member'];

/** @returns whether the caller sees every review (business unit, board) */
export function seesAllReviews(caller: Caller): boolean {
  return hasRole(caller, 'business_unit', 'board');
}

/** @throws AuthorizationError unless the caller may read reviews */
export function assertMayReadReviews(caller: Caller): void {
  if (!hasRole(caller, ...REVIEW_READER_ROLES)) {
    throw new AuthorizationError('Reviews are for the business unit, the board and panel members');
  }
}

/** @throws AuthorizationError unless the caller is in the business unit */
export function assertMayManageReviews(caller: Caller): void {
  if (!hasRole(caller, 'business_unit')) {
    throw new AuthorizationError('Only the business unit manages reviews');
  }
}
