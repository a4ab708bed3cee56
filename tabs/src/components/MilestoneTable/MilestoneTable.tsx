import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';

import type { MilestoneCode, ReviewMilestoneDto } from '../../../../src/contracts/reviews';
import { daysText, shortDate } from '../../api/reviews';

type Change = { targetDate?: string; reason?: string; done?: boolean };

function MilestoneEditor(props: { milestone: ReviewMilestoneDto; onSave: (change: Change) => Promise<void>; onClose: () => void }) {
  const m = props.milestone;
  const [date, setDate] = useState(m.targetDate);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onSave({ targetDate: date, reason });
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      aria-label={`Move ${m.label}`}
      style={{ display: 'grid', gap: 8, maxWidth: 480, padding: 8 }}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={`New target date for ${m.label}`} required>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <Field label="Reason for the change" hint="Kept in the review's history; no names" required>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: 'flex', gap: 8 }}>
        <Button appearance="primary" type="submit" disabled={busy || !date || reason.trim().length < 3 || date === m.targetDate}>
          Save date
        </Button>
        <Button onClick={props.onClose}>Cancel</Button>
      </div>
    </form>
  );
}

/** A review's milestones with target dates and, for the business unit, move (with a reason) and done. */
export function MilestoneTable(props: {
  milestones: ReviewMilestoneDto[];
  canEdit: boolean;
  onChange: (code: MilestoneCode, change: Change) => Promise<void>;
}) {
  const [editing, setEditing] = useState<MilestoneCode | null>(null);
  return (
    <>
      <Table aria-label="Milestones" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Milestone</TableHeaderCell>
            <TableHeaderCell>Target date</TableHeaderCell>
            <TableHeaderCell>State</TableHeaderCell>
            <TableHeaderCell>Basis</TableHeaderCell>
            {props.canEdit && <TableHeaderCell>Actions</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.milestones.map((m) => (
            <TableRow key={m.code} aria-label={m.label}>
              <TableCell>{m.label}</TableCell>
              <TableCell>{shortDate(m.targetDate)}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={m.doneAt ? 'success' : m.overdue ? 'danger' : 'informative'}>
                  {daysText(m.daysLeft, m.doneAt !== null)}
                </Badge>
              </TableCell>
              <TableCell>{m.computedFrom ? `From ${m.computedFrom}` : `Moved: ${m.editedReason ?? ''}`}</TableCell>
              {props.canEdit && (
                <TableCell>
                  <Button size="small" aria-label={`Move the date of ${m.label}`} onClick={() => setEditing(editing === m.code ? null : m.code)}>
                    Move date
                  </Button>{' '}
                  <Button
                    size="small"
                    aria-label={`${m.doneAt ? 'Reopen' : 'Mark done'}: ${m.label}`}
                    onClick={() => void props.onChange(m.code, { done: m.doneAt === null })}
                  >
                    {m.doneAt ? 'Reopen' : 'Mark done'}
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editing && (
        <MilestoneEditor
          key={editing}
          milestone={props.milestones.find((m) => m.code === editing) as ReviewMilestoneDto}
          onSave={(change) => props.onChange(editing, change)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
