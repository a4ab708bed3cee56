import { FluentProvider, MessageBar, MessageBarBody, Spinner, Tab, TabList } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';

import type { MeDto } from '../../../src/contracts/identity';
import { ApiClient } from '../api/client';
import { DevSignIn } from '../components/DevSignIn/DevSignIn';
import { storedDevToken } from '../teams/dev-sign-in';
import type { Host } from '../teams/host';
import { PAGES } from './pages';
import { fluentTheme } from './theme';

/** The tab app: theme from Teams, sign-in (SSO in Teams, sample user in dev mode), then pages. */
export function App(props: { host: Host }) {
  const { host } = props;
  const [theme, setTheme] = useState(host.theme);
  const [devToken, setDevToken] = useState<string | null>(storedDevToken());
  const [me, setMe] = useState<MeDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pageId, setPageId] = useState(() => new URLSearchParams(window.location.search).get('page') ?? 'home');

  useEffect(() => host.onThemeChange(setTheme), [host]);

  const api = useMemo(() => {
    if (host.inTeams) {
      return new ApiClient(() => host.getAuthToken());
    }
    return devToken ? new ApiClient(async () => devToken) : null;
  }, [host, devToken]);

  useEffect(() => {
    if (!api) {
      return;
    }
    api.me().then(setMe, (e: Error) => setError(e.message));
  }, [api]);

  let content;
  if (!api) {
    content = <DevSignIn onSignedIn={setDevToken} />;
  } else if (error) {
    content = (
      <MessageBar intent="error">
        <MessageBarBody>Could not sign you in: {error}</MessageBarBody>
      </MessageBar>
    );
  } else if (!me) {
    content = <Spinner label="Signing you in…" />;
  } else {
    const pages = PAGES.filter((p) => !p.roles || p.roles.some((r) => me.roles.includes(r)));
    const page = pages.find((p) => p.id === pageId) ?? pages[0];
    content = (
      <>
        {pages.length > 1 && (
          <nav aria-label="Pages">
            <TabList selectedValue={page.id} onTabSelect={(_, d) => setPageId(String(d.value))}>
              {pages.map((p) => (
                <Tab key={p.id} value={p.id}>
                  {p.label}
                </Tab>
              ))}
            </TabList>
          </nav>
        )}
        {api && page.render({ me, api })}
      </>
    );
  }
  return (
    <FluentProvider theme={fluentTheme(theme)} style={{ minHeight: '100vh', padding: 16 }}>
      <main>{content}</main>
    </FluentProvider>
  );
}
