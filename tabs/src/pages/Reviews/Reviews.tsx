import { MessageBar, MessageBarBody, Spinner, Text, Title2 } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';

import type { MeDto } from '../../../../src/contracts/identity';
import type { ReviewListDto, ReviewStatus } from '../../../../src/contracts/reviews';
import type { ApiClient } from '../../api/client';
import { ReviewsApi } from '../../api/reviews';
import { ReviewDetail } from '../../components/ReviewDetail/ReviewDetail';
import { ReviewList } from '../../components/ReviewList/ReviewList';

/** The first review to open: `?review=<id>` in the URL (links from chat and invitations). */
function reviewFromUrl(): number | null {
  const id = Number(new URLSearchParams(window.location.search).get('review'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/**
 * Reviews: the business unit manages them, the board reads them all, a panel member sees the ones
 * they sit on. The list puts overdue reviews first; a review opens below it.
 */
export function Reviews(props: { me: MeDto; api: ApiClient }) {
  const reviews = useMemo(() => new ReviewsApi(props.api), [props.api]);
  const [list, setList] = useState<ReviewListDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(reviewFromUrl);
  const canEdit = props.me.roles.includes('business_unit');

  const load = useCallback(() => {
    reviews.list().then(setList, (e: Error) => setError(e.message));
  }, [reviews]);
  useEffect(load, [load]);

  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>Could not load reviews: {error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!list) {
    return <Spinner label="Loading reviews…" />;
  }
  const statusLabels = Object.fromEntries(list.statuses.map((s) => [s.code, s.label])) as Record<ReviewStatus, string>;
  const overdue = list.items.filter((i) => i.overdue).length;
  return (
    <div>
      <Title2 as="h1">Reviews</Title2>
      <Text block>
        {list.items.length} review{list.items.length === 1 ? '' : 's'}
        {overdue > 0 ? `, ${overdue} overdue` : ''}
        {canEdit ? '' : props.me.roles.includes('board') ? '' : ' you sit on'}
      </Text>
      <ReviewList items={list.items} statusLabels={statusLabels} selected={selected} onSelect={setSelected} />
      {selected !== null && (
        <ReviewDetail key={selected} id={selected} reviews={reviews} canEdit={canEdit} statusLabels={statusLabels} onChanged={load} />
      )}
    </div>
  );
}
