import type { ReactNode } from 'react';

import type { MeDto, Role } from '../../../src/contracts/identity';
import type { ApiClient } from '../api/client';
import { Audits } from '../pages/Audits/Audits';
import { Home } from '../pages/Home/Home';
import { Reviews } from '../pages/Reviews/Reviews';
import { Tracker } from '../pages/Tracker/Tracker';
import { Notifications } from '../pages/Notifications/Notifications';

/** What every page receives. */
export type PageProps = { me: MeDto; api: ApiClient };

/** A page of the tab app, shown in the navigation to users holding one of `roles` (all if absent). */
export type PageDef = {
  id: string;
  label: string;
  roles?: Role[];
  render: (props: PageProps) => ReactNode;
};

/** The tab's pages in navigation order. A new page is added here and nowhere else. */
export const PAGES: PageDef[] = [
  { id: 'home', label: 'Home', render: ({ me }) => <Home me={me} /> },
  { id: 'tracker', label: 'Tracker', render: ({ me, api }) => <Tracker me={me} api={api} /> },
  {
    id: 'notifications',
    label: 'Notifications',
    roles: ['business_unit', 'board'],
    render: ({ me, api }) => <Notifications me={me} api={api} />,
  },
  { id: 'audits', label: 'Audits', roles: ['business_unit'], render: ({ api }) => <Audits api={api} /> },
  {
    id: 'reviews',
    label: 'Reviews',
    roles: ['business_unit', 'panel_member', 'board'],
    render: ({ me, api }) => <Reviews me={me} api={api} />,
  },
];
