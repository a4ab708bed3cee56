/**
 * The link that opens the tracker: inside Teams a deep link to the app's `tracker` static tab
 * (`https://teams.microsoft.com/l/entity/<appId>/tracker`); in dev mode, or without a Teams app
 * id, the tab page itself on this server (`/tabs/?page=tracker`).
 * @param opts the Teams app id, dev mode, the public host name and the server's own URL
 * @returns an absolute URL
 */
export function trackerLink(opts: {
  teamsAppId?: string;
  devMode: boolean;
  publicHostname?: string;
  serverUrl: string;
}): string {
  if (opts.teamsAppId && !opts.devMode) {
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(opts.teamsAppId)}/tracker`;
  }
  const base = opts.publicHostname ? `https://${opts.publicHostname}` : opts.serverUrl;
  return `${base}/tabs/?page=tracker`;
}
