import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';

import type { ReviewStatus, ReviewSummaryDto } from '../../../../src/contracts/reviews';
import { daysText, shortDate } from '../../api/reviews';

/** The reviews in list order (overdue first), with status, next milestone and completion date. */
export function ReviewList(props: {
  items: ReviewSummaryDto[];
  statusLabels: Record<ReviewStatus, string>;
  selected: number | null;
  onSelect: (id: number) => void;
}) {
  if (props.items.length === 0) {
    return <Text>No reviews yet.</Text>;
  }
  return (
    <Table aria-label="Reviews" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Review</TableHeaderCell>
          <TableHeaderCell>Type</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Next milestone</TableHeaderCell>
          <TableHeaderCell>Completion due</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.items.map((r) => (
          <TableRow key={r.id} aria-label={`Review ${r.reference}`} aria-selected={props.selected === r.id}>
            <TableCell>
              <Button appearance="transparent" onClick={() => props.onSelect(r.id)}>
                {r.reference}: {r.title}
              </Button>
              {r.overdue && (
                <Badge color="danger" style={{ marginLeft: 4 }}>
                  Overdue
                </Badge>
              )}
            </TableCell>
            <TableCell>{r.type.label}</TableCell>
            <TableCell>{props.statusLabels[r.status]}</TableCell>
            <TableCell>
              {r.nextMilestone ? (
                <>
                  {r.nextMilestone.label}, {shortDate(r.nextMilestone.targetDate)}{' '}
                  <Badge appearance="tint" color={r.nextMilestone.overdue ? 'danger' : 'informative'}>
                    {daysText(r.nextMilestone.daysLeft)}
                  </Badge>
                </>
              ) : (
                'None open'
              )}
            </TableCell>
            <TableCell>{shortDate(r.completion.due)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
