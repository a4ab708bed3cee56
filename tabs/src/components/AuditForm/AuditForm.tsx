import { Button, Field, Input, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState } from 'react';

import type { NewAuditInput } from '../../api/audits';
import { useSubmit } from '../../hooks/useSubmit';

/** Creates a themed audit: theme, title, period, agencies and the cases to audit. */
export function AuditForm(props: { onCreate: (input: NewAuditInput) => Promise<void> }) {
  const [theme, setTheme] = useState('');
  const [title, setTitle] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [agencies, setAgencies] = useState('');
  const [cases, setCases] = useState('');
  const { busy, error, run } = useSubmit();

  const list = (text: string) =>
    text
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean);

  const submit = () =>
    run(async () => {
      await props.onCreate({
        theme,
        title,
        periodStart: periodStart || undefined,
        periodEnd: periodEnd || undefined,
        agencies: list(agencies.toUpperCase()),
        cases: list(cases),
      });
      setTheme('');
      setTitle('');
      setCases('');
    });

  return (
    <form
      aria-label="New audit"
      style={{ display: 'grid', gap: 8, maxWidth: 560 }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label="Theme" required hint="For example: Neglect, Missing children">
        <Input value={theme} onChange={(_, d) => setTheme(d.value)} />
      </Field>
      <Field label="Title" required>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <div style={{ display: 'flex', gap: 8 }}>
        <Field label="Period from">
          <Input type="date" value={periodStart} onChange={(_, d) => setPeriodStart(d.value)} />
        </Field>
        <Field label="Period to">
          <Input type="date" value={periodEnd} onChange={(_, d) => setPeriodEnd(d.value)} />
        </Field>
      </div>
      <Field label="Agencies taking part" hint="Agency codes separated by commas, e.g. POLICE, ACUTE">
        <Input value={agencies} onChange={(_, d) => setAgencies(d.value)} />
      </Field>
      <Field label="Cases to audit" hint="One anonymised reference per line (e.g. C-01). Never a name.">
        <Textarea value={cases} onChange={(_, d) => setCases(d.value)} />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy || !theme.trim() || !title.trim()}>
          Create audit
        </Button>
      </div>
    </form>
  );
}
