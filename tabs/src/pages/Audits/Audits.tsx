import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  Title3,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';

import type { AuditSummaryDto } from '../../../../src/contracts/audits';
import { AuditsApi, STATUS_LABELS } from '../../api/audits';
import type { ApiClient } from '../../api/client';
import { AuditDetail } from '../../components/AuditDetail/AuditDetail';
import { AuditForm } from '../../components/AuditForm/AuditForm';

/** The business unit's themed audits: list, create, sessions and sign-ups, case grading. */
export function Audits(props: { api: ApiClient }) {
  const audits = useMemo(() => new AuditsApi(props.api), [props.api]);
  const [list, setList] = useState<AuditSummaryDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    audits.list().then(setList, (e: Error) => setError(e.message));
  }, [audits]);
  useEffect(load, [load]);

  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>Could not load audits: {error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!list) {
    return <Spinner label="Loading audits…" />;
  }
  return (
    <div>
      <Title2 as="h1">Themed audits</Title2>
      <Table aria-label="Audits" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Audit</TableHeaderCell>
            <TableHeaderCell>Theme</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Cases</TableHeaderCell>
            <TableHeaderCell>Sessions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.map((a) => (
            <TableRow key={a.id} aria-selected={selected === a.id}>
              <TableCell>
                <Button appearance="transparent" onClick={() => setSelected(a.id)}>
                  {a.title}
                </Button>
              </TableCell>
              <TableCell>{a.theme}</TableCell>
              <TableCell>{STATUS_LABELS[a.status]}</TableCell>
              <TableCell>{a.caseCount}</TableCell>
              <TableCell>{a.focusGroupCount}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div style={{ marginTop: 12 }}>
        <Button onClick={() => setCreating(!creating)}>{creating ? 'Cancel' : 'New audit'}</Button>
      </div>
      {creating && (
        <section aria-labelledby="new-audit" style={{ marginTop: 12 }}>
          <Title3 as="h2" id="new-audit">
            New audit
          </Title3>
          <AuditForm
            onCreate={async (input) => {
              const id = await audits.create(input);
              setCreating(false);
              setSelected(id);
              load();
            }}
          />
        </section>
      )}
      {selected !== null && <AuditDetail key={selected} id={selected} audits={audits} onChanged={load} />}
    </div>
  );
}
