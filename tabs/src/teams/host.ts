import { app, authentication } from '@microsoft/teams-js';

/** How the page is hosted: inside Teams (SSO) or in a plain browser (dev sign-in). */
export type Host = {
  inTeams: boolean;
  /** Teams theme: default, dark or contrast */
  theme: string;
  onThemeChange: (handler: (theme: string) => void) => void;
  /** a token for the REST API (Teams SSO) — only when inTeams */
  getAuthToken: () => Promise<string>;
};

const INIT_TIMEOUT_MS = 2500;

/**
 * Finds out whether the page runs inside Teams. Outside Teams `app.initialize` rejects at once at
 * top level, or never answers inside a foreign frame: both mean "plain browser".
 */
export async function detectHost(): Promise<Host> {
  const plain: Host = {
    inTeams: false,
    theme: window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default',
    onThemeChange: () => undefined,
    getAuthToken: () => Promise.reject(new Error('Not in Teams')),
  };
  if (window.parent === window && !window.opener) {
    return plain;
  }
  try {
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), INIT_TIMEOUT_MS)),
    ]);
    const context = await app.getContext();
    app.notifySuccess();
    return {
      inTeams: true,
      theme: context.app.theme ?? 'default',
      onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
      getAuthToken: () => authentication.getAuthToken(),
    };
  } catch {
    return plain;
  }
}
