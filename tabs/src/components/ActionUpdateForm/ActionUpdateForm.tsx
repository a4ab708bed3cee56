import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';

import type { ActionDetailDto, ActionPatchDto, ActionStatus } from '../../../../src/contracts/actions';
import { STATUS_LABEL } from '../StatusBadge/StatusBadge';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** @returns the change to send, holding only what the person changed */
function buildPatch(a: ActionDetailDto, f: FormState): ActionPatchDto {
  const patch: ActionPatchDto = { version: a.version };
  if (f.status !== a.status) {
    patch.status = f.status;
  }
  if (f.note.trim()) {
    patch.note = f.note.trim();
  }
  const links = f.links.split(/\s+/).filter(Boolean);
  if (f.evidence !== (a.evidence.text ?? '') || links.join(' ') !== a.evidence.links.join(' ')) {
    patch.evidence = { text: f.evidence, links };
  }
  if (f.revisedDate) {
    patch.revisedTargetDate = f.revisedDate;
    patch.revisedTargetReason = f.revisedReason;
  }
  if (f.propose) {
    patch.proposeCompletion = true;
  }
  return patch;
}

type FormState = {
  status: ActionStatus;
  note: string;
  evidence: string;
  links: string;
  revisedDate: string;
  revisedReason: string;
  propose: boolean;
};

/**
 * Updates an action: status (an override needs a reason), progress note, evidence, a revised
 * target date with its reason, and a completion proposal (agency leads) or sign-off (business
 * unit and board). Disabled, with the reason, for people who may only read.
 */
export function ActionUpdateForm(props: {
  action: ActionDetailDto;
  initialNote?: string;
  onSubmit: (patch: ActionPatchDto, note: string) => Promise<void>;
}) {
  const { action: a, onSubmit } = props;
  const styles = useStyles();
  const [f, setF] = useState<FormState>({
    status: a.status,
    note: props.initialNote ?? '',
    evidence: a.evidence.text ?? '',
    links: a.evidence.links.join('\n'),
    revisedDate: '',
    revisedReason: '',
    propose: false,
  });
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<FormState>) => setF((prev) => ({ ...prev, ...patch }));
  const disabled = !a.canEdit || busy;
  const statuses: ActionStatus[] = a.canSignOff ? ['red', 'amber', 'green', 'complete'] : ['red', 'amber', 'green'];
  const overriding = f.status !== a.ruleStatus && f.status !== 'complete' && f.status !== a.status;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(buildPatch(a, f), f.note);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label="Update this action">
      <Field label="Status" hint={`The RAG rule says ${STATUS_LABEL[a.ruleStatus].toLowerCase()}.`}>
        <RadioGroup layout="horizontal" value={f.status} onChange={(_, d) => set({ status: d.value as ActionStatus })} disabled={disabled}>
          {statuses.map((s) => (
            <Radio key={s} value={s} label={s === 'complete' ? 'Complete (sign off)' : STATUS_LABEL[s]} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={overriding ? 'Progress note (needed: the reason for overriding the rule)' : 'Progress note'}
        required={overriding}
      >
        <Textarea value={f.note} onChange={(_, d) => set({ note: d.value })} maxLength={4000} disabled={disabled} resize="vertical" />
      </Field>
      <Field label="Evidence of completion and impact">
        <Textarea value={f.evidence} onChange={(_, d) => set({ evidence: d.value })} maxLength={8000} disabled={disabled} resize="vertical" />
      </Field>
      <Field label="Evidence links (one per line, http or https)">
        <Textarea value={f.links} onChange={(_, d) => set({ links: d.value })} disabled={disabled} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Field label="Revised target date">
          <Input type="date" value={f.revisedDate} onChange={(_, d) => set({ revisedDate: d.value })} disabled={disabled} />
        </Field>
        <Field label="Reason for the new date" required={Boolean(f.revisedDate)}>
          <Input value={f.revisedReason} onChange={(_, d) => set({ revisedReason: d.value })} disabled={disabled || !f.revisedDate} />
        </Field>
      </div>
      {!a.canSignOff && a.status !== 'complete' && (
        <Checkbox
          label="Propose that this action is complete (the business unit or the board signs it off)"
          checked={f.propose}
          onChange={(_, d) => set({ propose: d.checked === true })}
          disabled={disabled}
        />
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={disabled}>
          {busy ? 'Saving…' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}
