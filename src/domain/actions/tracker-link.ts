import { tabLink, type TabLinkOptions } from '../tab-link';

/**
 * The link that opens the tracker (the app's `tracker` static tab in Teams, `/tabs/?page=tracker`
 * on this server otherwise).
 * @returns an absolute URL
 */
export function trackerLink(opts: TabLinkOptions): string {
  return tabLink(opts, 'tracker');
}
