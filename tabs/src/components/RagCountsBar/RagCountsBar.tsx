import { makeStyles, Text, tokens } from '@fluentui/react-components';

import type { ActionCountsDto, ActionStatus } from '../../../../src/contracts/actions';
import { STATUS_LABEL } from '../StatusBadge/StatusBadge';

const ORDER: ActionStatus[] = ['red', 'amber', 'green', 'complete'];

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    height: '12px',
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground3,
    marginBlock: tokens.spacingVerticalS,
  },
  red: { backgroundColor: tokens.colorPaletteRedBackground3 },
  amber: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  green: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  complete: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalXS, listStyleType: 'none', padding: 0, margin: 0 },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginInlineEnd: tokens.spacingHorizontalXS, borderRadius: '2px' },
});

/** The RAG counts of the filtered set: a proportional bar (for the eye) and a list (for everyone). */
export function RagCountsBar(props: { counts: ActionCountsDto }) {
  const { counts } = props;
  const styles = useStyles();
  const summary = ORDER.map((s) => `${counts[s]} ${STATUS_LABEL[s].toLowerCase()}`).join(', ');
  return (
    <section aria-labelledby="rag-counts-heading">
      <h2 id="rag-counts-heading" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}>
        RAG counts
      </h2>
      <div className={styles.bar} role="img" aria-label={`${counts.total} actions: ${summary}`}>
        {ORDER.filter((s) => counts[s] > 0).map((s) => (
          <div key={s} className={styles[s]} style={{ width: `${(100 * counts[s]) / Math.max(counts.total, 1)}%` }} />
        ))}
      </div>
      <ul className={styles.legend} data-testid="rag-counts">
        {ORDER.map((s) => (
          <li key={s}>
            <span className={`${styles.swatch} ${styles[s]}`} aria-hidden="true" />
            <Text weight="semibold">{counts[s]}</Text> <Text>{STATUS_LABEL[s]}</Text>
          </li>
        ))}
        <li>
          <Text weight="semibold">{counts.overdue}</Text> <Text>overdue</Text>
        </li>
        <li>
          <Text weight="semibold">{counts.total}</Text> <Text>in total</Text>
        </li>
      </ul>
    </section>
  );
}
