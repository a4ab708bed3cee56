import { bindCard, type CardJson } from './template';

/** Verb of the card's quick status update (Action.Execute). */
export const MY_ACTIONS_UPDATE_VERB = 'myActions.update';

/** Input ids of one action's quick update. */
export const statusInputId = (actionId: number) => `status_${actionId}`;
export const noteInputId = (actionId: number) => `note_${actionId}`;

/** One action on the card: no owner and nothing about the child, only the action itself. */
export type MyActionItemView = {
  id: number;
  version: number;
  /** e.g. `RED · 20 days overdue` */
  heading: string;
  description: string;
  /** e.g. `Section 11: S11-2025` */
  source: string;
  due: string;
  rule: string;
  /** current status (red, amber, green): colours the heading and is preselected in the form */
  status: string;
};

/** What the `my actions` card shows. */
export type MyActionsView = {
  title: string;
  summary: string;
  /** a result line after a quick update ('' for none) */
  success: string;
  /** a problem with a quick update, e.g. someone else changed the action ('' for none) */
  problem: string;
  emptyText: string;
  /** e.g. `and 4 more in the tracker` ('' for none) */
  more: string;
  trackerUrl: string;
  items: MyActionItemView[];
};

/**
 * Builds the `my actions` card: the agency's red and due-soon actions with a quick update each,
 * and a button that opens the tracker tab.
 */
export function buildMyActionsCard(view: MyActionsView): CardJson {
  const card = bindCard('my-actions', { ...view, updateVerb: MY_ACTIONS_UPDATE_VERB });
  // The link is added here, not in the template: the schema wants a URI in `url`, and a raw
  // `${...}` placeholder is not one, so the template would not validate.
  return { ...card, actions: [{ type: 'Action.OpenUrl', title: 'Open the tracker', url: view.trackerUrl }] };
}
