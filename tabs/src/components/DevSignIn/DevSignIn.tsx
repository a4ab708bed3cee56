import { Button, Card, Field, Select, Text, Title2 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

import type { DevUserDto } from '../../../../src/contracts/identity';
import { devSignIn, listDevUsers } from '../../teams/dev-sign-in';

/** Dev-mode sign-in: pick a sample user (only offered when the server runs in dev mode). */
export function DevSignIn(props: { onSignedIn: (token: string) => void }) {
  const [users, setUsers] = useState<DevUserDto[] | null | undefined>(undefined);
  const [selected, setSelected] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    listDevUsers()
      .then((list) => {
        setUsers(list);
        setSelected(list?.[0]?.id ?? '');
      })
      .catch(() => setUsers(null));
  }, []);

  if (users === undefined) {
    return <Text>Loading…</Text>;
  }
  if (users === null) {
    return (
      <Card>
        <Title2 as="h1">Open this tab in Microsoft Teams</Title2>
        <Text>Safeguarding Learning signs you in with your Teams account.</Text>
      </Card>
    );
  }
  const submit = () => {
    setError(null);
    devSignIn(selected).then(props.onSignedIn, (e: Error) => setError(e.message));
  };
  return (
    <Card style={{ maxWidth: 480 }}>
      <Title2 as="h1">Sign in (development mode)</Title2>
      <Text>This server runs with sample data. Choose a sample user to see the app as them.</Text>
      <Field label="Sample user" validationMessage={error ?? undefined}>
        <Select value={selected} onChange={(_, d) => setSelected(d.value)}>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} — {u.roles.join(', ')}
              {u.agency ? ` (${u.agency})` : ''}
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="primary" onClick={submit} disabled={!selected}>
        Sign in
      </Button>
    </Card>
  );
}
