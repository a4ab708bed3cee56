import { makeStyles, Text, tokens } from '@fluentui/react-components';

import type { ActionHistoryEntryDto } from '../../../../src/contracts/actions';

const FIELD_LABEL: Record<string, string> = {
  created: 'Created',
  status: 'Status',
  rule_status: 'RAG rule',
  override: 'Override',
  progress_note: 'Progress note',
  evidence: 'Evidence',
  target_date: 'Target date',
  completion_proposed: 'Completion proposed',
  signed_off: 'Sign-off',
};

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    borderInlineStartWidth: '3px',
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke2,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  meta: { color: tokens.colorNeutralForeground3 },
  note: { display: 'block', whiteSpace: 'pre-wrap' },
});

const when = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(iso));

function change(h: ActionHistoryEntryDto): string {
  const label = FIELD_LABEL[h.field] ?? h.field;
  if (h.field === 'created') {
    return `${label} (${h.to ?? ''})`;
  }
  if (h.field === 'progress_note' || h.field === 'evidence') {
    return label;
  }
  return `${label}: ${h.from ?? 'none'} → ${h.to ?? 'none'}`;
}

/** An action's append-only history, newest first. */
export function ActionHistoryList(props: { items: ActionHistoryEntryDto[] }) {
  const styles = useStyles();
  const items = [...props.items].reverse();
  if (items.length === 0) {
    return <Text>No history yet.</Text>;
  }
  return (
    <ol className={styles.list} aria-label="Changes, newest first">
      {items.map((h) => (
        <li key={h.id} className={styles.item}>
          <Text weight="semibold">{change(h)}</Text>
          <Text className={styles.meta}>
            {' '}
            by {h.by}, {when(h.at)}
          </Text>
          {(h.field === 'progress_note' || h.field === 'evidence') && h.to && <Text className={styles.note}>{h.to}</Text>}
          {h.note && h.field !== 'progress_note' && <Text className={styles.note}>“{h.note}”</Text>}
        </li>
      ))}
    </ol>
  );
}
