import { Body1, Card, Text, Title2 } from '@fluentui/react-components';

import type { MeDto } from '../../../../src/contracts/identity';

const ROLE_LABELS: Record<string, string> = {
  practitioner: 'Practitioner',
  business_unit: 'Business unit',
  panel_member: 'Panel member',
  agency_lead: 'Agency lead',
  board: 'Board member',
};

/** Landing page: who is signed in and what they can do here. */
export function Home(props: { me: MeDto }) {
  const { me } = props;
  return (
    <Card>
      <Title2 as="h1">Safeguarding Learning</Title2>
      <Body1>
        Signed in as <strong>{me.name}</strong>
        {me.agency ? `, ${me.agency.name}` : ''}.
      </Body1>
      <Text>Your roles: {me.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}</Text>
    </Card>
  );
}
