import { tabLink, type TabLinkOptions } from '../tab-link';

/**
 * The link that opens the Reviews page (the app's `reviews` static tab in Teams; on this server
 * `/tabs/?page=reviews&review=7`, opening that review).
 * @param reviewId the review to open, if any
 * @returns an absolute URL
 */
export function reviewsLink(opts: TabLinkOptions, reviewId?: number): string {
  return tabLink(opts, 'reviews', reviewId ? { review: String(reviewId) } : {});
}
