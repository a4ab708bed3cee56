import { hasRole, type Caller } from '../caller';

/**
 * Who may see and change what in the tracker (DOMAIN.md §5–6, PRODUCT.md roles):
 * everyone signed in reads the list; the business unit and the board change every action; an
 * agency lead changes only actions whose lead agency is theirs; practitioners and panel members
 * only read. Private fields (progress notes, evidence, reasons) show only to the lead agency's
 * own staff, the business unit and the board.
 */

/** @returns whether the caller sees every action in full (business unit, board) */
export function seesEverything(caller: Caller): boolean {
  return hasRole(caller, 'business_unit', 'board');
}

/** @returns whether the caller sees the private fields of an action of this lead agency */
export function hasFullView(caller: Caller, leadAgencyId: number): boolean {
  return seesEverything(caller) || caller.agency?.id === leadAgencyId;
}

/** @returns whether the caller may change an action of this lead agency */
export function canChangeAction(caller: Caller, leadAgencyId: number): boolean {
  if (seesEverything(caller)) {
    return true;
  }
  return hasRole(caller, 'agency_lead') && caller.agency !== null && caller.agency.id === leadAgencyId;
}

/** @returns whether the caller may mark actions complete (sign-off) or reopen them */
export function canSignOff(caller: Caller): boolean {
  return seesEverything(caller);
}

/** @returns whether the caller may create plans, recommendations and actions */
export function canManagePlans(caller: Caller): boolean {
  return hasRole(caller, 'business_unit');
}

/** @returns whether the caller may export the tracker (board papers, agency reports) */
export function canExport(caller: Caller): boolean {
  return hasRole(caller, 'business_unit', 'board', 'agency_lead');
}
