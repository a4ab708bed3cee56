/** Where the server runs and which Teams app it is, for links into the tab pages. */
export type TabLinkOptions = {
  teamsAppId?: string;
  devMode: boolean;
  publicHostname?: string;
  serverUrl: string;
};

/** The tab pages that are also static tabs of the Teams app (entity id = page id). */
export type TabPage = 'tracker' | 'notifications' | 'reviews' | 'audits';

/**
 * The link that opens a tab page: inside Teams a deep link to the app's static tab of that page
 * (`https://teams.microsoft.com/l/entity/<appId>/<page>`); in dev mode, or without a Teams app id,
 * the page itself on this server (`/tabs/?page=<page>&…params`).
 * @param opts the Teams app id, dev mode, the public host name and the server's own URL
 * @param page the page to open
 * @param params extra query parameters for the page outside Teams (e.g. `review=7`)
 * @returns an absolute URL
 */
export function tabLink(opts: TabLinkOptions, page: TabPage, params: Record<string, string> = {}): string {
  if (opts.teamsAppId && !opts.devMode) {
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(opts.teamsAppId)}/${page}`;
  }
  const base = opts.publicHostname ? `https://${opts.publicHostname}` : opts.serverUrl;
  const query = new URLSearchParams({ page, ...params }).toString();
  return `${base}/tabs/?${query}`;
}
