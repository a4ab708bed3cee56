import { Badge, Button, Caption1, Card, CardHeader, Text } from '@fluentui/react-components';
import { useState } from 'react';

import type {
  ClockStatusDto,
  DecisionRequestDto,
  NotificationDto,
  NotificationSummaryDto,
  RouteOptionDto,
} from '../../../../src/contracts/notification';
import { DecisionForm } from '../DecisionForm/DecisionForm';

const DECISIONS = {
  accept: 'Route accepted',
  change: 'Route changed',
  request_information: 'More information requested',
} as const;

/** @returns how far off a clock is, in working days */
function daysText(c: ClockStatusDto): string {
  if (c.met) {
    return 'done';
  }
  const n = Math.abs(c.workingDaysLeft);
  const days = `${n} working day${n === 1 ? '' : 's'}`;
  if (c.overdue) {
    return `${days} overdue`;
  }
  return c.workingDaysLeft === 0 ? 'due today' : `${days} left`;
}

function ClockList(props: { clocks: ClockStatusDto[] }) {
  return (
    <ul aria-label="Deadlines" style={{ margin: 0, paddingLeft: 20 }}>
      {props.clocks.map((c) => (
        <li key={c.code}>
          <Text>
            {c.label}: due {c.due}{' '}
          </Text>
          <Badge appearance="tint" color={c.met ? 'success' : c.overdue ? 'danger' : 'informative'}>
            {daysText(c)}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/** One notification in the pipeline: route, deadlines, decision, and (business unit) decision controls. */
export function NotificationCard(props: {
  item: NotificationSummaryDto;
  routeOptions: RouteOptionDto[];
  canDecide: boolean;
  loadDetail: (reference: string) => Promise<NotificationDto>;
  onDecide: (reference: string, decision: DecisionRequestDto, version: number) => Promise<void>;
}) {
  const { item } = props;
  const [summary, setSummary] = useState<string | null>(null);
  const d = item.decision;
  const parallel = item.parallelRoutes.map((r) => r.label).join(', ');
  return (
    <Card aria-label={`Notification ${item.reference}`} style={{ marginBottom: 12 }}>
      <CardHeader
        header={
          <Text weight="semibold">
            {item.reference}: {item.recommendedRoute.label}
            {parallel ? ` (also ${parallel})` : ''}
          </Text>
        }
        description={
          <Caption1>
            Notified {item.createdAt.slice(0, 10)} by {item.notifier.name}
            {item.notifier.agency ? `, ${item.notifier.agency.name}` : ''}
          </Caption1>
        }
        action={item.overdue ? <Badge color="danger">Overdue</Badge> : undefined}
      />
      {item.clocks.length > 0 ? <ClockList clocks={item.clocks} /> : <Text>No statutory deadlines.</Text>}
      {d && (
        <Text>
          {DECISIONS[d.action]}
          {d.route ? `: ${d.route.label}` : ''} by {d.decidedBy.name} on {d.decidedAt.slice(0, 10)}
          {d.reason ? `. ${d.reason}` : ''}
        </Text>
      )}
      {summary === null ? (
        <Button
          appearance="subtle"
          onClick={() => void props.loadDetail(item.reference).then((n) => setSummary(n.answers.summary))}
        >
          Show the notifier's summary
        </Button>
      ) : (
        <Text as="p">{summary}</Text>
      )}
      {props.canDecide && item.status !== 'decided' && (
        <DecisionForm
          reference={item.reference}
          recommended={item.recommendedRoute}
          routeOptions={props.routeOptions}
          onDecide={(decision) => props.onDecide(item.reference, decision, item.version)}
        />
      )}
    </Card>
  );
}
