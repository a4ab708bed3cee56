import { MessageFactory, type TurnContext } from 'botbuilder';

import { hasRole, type Caller } from '../../src/domain/caller';
import { listMyReviews, MEETING_KIND_LABELS, MILESTONE_LABELS, REVIEW_STATUS_LABELS, type ReviewDeps, type ReviewRecord } from '../../src/domain/reviews';
import { buildMyReviewsCard, type MyReviewItemView } from '../cards/my-reviews';
import { cardAttachment } from '../cards/template';
import type { BotFeature } from '../feature';

/** What the `my reviews` feature needs. */
export type MyReviewsDeps = {
  reviews: ReviewDeps;
  /** the Reviews page's link */
  reviewsUrl: () => string;
};

/** @returns `4 Dec 2026` for `2026-12-04` */
function shortDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** @returns `Tue 1 Dec 2026 10:00` in the board's zone */
function when(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone,
  }).formatToParts(new Date(instant));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('weekday')} ${p('day')} ${p('month')} ${p('year')} ${p('hour')}:${p('minute')}`;
}

function itemView(r: ReviewRecord, caller: Caller, timeZone: string): MyReviewItemView {
  const m = r.nextMeeting;
  const next = r.nextMilestone;
  const role = r.panel.find((p) => p.aadObjectId === caller.id)?.panelRole ?? (r.leadReviewer?.aadObjectId === caller.id ? 'Lead reviewer' : 'Panel member');
  return {
    heading: `${r.reference} · ${r.type.label}${r.notificationReference ? ` (${r.notificationReference})` : ''}`,
    status: REVIEW_STATUS_LABELS[r.status],
    role: role.slice(0, 100),
    nextMeeting: m
      ? `${MEETING_KIND_LABELS[m.kind]}, ${when(m.startsAt, timeZone)}${m.invitation.teamsLink ? ' (Teams link in your calendar)' : ''}`
      : 'None scheduled',
    nextMilestone: next ? `${MILESTONE_LABELS[next.code]}, ${shortDate(next.targetDate)}${next.overdue ? ' (overdue)' : ''}` : 'None open',
    completionDue: shortDate(r.completion.due),
    overdue: r.overdue,
  };
}

/**
 * `my reviews`: a panel member's card of the running reviews they sit on, soonest meeting first,
 * with each one's next meeting and milestone (references and dates only), and a button that opens
 * the Reviews page.
 */
export function myReviewsFeature(deps: MyReviewsDeps): BotFeature {
  return {
    commands: [
      {
        title: 'my reviews',
        description: 'Reviews you sit on the panel of, and the next meeting',
        match: /^my (panel )?reviews?$/,
        run: async (ctx: TurnContext, caller: Caller) => {
          if (!hasRole(caller, 'panel_member')) {
            await ctx.sendActivity(`**my reviews** is for panel members: it lists the reviews you sit on. The Reviews page: ${deps.reviewsUrl()}`);
            return;
          }
          const items = (await listMyReviews(deps.reviews, caller)).slice(0, 10);
          const first = items.find((r) => r.nextMeeting)?.nextMeeting;
          const card = buildMyReviewsCard({
            title: 'Your reviews',
            summary: `${items.length} running review${items.length === 1 ? '' : 's'}${first ? `; next meeting ${when(first.startsAt, deps.reviews.timeZone)}` : ''}`,
            emptyText: 'You do not sit on the panel of any running review.',
            reviewsUrl: deps.reviewsUrl(),
            items: items.map((r) => itemView(r, caller, deps.reviews.timeZone)),
          });
          await ctx.sendActivity(MessageFactory.attachment(cardAttachment(card)));
        },
      },
    ],
  };
}
