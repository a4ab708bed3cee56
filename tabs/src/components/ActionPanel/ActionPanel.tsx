import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';

import type { ActionDetailDto, ActionHistoryEntryDto, ActionPatchDto } from '../../../../src/contracts/actions';
import type { TrackerApi } from '../../api/actions';
import { ApiError } from '../../api/client';
import { ActionHistoryList } from '../ActionHistoryList/ActionHistoryList';
import { ActionUpdateForm } from '../ActionUpdateForm/ActionUpdateForm';
import { STATUS_LABEL, StatusBadge } from '../StatusBadge/StatusBadge';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  section: { marginBlock: tokens.spacingVerticalL },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, marginBlock: tokens.spacingVerticalS },
});

type Banner = { intent: 'success' | 'warning' | 'error' | 'info'; text: string } | null;

const day = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)) : '—';

function Facts(props: { a: ActionDetailDto }) {
  const { a } = props;
  const styles = useStyles();
  const rows: [string, string][] = [
    ['Plan', `${a.plan.sourceRef}: ${a.plan.title}`],
    ['Recommendation', a.recommendation.text],
    ['Lead agency', a.leadAgency.name],
    ['Owner', a.owner?.name ?? 'Not named'],
    ['Target date', day(a.targetDate)],
  ];
  if (a.revisedTargetDate) {
    rows.push(['Revised target', `${day(a.revisedTargetDate)}${a.revisedTargetReason ? `: ${a.revisedTargetReason}` : ''}`]);
  }
  if (a.override) {
    rows.push(['Override', `${STATUS_LABEL[a.override.status]} (the rule says ${STATUS_LABEL[a.ruleStatus].toLowerCase()})${a.override.reason ? `: ${a.override.reason}` : ''}`]);
  }
  rows.push(['Last progress', day(a.lastProgressAt)]);
  if (a.fullView) {
    rows.push(['Progress note', a.progressNote ?? '—'], ['Evidence', [a.evidence.text ?? '', ...a.evidence.links].filter(Boolean).join('\n') || '—']);
  }
  if (a.completionProposedAt) {
    rows.push(['Completion proposed', `${day(a.completionProposedAt)}${a.completionProposedBy ? ` by ${a.completionProposedBy}` : ''}`]);
  }
  if (a.signedOffAt) {
    rows.push(['Signed off', `${day(a.signedOffAt)}${a.signedOffBy ? ` by ${a.signedOffBy}` : ''}`]);
  }
  return (
    <dl className={styles.facts}>
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt className={styles.term}>{k}</dt>
          <dd className={styles.detail}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The side panel of one action: its facts, the update form (when allowed) and its history. */
export function ActionPanel(props: {
  api: TrackerApi;
  actionId: number | null;
  onClose: () => void;
  onSaved: (action: ActionDetailDto) => void;
}) {
  const { api, actionId, onClose, onSaved } = props;
  const styles = useStyles();
  const [action, setAction] = useState<ActionDetailDto | null>(null);
  const [history, setHistory] = useState<ActionHistoryEntryDto[]>([]);
  const [banner, setBanner] = useState<Banner>(null);
  const [draftNote, setDraftNote] = useState('');

  const load = useCallback(
    async (id: number) => {
      const [a, h] = await Promise.all([api.get(id), api.history(id)]);
      setAction(a);
      setHistory(h.items);
    },
    [api]
  );

  useEffect(() => {
    setAction(null);
    setBanner(null);
    setDraftNote('');
    if (actionId !== null) {
      load(actionId).catch((e: Error) => setBanner({ intent: 'error', text: `Could not load the action: ${e.message}` }));
    }
  }, [actionId, load]);

  const save = async (patch: ActionPatchDto, note: string) => {
    if (!action) {
      return;
    }
    setBanner(null);
    try {
      const updated = await api.update(action.id, patch);
      setDraftNote('');
      setAction(updated);
      setHistory((await api.history(action.id)).items);
      setBanner({ intent: 'success', text: 'Saved. The change is in the history below.' });
      onSaved(updated);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const current = (e.body as { details?: { current?: ActionDetailDto } } | undefined)?.details?.current;
        setDraftNote(note);
        if (current) {
          setAction(current);
          onSaved(current);
        }
        setHistory((await api.history(action.id)).items);
        setBanner({ intent: 'warning', text: 'Someone else changed this action while you had it open. Here is the latest version: check it, then make your change again.' });
        return;
      }
      setBanner({ intent: 'error', text: e instanceof Error ? e.message : 'The change was not saved.' });
    }
  };

  return (
    <OverlayDrawer open={actionId !== null} onOpenChange={(_, d) => !d.open && onClose()} position="end" size="medium">
      <DrawerHeader>
        <DrawerHeaderTitle heading={{ as: 'h2' }} action={<Button appearance="subtle" onClick={onClose}>Close</Button>}>
          {action ? action.description : 'Action'}
        </DrawerHeaderTitle>
      </DrawerHeader>
      {/* focusable so that keyboard users can scroll it even when it holds no control (read-only view) */}
      <DrawerBody tabIndex={0} role="region" aria-label="Action details">
        <div aria-live="polite">
          {banner && (
            <MessageBar intent={banner.intent}>
              <MessageBarBody>{banner.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {!action && !banner && <Spinner label="Loading the action…" />}
        {action && (
          <>
            <p>
              <StatusBadge status={action.status} size="large" /> {action.overdue && <Text weight="semibold">Overdue</Text>}
            </p>
            <Facts a={action} />
            {!action.fullView && (
              <Text as="p">Progress notes and evidence are shown only to {action.leadAgency.name}, the business unit and the board.</Text>
            )}
            <section className={styles.section} aria-labelledby="update-heading">
              <h3 id="update-heading" className={styles.heading}>
                Update
              </h3>
              {!action.canEdit && (
                <Text as="p">You can read this action. Only {action.leadAgency.name}&apos;s agency lead, the business unit and the board can change it.</Text>
              )}
              <ActionUpdateForm key={action.version} action={action} initialNote={draftNote} onSubmit={save} />
            </section>
            <section className={styles.section} aria-labelledby="history-heading">
              <h3 id="history-heading" className={styles.heading}>
                History
              </h3>
              <ActionHistoryList items={history} />
            </section>
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
