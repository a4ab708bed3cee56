import {
  addInfoReport,
  addPanelMember,
  cancelReviewMeeting,
  changeMilestone,
  createReview,
  createReviewActionPlan,
  getReview,
  listReviews,
  markInfoReportReceived,
  removePanelMember,
  REVIEW_READER_ROLES,
  scheduleReviewMeeting,
  suggestReviewMeetingTimes,
  updateReview,
  updateReviewMeeting,
  type ReviewDeps,
} from '../../domain/reviews';
import type { ApiContext } from '../context';
import { parseWith, route, sendJson, type AppRequest } from '../http';
import { callerOf, requireRole } from '../middleware/auth';
import { presentReview, presentReviewList, presentReviewSuggestions } from './presenter';
import {
  ActionPlanBody,
  CancelMeetingBody,
  idOf,
  InfoReportBody,
  InfoReportChangeBody,
  ListQuery,
  MeetingBody,
  MeetingChangeBody,
  milestoneOf,
  MilestoneBody,
  NewReviewBody,
  PanelMemberBody,
  ReviewChangeBody,
  startOf,
  SuggestionsBody,
} from './schema';

const param = (req: AppRequest, name: string) => (req.params as Record<string, unknown> | undefined)?.[name];

/**
 * Reviews and panels: the business unit manages them, the board reads every review, a panel
 * member reads the reviews they sit on; practitioners and agency leads are refused (403).
 * @param ctx the API context
 * @param deps the review use-cases' dependencies
 */
export function registerReviewRoutes(ctx: ApiContext, deps: ReviewDeps): void {
  const { server, log, auth } = ctx;
  const readers = [auth, requireRole(...REVIEW_READER_ROLES)] as const;
  const bu = [auth, requireRole('business_unit')] as const;
  const reviewId = (req: AppRequest) => idOf(param(req, 'id'), 'review');

  server.get('/api/reviews', route(log, ...readers, async (req, res) => {
    const query = parseWith(ListQuery, Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams), 'query string');
    sendJson(res, 200, presentReviewList(await listReviews(deps, callerOf(req), query.status)));
  }));
  server.post('/api/reviews', route(log, ...bu, async (req, res) => {
    const body = parseWith(NewReviewBody, req.body, 'review');
    sendJson(res, 201, presentReview(await createReview(deps, callerOf(req), body)));
  }));
  server.get('/api/reviews/:id', route(log, ...readers, async (req, res) => {
    sendJson(res, 200, presentReview(await getReview(deps, callerOf(req), reviewId(req))));
  }));
  server.patch('/api/reviews/:id', route(log, ...bu, async (req, res) => {
    const body = parseWith(ReviewChangeBody, req.body, 'review change');
    sendJson(res, 200, presentReview(await updateReview(deps, callerOf(req), reviewId(req), body)));
  }));

  server.post('/api/reviews/:id/panel', route(log, ...bu, async (req, res) => {
    const body = parseWith(PanelMemberBody, req.body, 'panel member');
    const { review, warnings } = await addPanelMember(deps, callerOf(req), reviewId(req), body);
    sendJson(res, 201, presentReview(review, warnings));
  }));
  server.del('/api/reviews/:id/panel/:memberId', route(log, ...bu, async (req, res) => {
    const memberId = idOf(param(req, 'memberId'), 'panel member');
    sendJson(res, 200, presentReview(await removePanelMember(deps, callerOf(req), reviewId(req), memberId)));
  }));

  server.post('/api/reviews/:id/info-reports', route(log, ...bu, async (req, res) => {
    const body = parseWith(InfoReportBody, req.body, 'information report');
    sendJson(res, 201, presentReview(await addInfoReport(deps, callerOf(req), reviewId(req), body)));
  }));
  server.patch('/api/reviews/:id/info-reports/:reportId', route(log, ...bu, async (req, res) => {
    const { received } = parseWith(InfoReportChangeBody, req.body, 'information report change');
    const reportId = idOf(param(req, 'reportId'), 'information report');
    sendJson(res, 200, presentReview(await markInfoReportReceived(deps, callerOf(req), reviewId(req), reportId, received)));
  }));

  server.patch('/api/reviews/:id/milestones/:code', route(log, ...bu, async (req, res) => {
    const body = parseWith(MilestoneBody, req.body, 'milestone change');
    const code = milestoneOf(param(req, 'code'));
    sendJson(res, 200, presentReview(await changeMilestone(deps, callerOf(req), reviewId(req), code, body)));
  }));

  server.post('/api/reviews/:id/meetings', route(log, ...bu, async (req, res) => {
    const body = parseWith(MeetingBody, req.body, 'meeting');
    const startsAt = startOf(body, deps.timeZone) as Date;
    const review = await scheduleReviewMeeting(deps, callerOf(req), reviewId(req), { ...body, startsAt });
    sendJson(res, 201, presentReview(review));
  }));
  server.patch('/api/reviews/:id/meetings/:meetingId', route(log, ...bu, async (req, res) => {
    const { startsAt: _s, date: _d, time: _t, ...body } = parseWith(MeetingChangeBody, req.body, 'meeting change');
    const meetingId = idOf(param(req, 'meetingId'), 'meeting');
    const startsAt = startOf({ startsAt: _s, date: _d, time: _t }, deps.timeZone);
    const review = await updateReviewMeeting(deps, callerOf(req), reviewId(req), meetingId, { ...body, ...(startsAt ? { startsAt } : {}) });
    sendJson(res, 200, presentReview(review));
  }));
  server.del('/api/reviews/:id/meetings/:meetingId', route(log, ...bu, async (req, res) => {
    const body = parseWith(CancelMeetingBody, req.body, 'cancellation');
    const meetingId = idOf(param(req, 'meetingId'), 'meeting');
    sendJson(res, 200, presentReview(await cancelReviewMeeting(deps, callerOf(req), reviewId(req), meetingId, body?.message)));
  }));
  server.post('/api/reviews/:id/meeting-suggestions', route(log, ...bu, async (req, res) => {
    const body = parseWith(SuggestionsBody, req.body, 'request');
    sendJson(res, 200, presentReviewSuggestions(await suggestReviewMeetingTimes(deps, callerOf(req), reviewId(req), body)));
  }));

  server.post('/api/reviews/:id/action-plan', route(log, ...bu, async (req, res) => {
    const body = parseWith(ActionPlanBody, req.body, 'action plan');
    const { plan, created } = await createReviewActionPlan(deps, callerOf(req), reviewId(req), body ?? {});
    sendJson(res, created ? 201 : 200, plan);
  }));
}
