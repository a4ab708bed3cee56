import { Button, Field, Input, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useState } from 'react';

import type { NewReviewMeetingDto, ReviewMeetingKind } from '../../../../src/contracts/reviews';
import { useSubmit } from '../../hooks/useSubmit';

/**
 * Schedules a panel meeting or practitioner event: date and time in the board's time zone, length
 * and place. The server sends the invitation, with a Teams meeting, to the panel.
 */
export function MeetingForm(props: { onSchedule: (meeting: NewReviewMeetingDto) => Promise<void> }) {
  const [kind, setKind] = useState<ReviewMeetingKind>('panel');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [duration, setDuration] = useState('90');
  const [location, setLocation] = useState('');
  const { busy, error, run } = useSubmit();

  const submit = () =>
    run(async () => {
      await props.onSchedule({ kind, date, time, durationMinutes: Number(duration), location: location.trim() || null });
      setDate('');
      setLocation('');
    });

  return (
    <form
      aria-label="Schedule a meeting"
      style={{ display: 'grid', gap: 8, maxWidth: 560 }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Field label="Meeting">
          <Select value={kind} onChange={(_, d) => setKind(d.value as ReviewMeetingKind)}>
            <option value="panel">Panel meeting</option>
            <option value="practitioner_event">Practitioner event</option>
          </Select>
        </Field>
        <Field label="Date" required>
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Field label="Start time (UK)" required>
          <Input type="time" value={time} onChange={(_, d) => setTime(d.value)} />
        </Field>
        <Field label="Length (minutes)" required>
          <Input type="number" min={15} max={600} value={duration} onChange={(_, d) => setDuration(d.value)} />
        </Field>
      </div>
      <Field label="Location" hint="A room, or leave empty for Teams only">
        <Input value={location} onChange={(_, d) => setLocation(d.value)} />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy || !date || !time}>
          Schedule and invite the panel
        </Button>
      </div>
    </form>
  );
}
