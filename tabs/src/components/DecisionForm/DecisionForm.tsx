import { Button, Field, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';

import type { DecisionRequestDto, RouteOptionDto } from '../../../../src/contracts/notification';

type Mode = 'change' | 'request_information' | null;

/** The business unit's decision controls: accept, choose another route with a reason, or ask. */
export function DecisionForm(props: {
  reference: string;
  recommended: RouteOptionDto;
  routeOptions: RouteOptionDto[];
  onDecide: (decision: DecisionRequestDto) => Promise<void>;
}) {
  const { reference, recommended, onDecide } = props;
  const [mode, setMode] = useState<Mode>(null);
  const [route, setRoute] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const options = props.routeOptions.filter((r) => r.code !== recommended.code);

  const run = async (decision: DecisionRequestDto) => {
    setBusy(true);
    setError(null);
    try {
      await onDecide(decision);
      setMode(null);
      setText('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const submitForm = () => {
    if (mode === 'change') {
      void run({ action: 'change', route: route as RouteOptionDto['code'], reason: text });
    } else if (mode === 'request_information') {
      void run({ action: 'request_information', message: text });
    }
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button appearance="primary" disabled={busy} onClick={() => void run({ action: 'accept' })}>
          Accept {recommended.label}
        </Button>
        <Button disabled={busy} onClick={() => setMode(mode === 'change' ? null : 'change')}>
          Choose another route
        </Button>
        <Button disabled={busy} onClick={() => setMode(mode === 'request_information' ? null : 'request_information')}>
          Ask for more information
        </Button>
      </div>
      {mode === 'change' && (
        <Field label={`Route for ${reference}`} required>
          <Select value={route} onChange={(_, d) => setRoute(d.value)}>
            <option value="">Choose a route</option>
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {mode && (
        <>
          <Field
            label={mode === 'change' ? 'Why this route instead (no names)' : 'What do you need from the notifier? (no names)'}
            required
          >
            <Textarea value={text} maxLength={1000} onChange={(_, d) => setText(d.value)} />
          </Field>
          <Button appearance="primary" disabled={busy} onClick={submitForm}>
            {mode === 'change' ? 'Save route' : 'Send request'}
          </Button>
        </>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
