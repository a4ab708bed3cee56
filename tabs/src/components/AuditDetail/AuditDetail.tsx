import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text, Title3 } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';

import type { AuditDto, AuditStatus } from '../../../../src/contracts/audits';
import { STATUS_LABELS, type AuditsApi } from '../../api/audits';
import { CaseGrading } from '../CaseGrading/CaseGrading';
import { FocusGroupForm } from '../FocusGroupForm/FocusGroupForm';
import { FocusGroupTable } from '../FocusGroupTable/FocusGroupTable';

/** One audit: status, focus-group sessions (add, open, close, sign-ups) and case grading. */
export function AuditDetail(props: { id: number; audits: AuditsApi; onChanged: () => void }) {
  const { id, audits, onChanged } = props;
  const [audit, setAudit] = useState<AuditDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [caseRef, setCaseRef] = useState('');

  const load = useCallback(() => {
    audits.get(id).then(setAudit, (e: Error) => setError(e.message));
  }, [audits, id]);
  useEffect(load, [load]);

  const run = async (fn: () => Promise<unknown>, done?: string) => {
    setError(null);
    setNotice(null);
    try {
      await fn();
      if (done) {
        setNotice(done);
      }
      load();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!audit) {
    return error ? <Text role="alert">{error}</Text> : <Spinner label="Loading the audit…" />;
  }
  return (
    <section aria-labelledby="audit-title" style={{ display: 'grid', gap: 12, marginTop: 16 }}>
      <Title3 as="h2" id="audit-title">
        {audit.title} ({audit.theme})
      </Title3>
      <Field label="Status">
        <Select
          value={audit.status}
          onChange={(_, d) => void run(() => audits.setStatus(id, d.value as AuditStatus))}
        >
          {(Object.keys(STATUS_LABELS) as AuditStatus[]).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <Title3 as="h3">Focus groups</Title3>
      <FocusGroupTable
        sessions={audit.focusGroups}
        onSetStatus={(sid, status) => run(() => audits.setSessionStatus(sid, status))}
        loadSignups={(sid) => audits.signups(sid)}
      />
      <FocusGroupForm auditId={id} onAdd={(input) => run(() => audits.addSession(input), 'Session added.')} />
      <Title3 as="h3">Cases and grades</Title3>
      {audit.cases.length === 0 && <Text>No cases yet.</Text>}
      {audit.cases.map((c) => (
        <CaseGrading
          key={c.id}
          item={c}
          onSave={async (caseId, findings) => {
            await audits.gradeCase(id, caseId, findings);
            load();
          }}
        />
      ))}
      <form
        aria-label="Add a case"
        style={{ display: 'flex', gap: 8, alignItems: 'end' }}
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => audits.addCase(id, caseRef.trim()), 'Case added.').then(() => setCaseRef(''));
        }}
      >
        <Field label="Anonymised case reference" hint="For example C-03. Never a name.">
          <Input value={caseRef} onChange={(_, d) => setCaseRef(d.value)} />
        </Field>
        <Button type="submit" disabled={!caseRef.trim()}>
          Add case
        </Button>
      </form>
      <div>
        {audit.actionPlanId ? (
          <Text>Action plan {audit.actionPlanId} was made from these findings.</Text>
        ) : (
          <Button onClick={() => void run(() => audits.makeActionPlan(id), 'Action plan made from the findings.')}>
            Make an action plan from the findings
          </Button>
        )}
      </div>
    </section>
  );
}
