import { Badge } from '@fluentui/react-components';

import type { ActionStatus } from '../../../../src/contracts/actions';

/** Plain-words names of the statuses. */
export const STATUS_LABEL: Record<ActionStatus, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  complete: 'Complete',
};

const COLOR: Record<ActionStatus, 'danger' | 'warning' | 'success' | 'informative'> = {
  red: 'danger',
  amber: 'warning',
  green: 'success',
  complete: 'informative',
};

/** A RAG status as a coloured badge that also says its name (colour is never the only cue). */
export function StatusBadge(props: { status: ActionStatus; size?: 'small' | 'medium' | 'large' }) {
  return (
    <Badge appearance="filled" color={COLOR[props.status]} size={props.size ?? 'medium'} shape="rounded">
      {STATUS_LABEL[props.status]}
    </Badge>
  );
}
