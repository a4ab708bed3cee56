import { Checkbox, Field, makeStyles, SearchBox, Select, Switch, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

import type { ActionFacetsDto, ActionGroupBy, ActionSort, ActionStatus } from '../../../../src/contracts/actions';
import type { TrackerQuery } from '../../api/actions';
import { STATUS_LABEL } from '../StatusBadge/StatusBadge';

const SORT_LABEL: Record<ActionSort, string> = {
  overdue: 'Overdue first',
  due: 'Due date, earliest first',
  '-due': 'Due date, latest first',
  status: 'Status, red first',
};

const GROUP_LABEL: Record<ActionGroupBy, string> = { none: 'No grouping', plan: 'Plan', agency: 'Lead agency' };

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, marginBlock: tokens.spacingVerticalM },
  statuses: { display: 'flex', flexWrap: 'wrap', border: 'none', padding: 0, margin: 0 },
});

/** The tracker's filters: agency, status, overdue, text search, grouping and order. */
export function ActionFilters(props: {
  query: TrackerQuery;
  facets: ActionFacetsDto | null;
  onChange: (query: TrackerQuery) => void;
}) {
  const { query, facets, onChange } = props;
  const styles = useStyles();
  const [text, setText] = useState(query.q);
  useEffect(() => {
    if (text === query.q) {
      return undefined;
    }
    const timer = setTimeout(() => onChange({ ...query, q: text }), 300);
    return () => clearTimeout(timer);
  }, [text, query, onChange]);

  const toggleStatus = (status: ActionStatus, on: boolean) =>
    onChange({ ...query, statuses: on ? [...query.statuses, status] : query.statuses.filter((s) => s !== status) });

  return (
    <form className={styles.form} role="search" aria-label="Filter actions" onSubmit={(e) => e.preventDefault()}>
      <Field label="Lead agency">
        <Select value={query.agency} onChange={(_, d) => onChange({ ...query, agency: d.value })}>
          <option value="">All agencies</option>
          {facets?.agencies.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className={styles.statuses}>
        <legend>Status</legend>
        {(['red', 'amber', 'green', 'complete'] as ActionStatus[]).map((s) => (
          <Checkbox
            key={s}
            label={STATUS_LABEL[s]}
            checked={query.statuses.includes(s)}
            onChange={(_, d) => toggleStatus(s, d.checked === true)}
          />
        ))}
      </fieldset>
      <Switch label="Overdue only" checked={query.overdue} onChange={(_, d) => onChange({ ...query, overdue: d.checked })} />
      <Field label="Search actions, recommendations and plans">
        <SearchBox value={text} onChange={(_, d) => setText(d.value)} maxLength={200} />
      </Field>
      <Field label="Group by">
        <Select value={query.groupBy} onChange={(_, d) => onChange({ ...query, groupBy: d.value as ActionGroupBy })}>
          {(Object.keys(GROUP_LABEL) as ActionGroupBy[]).map((g) => (
            <option key={g} value={g}>
              {GROUP_LABEL[g]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Sort by">
        <Select value={query.sort} onChange={(_, d) => onChange({ ...query, sort: d.value as ActionSort })}>
          {(Object.keys(SORT_LABEL) as ActionSort[]).map((s) => (
            <option key={s} value={s}>
              {SORT_LABEL[s]}
            </option>
          ))}
        </Select>
      </Field>
    </form>
  );
}
