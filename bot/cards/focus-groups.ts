import { bindCard, type CardJson } from './template';

/** Action.Execute verbs of the focus-group cards (the card and its handlers share these). */
export const FOCUS_GROUP_VERBS = {
  /** answers a card refresh (or the Refresh button) with the current list for that user */
  refresh: 'focusGroups.refresh',
  /** opens the sign-up form for one session */
  form: 'focusGroup.form',
  /** signs up with the form's answers */
  signUp: 'focusGroup.signUp',
  /** cancels the user's place */
  cancel: 'focusGroup.cancel',
} as const;

/** Input ids of the sign-up form. */
export const SIGNUP_INPUTS = { role: 'role', agency: 'agency', accessNeeds: 'accessNeeds' } as const;

/** One session on the list card, already formatted for display. */
export type FocusGroupItemView = {
  id: number;
  title: string;
  when: string;
  length: string;
  where: string;
  seats: string;
  mine: string;
  actions: { title: string; verb: string; data: Record<string, unknown> }[];
};

/** What the list card shows. */
export type FocusGroupsView = {
  /** the Teams user id (MRI, `29:…`) the card refreshes automatically for, when known */
  userMri: string | null;
  heading: string;
  /** a confirmation to show in green above the list */
  success?: string;
  /** a problem to show in red above the list */
  problem?: string;
  sessions: FocusGroupItemView[];
  timeZoneNote: string;
};

/**
 * Builds the focus-group list card: each session with time, place, seats left and the user's own
 * place, with Sign up / Join waiting list / Cancel buttons (Action.Execute) and a refresh action so
 * the card is current whenever it is seen.
 */
export function buildFocusGroupsCard(view: FocusGroupsView): CardJson {
  const card = bindCard('focus-groups', {
    refreshVerb: FOCUS_GROUP_VERBS.refresh,
    userId: view.userMri ?? '',
    heading: view.heading,
    success: view.success ?? '',
    problem: view.problem ?? '',
    sessions: view.sessions,
    footer: `${view.timeZoneNote} Please never type a child's or family member's name in this chat.`,
  });
  const refresh = card.refresh as { userIds?: string[] } | undefined;
  if (refresh?.userIds) {
    refresh.userIds = refresh.userIds.filter((id) => id.length > 0);
  }
  return card;
}
