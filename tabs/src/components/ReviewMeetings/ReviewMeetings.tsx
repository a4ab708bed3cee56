import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';

import type { InvitationState, ReviewMeetingDto } from '../../../../src/contracts/reviews';

const STATE: Record<InvitationState, { text: string; color: 'informative' | 'success' | 'danger' | 'subtle' }> = {
  pending: { text: 'Invitation pending', color: 'informative' },
  sent: { text: 'Invitation sent', color: 'success' },
  failed: { text: 'Invitation failed', color: 'danger' },
  cancelled: { text: 'Cancellation sent', color: 'subtle' },
};

/** A review's meetings with the invitation's state from the calendar outbox and the Teams link. */
export function ReviewMeetings(props: { meetings: ReviewMeetingDto[]; canEdit: boolean; onCancel: (id: number) => Promise<void> }) {
  if (props.meetings.length === 0) {
    return <Text>No meetings scheduled.</Text>;
  }
  return (
    <Table aria-label="Meetings" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Meeting</TableHeaderCell>
          <TableHeaderCell>When (UK time)</TableHeaderCell>
          <TableHeaderCell>Where</TableHeaderCell>
          <TableHeaderCell>Invitation</TableHeaderCell>
          <TableHeaderCell>Teams link</TableHeaderCell>
          {props.canEdit && <TableHeaderCell>Actions</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.meetings.map((m) => (
          <TableRow key={m.id} aria-label={`Meeting ${m.title} ${m.startsAtLocal}`}>
            <TableCell>
              {m.title}
              {m.status === 'cancelled' ? ' (cancelled)' : ''}
            </TableCell>
            <TableCell>
              {m.startsAtLocal} ({m.durationMinutes} min)
            </TableCell>
            <TableCell>{m.location ?? 'Teams'}</TableCell>
            <TableCell>
              <Badge appearance="tint" color={STATE[m.invitation.state].color}>
                {STATE[m.invitation.state].text}
              </Badge>{' '}
              <Text size={200}>{m.invitation.attendees} invited</Text>
            </TableCell>
            <TableCell>
              {m.invitation.joinUrl ? (
                <a href={m.invitation.joinUrl} target="_blank" rel="noreferrer">
                  Join in Teams
                </a>
              ) : (
                <Text>{m.invitation.state === 'pending' ? 'Not yet' : 'No link'}</Text>
              )}
            </TableCell>
            {props.canEdit && (
              <TableCell>
                {m.status === 'scheduled' && (
                  <Button size="small" aria-label={`Cancel ${m.title} on ${m.startsAtLocal}`} onClick={() => void props.onCancel(m.id)}>
                    Cancel
                  </Button>
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
