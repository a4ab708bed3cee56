import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';

import type { ActionGroupBy, ActionSort, ActionSummaryDto } from '../../../../src/contracts/actions';
import { STATUS_LABEL, StatusBadge } from '../StatusBadge/StatusBadge';

const useStyles = makeStyles({
  group: { marginBlockStart: tokens.spacingVerticalL },
  groupTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, marginBlock: tokens.spacingVerticalS },
  open: { textAlign: 'start', justifyContent: 'flex-start', minWidth: 0, height: 'auto', paddingInline: 0, fontWeight: tokens.fontWeightRegular },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3 },
});

type Group = { key: string; title: string; items: ActionSummaryDto[] };

/** @returns the items cut into consecutive groups (the server sorts by the group first) */
function groups(items: ActionSummaryDto[], groupBy: ActionGroupBy): Group[] {
  const out: Group[] = [];
  for (const a of items) {
    const key = groupBy === 'plan' ? `p${a.plan.id}` : groupBy === 'agency' ? `a${a.leadAgency.id}` : 'all';
    const title =
      groupBy === 'plan' ? `${a.plan.sourceRef}: ${a.plan.title}` : groupBy === 'agency' ? a.leadAgency.name : 'Actions';
    const last = out[out.length - 1];
    if (last?.key.startsWith(`${key}:`)) {
      last.items.push(a);
    } else {
      // a group may come back after another (e.g. after a save changed an order): keep keys unique
      out.push({ key: `${key}:${out.length}`, title, items: [a] });
    }
  }
  return out;
}

const date = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** The actions as one table per group, with sortable due-date and status columns. */
export function ActionTable(props: {
  items: ActionSummaryDto[];
  groupBy: ActionGroupBy;
  sort: ActionSort;
  onSort: (sort: ActionSort) => void;
  onOpen: (id: number) => void;
}) {
  const { items, groupBy, sort, onSort, onOpen } = props;
  const styles = useStyles();
  const dueDirection = sort === 'due' ? 'ascending' : sort === '-due' ? 'descending' : undefined;
  return (
    <>
      {groups(items, groupBy).map((g) => (
        <section key={g.key} className={styles.group} aria-label={g.title}>
          {groupBy !== 'none' && (
            <h3 className={styles.groupTitle}>
              {g.title} <Text className={styles.sub}>({g.items.length} shown)</Text>
            </h3>
          )}
          <Table sortable aria-label={groupBy === 'none' ? 'Actions' : `Actions: ${g.title}`} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Action</TableHeaderCell>
                {groupBy !== 'agency' && <TableHeaderCell>Lead agency</TableHeaderCell>}
                {groupBy !== 'plan' && <TableHeaderCell>Plan</TableHeaderCell>}
                <TableHeaderCell sortDirection={dueDirection} onClick={() => onSort(sort === 'due' ? '-due' : 'due')}>
                  Due
                </TableHeaderCell>
                <TableHeaderCell sortDirection={sort === 'status' ? 'ascending' : undefined} onClick={() => onSort('status')}>
                  Status
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {g.items.map((a) => (
                <TableRow key={a.id} data-action-id={a.id}>
                  <TableCell>
                    <Button appearance="transparent" className={styles.open} onClick={() => onOpen(a.id)}>
                      {a.description}
                    </Button>
                  </TableCell>
                  {groupBy !== 'agency' && <TableCell>{a.leadAgency.name}</TableCell>}
                  {groupBy !== 'plan' && <TableCell>{a.plan.sourceRef}</TableCell>}
                  <TableCell>
                    <span className={a.overdue ? styles.overdue : undefined}>{date(a.dueDate)}</span>
                    {a.overdue && <Text className={styles.overdue}> (overdue)</Text>}
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={a.status} />
                    {a.overrideStatus && (
                      <Text size={200} className={styles.sub}>
                        {' '}
                        override; rule says {STATUS_LABEL[a.ruleStatus].toLowerCase()}
                      </Text>
                    )}
                    {a.completionProposedAt && a.status !== 'complete' && (
                      <Text size={200} className={styles.sub}>
                        {' '}
                        completion proposed
                      </Text>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ))}
    </>
  );
}
