import { Badge, MessageBar, MessageBarBody, Spinner, Text, Title2, Title3 } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';

import type { MeDto } from '../../../../src/contracts/identity';
import type {
  DecisionRequestDto,
  NotificationDto,
  NotificationListDto,
  NotificationStatus,
} from '../../../../src/contracts/notification';
import type { ApiClient } from '../../api/client';
import { NotificationCard } from '../../components/NotificationCard/NotificationCard';

const GROUPS: { status: NotificationStatus; title: string }[] = [
  { status: 'new', title: 'New' },
  { status: 'awaiting_information', title: 'Awaiting information' },
  { status: 'decided', title: 'Decided' },
];

/** The notification pipeline: new, awaiting information, decided; overdue first within each. */
export function Notifications(props: { me: MeDto; api: ApiClient }) {
  const { me, api } = props;
  const [list, setList] = useState<NotificationListDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canDecide = me.roles.includes('business_unit');

  const load = useCallback(() => {
    api.request<NotificationListDto>('GET', '/api/notifications').then(setList, (e: Error) => setError(e.message));
  }, [api]);
  useEffect(load, [load]);

  const decide = async (reference: string, decision: DecisionRequestDto, version: number) => {
    await api.request('POST', `/api/notifications/${reference}/decision`, { ...decision, expectedVersion: version });
    load();
  };
  const detail = (reference: string) => api.request<NotificationDto>('GET', `/api/notifications/${reference}`);

  if (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>Could not load notifications: {error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!list) {
    return <Spinner label="Loading notifications…" />;
  }
  return (
    <div>
      <Title2 as="h1">Notifications</Title2>
      {GROUPS.map((g) => {
        const items = list.items.filter((i) => i.status === g.status);
        return (
          <section key={g.status} aria-labelledby={`group-${g.status}`} style={{ marginTop: 16 }}>
            <Title3 as="h2" id={`group-${g.status}`}>
              {g.title} <Badge appearance="outline">{list.counts[g.status]}</Badge>
            </Title3>
            {items.length === 0 ? (
              <Text>None.</Text>
            ) : (
              items.map((item) => (
                <NotificationCard
                  key={item.reference}
                  item={item}
                  routeOptions={list.routeOptions}
                  canDecide={canDecide}
                  loadDetail={detail}
                  onDecide={decide}
                />
              ))
            )}
          </section>
        );
      })}
    </div>
  );
}
