import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';

import type { NewSessionInput } from '../../api/audits';
import { useSubmit } from '../../hooks/useSubmit';

/** Adds a focus-group session to an audit: when, how long, where, seats and who may join. */
export function FocusGroupForm(props: { auditId: number; onAdd: (input: NewSessionInput) => Promise<void> }) {
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState('90');
  const [capacity, setCapacity] = useState('12');
  const [location, setLocation] = useState('');
  const [online, setOnline] = useState(false);
  const [agencies, setAgencies] = useState('');
  const [open, setOpen] = useState(true);
  const { busy, error, run } = useSubmit();

  const submit = () =>
    run(async () => {
      const when = new Date(startsAt);
      if (Number.isNaN(when.getTime())) {
        throw new Error('Choose the date and time of the session');
      }
      await props.onAdd({
        auditId: props.auditId,
        startsAt: when.toISOString(),
        durationMinutes: Number(duration),
        capacity: Number(capacity),
        location,
        online,
        eligibility: {
          agencies: agencies
            .toUpperCase()
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          roles: [],
        },
        open,
      });
      setStartsAt('');
      setLocation('');
    });

  return (
    <form
      aria-label="New focus-group session"
      style={{ display: 'grid', gap: 8, maxWidth: 560 }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Field label="Starts at" required>
          <Input type="datetime-local" value={startsAt} onChange={(_, d) => setStartsAt(d.value)} />
        </Field>
        <Field label="Length (minutes)" required>
          <Input type="number" min={15} max={480} value={duration} onChange={(_, d) => setDuration(d.value)} />
        </Field>
        <Field label="Seats" required>
          <Input type="number" min={1} max={500} value={capacity} onChange={(_, d) => setCapacity(d.value)} />
        </Field>
      </div>
      <Field label="Venue, or the online meeting" required>
        <Input value={location} onChange={(_, d) => setLocation(d.value)} />
      </Field>
      <Checkbox label="Online" checked={online} onChange={(_, d) => setOnline(d.checked === true)} />
      <Field label="Only for these agencies" hint="Agency codes separated by commas; leave empty for all practitioners">
        <Input value={agencies} onChange={(_, d) => setAgencies(d.value)} />
      </Field>
      <Checkbox label="Open for sign-up now" checked={open} onChange={(_, d) => setOpen(d.checked === true)} />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy || !startsAt || !location.trim()}>
          Add session
        </Button>
      </div>
    </form>
  );
}
