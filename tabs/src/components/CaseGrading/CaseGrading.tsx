import { Button, Field, Select, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';

import type { AuditCaseDto, AuditDomain, AuditGrade } from '../../../../src/contracts/audits';
import { DOMAIN_LABELS, DOMAINS, GRADE_LABELS, GRADES } from '../../api/audits';

type Findings = { grades: Partial<Record<AuditDomain, AuditGrade | null>>; whatWorkedWell: string | null };

/** Grades one audited case on each domain and records what worked well. */
export function CaseGrading(props: { item: AuditCaseDto; onSave: (caseId: number, findings: Findings) => Promise<void> }) {
  const { item } = props;
  const [grades, setGrades] = useState<Partial<Record<AuditDomain, AuditGrade | null>>>(item.grades);
  const [worked, setWorked] = useState(item.whatWorkedWell ?? '');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | string>('idle');

  const save = async () => {
    setState('saving');
    try {
      await props.onSave(item.id, { grades, whatWorkedWell: worked.trim() || null });
      setState('saved');
    } catch (e) {
      setState((e as Error).message);
    }
  };

  return (
    <fieldset style={{ border: '1px solid #ccc', borderRadius: 4, padding: 8, marginBottom: 8 }}>
      <legend>Case {item.caseRef}</legend>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        {DOMAINS.map((d) => (
          <Field key={d} label={DOMAIN_LABELS[d]}>
            <Select
              value={grades[d] ?? ''}
              onChange={(_, v) => setGrades({ ...grades, [d]: (v.value || null) as AuditGrade | null })}
            >
              <option value="">Not graded</option>
              {GRADES.map((g) => (
                <option key={g} value={g}>
                  {GRADE_LABELS[g]}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <Field label="What worked well">
        <Textarea value={worked} onChange={(_, v) => setWorked(v.value)} />
      </Field>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 4 }}>
        <Button size="small" appearance="primary" disabled={state === 'saving'} onClick={() => void save()}>
          Save grades for {item.caseRef}
        </Button>
        {state === 'saved' && <Text>Saved.</Text>}
        {state !== 'idle' && state !== 'saving' && state !== 'saved' && <Text role="alert">{state}</Text>}
      </div>
    </fieldset>
  );
}
