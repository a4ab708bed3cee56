/**
 * The link that opens a review (or the Reviews page): inside Teams a deep link to the app's tab
 * (the same static tab as the tracker: the Reviews page is one of its pages); in dev mode, or
 * without a Teams app id, the tab page itself on this server (`/tabs/?page=reviews&review=7`).
 * @param opts the Teams app id, dev mode, the public host name and the server's own URL
 * @param reviewId the review to open, if any
 * @returns an absolute URL
 */
export function reviewsLink(
  opts: { teamsAppId?: string; devMode: boolean; publicHostname?: string; serverUrl: string },
  reviewId?: number
): string {
  if (opts.teamsAppId && !opts.devMode) {
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(opts.teamsAppId)}/tracker`;
  }
  const base = opts.publicHostname ? `https://${opts.publicHostname}` : opts.serverUrl;
  return `${base}/tabs/?page=reviews${reviewId ? `&review=${reviewId}` : ''}`;
}
