import { FOCUS_GROUP_VERBS, SIGNUP_INPUTS } from './focus-groups';
import { bindCard, type CardJson } from './template';

/** What the sign-up form shows and prefills. */
export type FocusGroupSignupView = {
  focusGroupId: number;
  /** one id per form: a repeated press of the same button signs up only once */
  requestId: string;
  title: string;
  when: string;
  length: string;
  where: string;
  seats: string;
  /** true when the session is full and the person would join the waiting list */
  waitlist: boolean;
  role: string;
  /** agency code prefilled from the profile */
  agency: string;
  accessNeeds: string;
  agencies: { code: string; name: string }[];
  /** why the last attempt was refused, if it was */
  notice?: string;
};

/** Builds the sign-up form: role, agency (prefilled from the profile) and access needs. */
export function buildFocusGroupSignupCard(view: FocusGroupSignupView): CardJson {
  return bindCard('focus-group-signup', {
    heading: `${view.waitlist ? 'Join the waiting list' : 'Sign up'}: ${view.title}`,
    when: view.when,
    length: view.length,
    where: view.where,
    seats: view.seats,
    notice: view.notice ?? '',
    roleInputId: SIGNUP_INPUTS.role,
    agencyInputId: SIGNUP_INPUTS.agency,
    accessNeedsInputId: SIGNUP_INPUTS.accessNeeds,
    role: view.role,
    agency: view.agency,
    accessNeeds: view.accessNeeds,
    agencies: view.agencies,
    confirmTitle: view.waitlist ? 'Join the waiting list' : 'Confirm my place',
    signUpVerb: FOCUS_GROUP_VERBS.signUp,
    backVerb: FOCUS_GROUP_VERBS.refresh,
    focusGroupId: view.focusGroupId,
    requestId: view.requestId,
  });
}
