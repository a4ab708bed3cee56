import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { Fragment, useState } from 'react';

import type { FocusGroupDto, FocusGroupStatus, SignupDto } from '../../../../src/contracts/audits';
import { formatWhen } from '../../api/audits';

/** An audit's sessions with seats and waiting list, open/close controls and the sign-up list. */
export function FocusGroupTable(props: {
  sessions: FocusGroupDto[];
  onSetStatus: (id: number, status: FocusGroupStatus) => Promise<void>;
  loadSignups: (id: number) => Promise<SignupDto[]>;
}) {
  const [shown, setShown] = useState<{ id: number; signups: SignupDto[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = async (id: number) => {
    if (shown?.id === id) {
      setShown(null);
      return;
    }
    setShown({ id, signups: await props.loadSignups(id) });
  };
  const setStatus = async (id: number, status: FocusGroupStatus) => {
    setBusy(true);
    try {
      await props.onSetStatus(id, status);
    } finally {
      setBusy(false);
    }
  };

  if (props.sessions.length === 0) {
    return <Text>No sessions yet.</Text>;
  }
  return (
    <Table aria-label="Focus-group sessions" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>When (UK time)</TableHeaderCell>
          <TableHeaderCell>Where</TableHeaderCell>
          <TableHeaderCell>Confirmed</TableHeaderCell>
          <TableHeaderCell>Waiting</TableHeaderCell>
          <TableHeaderCell>Sign-up</TableHeaderCell>
          <TableHeaderCell>Actions</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.sessions.map((s) => (
          <Fragment key={s.id}>
            <TableRow>
              <TableCell>
                {formatWhen(s.startsAt)} ({s.durationMinutes} min)
              </TableCell>
              <TableCell>
                {s.location}
                {s.online ? ' (online)' : ''}
                {s.eligibility.agencies.length > 0 ? ` · only ${s.eligibility.agencies.join(', ')}` : ''}
              </TableCell>
              <TableCell>
                {s.confirmedCount} of {s.capacity}
              </TableCell>
              <TableCell>{s.waitlistLength}</TableCell>
              <TableCell>
                <Badge appearance="outline" color={s.status === 'open' ? 'success' : 'informative'}>
                  {s.past ? 'past' : s.status}
                </Badge>
              </TableCell>
              <TableCell>
                {!s.past && s.status === 'open' && (
                  <Button size="small" disabled={busy} onClick={() => void setStatus(s.id, 'closed')}>
                    Close sign-up
                  </Button>
                )}
                {!s.past && s.status === 'closed' && (
                  <Button size="small" disabled={busy} onClick={() => void setStatus(s.id, 'open')}>
                    Open sign-up
                  </Button>
                )}{' '}
                <Button size="small" appearance="subtle" onClick={() => void toggle(s.id)}>
                  {shown?.id === s.id ? 'Hide sign-ups' : 'Sign-ups'}
                </Button>
              </TableCell>
            </TableRow>
            {shown?.id === s.id && (
              <TableRow>
                <TableCell colSpan={6}>
                  {shown.signups.length === 0 ? (
                    <Text>Nobody has signed up yet.</Text>
                  ) : (
                    <ul aria-label="Sign-ups">
                      {shown.signups.map((u) => (
                        <li key={u.id}>
                          {u.name} ({u.role}, {u.agency ?? 'no agency'}):{' '}
                          {u.status === 'waitlisted' ? `waiting list, number ${u.position}` : u.status}
                          {u.accessNeeds ? ` · access needs: ${u.accessNeeds}` : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            )}
          </Fragment>
        ))}
      </TableBody>
    </Table>
  );
}
