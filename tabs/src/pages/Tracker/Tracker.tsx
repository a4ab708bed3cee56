import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { ActionCountsDto, ActionDetailDto, ActionFacetsDto, ActionSort, ActionSummaryDto } from '../../../../src/contracts/actions';
import type { MeDto } from '../../../../src/contracts/identity';
import { TrackerApi, type TrackerQuery } from '../../api/actions';
import type { ApiClient } from '../../api/client';
import { ActionFilters } from '../../components/ActionFilters/ActionFilters';
import { ActionPanel } from '../../components/ActionPanel/ActionPanel';
import { ActionTable } from '../../components/ActionTable/ActionTable';
import { RagCountsBar } from '../../components/RagCountsBar/RagCountsBar';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  exports: { display: 'flex', gap: tokens.spacingHorizontalS },
  footer: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBlock: tokens.spacingVerticalL },
});

const INITIAL: TrackerQuery = { agency: '', statuses: [], overdue: false, q: '', sort: 'overdue', groupBy: 'none' };
const PAGE = 50;

/** @returns the summary part of an action detail (to update a row in place after a save) */
function toSummary(d: ActionDetailDto): ActionSummaryDto {
  const { id, version, plan, recommendationId, leadAgency, owner, description, targetDate, revisedTargetDate, dueDate } = d;
  const { status, ruleStatus, overrideStatus, overdue, lastProgressAt, completionProposedAt, signedOffAt, updatedAt, canEdit } = d;
  return { id, version, plan, recommendationId, leadAgency, owner, description, targetDate, revisedTargetDate, dueDate, status, ruleStatus, overrideStatus, overdue, lastProgressAt, completionProposedAt, signedOffAt, updatedAt, canEdit };
}

/**
 * The action tracker: RAG counts of the filtered set, filters, the actions (overdue first,
 * grouped by plan or agency, sortable, loaded a page at a time from the server) and a side panel
 * to update an action and read its history.
 */
export function Tracker(props: { me: MeDto; api: ApiClient }) {
  const { me } = props;
  const styles = useStyles();
  const api = useMemo(() => new TrackerApi(props.api), [props.api]);
  const [query, setQuery] = useState<TrackerQuery>(INITIAL);
  const [facets, setFacets] = useState<ActionFacetsDto | null>(null);
  const [items, setItems] = useState<ActionSummaryDto[] | null>(null);
  // the grouping and order the shown items were loaded with (the query may already be newer)
  const [shown, setShown] = useState<Pick<TrackerQuery, 'groupBy' | 'sort'>>({ groupBy: INITIAL.groupBy, sort: INITIAL.sort });
  const [counts, setCounts] = useState<ActionCountsDto | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const latest = useRef(0);
  const canExport = me.roles.some((r) => r === 'business_unit' || r === 'board' || r === 'agency_lead');

  useEffect(() => {
    api.facets().then(setFacets, () => setFacets(null));
  }, [api]);

  useEffect(() => {
    const ticket = ++latest.current;
    setError(null);
    api.list(query, null, PAGE).then(
      (page) => {
        if (ticket === latest.current) {
          setItems(page.items);
          setShown({ groupBy: query.groupBy, sort: query.sort });
          setCounts(page.counts);
          setCursor(page.nextCursor);
        }
      },
      (e: Error) => ticket === latest.current && setError(e.message)
    );
  }, [api, query]);

  const loadMore = async () => {
    if (!cursor) {
      return;
    }
    const ticket = latest.current;
    setLoadingMore(true);
    try {
      const page = await api.list(query, cursor, PAGE);
      if (ticket === latest.current) {
        setItems((prev) => [...(prev ?? []), ...page.items]);
        setCounts(page.counts);
        setCursor(page.nextCursor);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoadingMore(false);
    }
  };

  const onSaved = useCallback(
    (d: ActionDetailDto) => {
      setItems((prev) => prev?.map((a) => (a.id === d.id ? toSummary(d) : a)) ?? prev);
      api.list(query, null, 1).then((page) => setCounts(page.counts), () => undefined);
    },
    [api, query]
  );

  const download = (format: 'csv' | 'xlsx') => api.download(query, format).catch((e: Error) => setError(`The export failed: ${e.message}`));

  return (
    <section aria-labelledby="tracker-heading">
      <div className={styles.head}>
        <Title2 as="h1" id="tracker-heading">
          Action tracker
        </Title2>
        {canExport && (
          <div className={styles.exports}>
            <Button onClick={() => void download('csv')}>Export CSV</Button>
            <Button onClick={() => void download('xlsx')}>Export Excel</Button>
          </div>
        )}
      </div>
      {counts && <RagCountsBar counts={counts} />}
      <ActionFilters query={query} facets={facets} onChange={setQuery} />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>Could not load actions: {error}</MessageBarBody>
        </MessageBar>
      )}
      {!items && !error && <Spinner label="Loading actions…" />}
      {items && (
        <>
          <ActionTable
            items={items}
            groupBy={shown.groupBy}
            sort={shown.sort}
            onSort={(sort: ActionSort) => setQuery((q) => ({ ...q, sort }))}
            onOpen={setOpenId}
          />
          <div className={styles.footer}>
            <Text role="status" aria-live="polite">
              {items.length === 0 ? 'No actions match these filters.' : `Showing ${items.length} of ${counts?.total ?? items.length} actions.`}
            </Text>
            {cursor && (
              <Button onClick={() => void loadMore()} disabled={loadingMore}>
                {loadingMore ? 'Loading…' : 'Load more'}
              </Button>
            )}
          </div>
        </>
      )}
      <ActionPanel api={api} actionId={openId} onClose={() => setOpenId(null)} onSaved={onSaved} />
    </section>
  );
}
