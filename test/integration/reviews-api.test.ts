import assert from 'node:assert/strict';

import { buildNoReviewAnswers, buildNotificationAnswers } from '../helpers/notifications';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

/** A start instant well in the future (a date the tests never reach). */
const FUTURE = '2031-03-04T10:00:00Z';

describe('#reviews REST API', function () {
  this.timeout(60_000);
  let server: TestServer;
  let bu: string;
  let police: string;

  async function notify(answers = buildNotificationAnswers()): Promise<string> {
    const res = await server.request('POST', '/api/notifications', { token: police, body: answers });
    assert.equal(res.status, 201, res.text);
    return res.body.reference as string;
  }

  async function decide(reference: string, body: Record<string, unknown>) {
    const res = await server.request('POST', `/api/notifications/${reference}/decision`, { token: bu, body });
    assert.equal(res.status, 200, res.text);
    return res.body;
  }

  async function reviewsOf(reference: string): Promise<{ id: number; type: string; status: string }[]> {
    return server.db.query(
      'SELECT r.id, r.type, r.status FROM reviews r JOIN notifications n ON n.id = r.notification_id WHERE n.reference = ?',
      [reference]
    );
  }

  async function directReview(type = 'CASE_REVIEW_1', agencies = ['POLICE', 'LA-CSC']): Promise<any> {
    const res = await server.request('POST', '/api/reviews', { token: bu, body: { type, title: `Direct ${type} review`, agencies } });
    assert.equal(res.status, 201, res.text);
    return res.body;
  }

  async function person(userId: string, agency: string, roles = ['panel_member']): Promise<string> {
    return devToken(server, { userId, name: `Panel ${userId}`, agency, roles });
  }

  before(async () => {
    server = await startTestServer();
    bu = await devToken(server, 'dev-business-unit');
    police = await devToken(server, 'dev-practitioner-police');
  });
  after(async () => {
    await server?.stop();
  });

  describe('opening a review from a decision', () => {
    it('should create exactly one review of the route type when the business unit accepts a notification', async () => {
      const ref = await notify();
      await decide(ref, { action: 'accept' });
      const rows = await reviewsOf(ref);
      assert.deepEqual(rows.map((r) => [r.type, r.status]), [['SCR', 'scoping']]);
      const review = await server.request('GET', `/api/reviews/${rows[0].id}`, { token: bu });
      assert.equal(review.status, 200);
      assert.equal(review.body.notificationReference, ref);
      assert.equal(review.body.type.label, 'Serious Case Review');
      assert.equal(review.body.completion.code, 'SCR_COMPLETE');
      assert.deepEqual(review.body.involvedAgencies, ['POLICE', 'LA-CSC']);
      assert.ok(review.body.milestones.length >= 6);
      assert.doesNotMatch(review.body.title, /injur|hospital/i, 'the title holds no case details');
    });

    it('should not add a second review when the decision is repeated', async () => {
      const ref = await notify();
      const first = await decide(ref, { action: 'accept' });
      await decide(ref, { action: 'accept', expectedVersion: first.version });
      await decide(ref, { action: 'accept' });
      assert.equal((await reviewsOf(ref)).length, 1);
    });

    it('should change the type of a scoping review, not add one, when the route is changed', async () => {
      const ref = await notify();
      await decide(ref, { action: 'accept' });
      await decide(ref, { action: 'change', route: 'CASE_REVIEW_1', reason: 'Panel view: a model 1 review fits' });
      const rows = await reviewsOf(ref);
      assert.deepEqual(rows.map((r) => r.type), ['CASE_REVIEW_1']);
      const review = await server.request('GET', `/api/reviews/${rows[0].id}`, { token: bu });
      assert.equal(review.body.completion.code, 'PRACTICE_REVIEW_COMPLETE');
    });

    it('should open a "DHR involvement" review when the route is changed to DHR', async () => {
      const ref = await notify();
      await decide(ref, { action: 'change', route: 'DHR', reason: 'The CSP is holding a DHR' });
      const [row] = await reviewsOf(ref);
      const review = await server.request('GET', `/api/reviews/${row.id}`, { token: bu });
      assert.equal(review.body.type.code, 'DHR');
      assert.equal(review.body.type.label, 'DHR involvement');
      assert.equal(review.body.completion.code, 'DHR_COMPLETE');
    });

    it('should open no review when the route decided is no review or CDOP', async () => {
      const none = await notify(buildNoReviewAnswers());
      await decide(none, { action: 'accept' });
      const cdop = await notify();
      await decide(cdop, { action: 'change', route: 'CDOP', reason: 'Child death review only' });
      assert.deepEqual([...(await reviewsOf(none)), ...(await reviewsOf(cdop))], []);
    });

    it('should open no review while asking the notifier for more information', async () => {
      const ref = await notify();
      await decide(ref, { action: 'request_information', message: 'Which agencies knew the family?' });
      assert.deepEqual(await reviewsOf(ref), []);
    });
  });

  describe('roles', () => {
    it('should refuse practitioners and agency leads with 403 on every review route', async () => {
      const review = await directReview();
      const lead = await devToken(server, 'dev-agency-lead-police');
      const calls: [string, string, unknown?][] = [
        ['GET', '/api/reviews'],
        ['GET', `/api/reviews/${review.id}`],
        ['POST', '/api/reviews', { type: 'SCR', title: 'Not allowed' }],
        ['PATCH', `/api/reviews/${review.id}`, { version: 1, status: 'closed' }],
        ['POST', `/api/reviews/${review.id}/panel`, { aadObjectId: 'dev-panel-member', panelRole: 'Chair' }],
        ['POST', `/api/reviews/${review.id}/meetings`, { kind: 'panel', startsAt: FUTURE, durationMinutes: 60 }],
        ['PATCH', `/api/reviews/${review.id}/milestones/scoping`, { done: true }],
        ['POST', `/api/reviews/${review.id}/action-plan`, {}],
      ];
      for (const token of [police, lead]) {
        for (const [method, path, body] of calls) {
          const res = await server.request(method, path, { token, body });
          assert.equal(res.status, 403, `${method} ${path}: ${res.text}`);
        }
      }
    });

    it('should let the board read every review but change none', async () => {
      const review = await directReview();
      const board = await devToken(server, 'dev-board-chair');
      const list = await server.request('GET', '/api/reviews', { token: board });
      assert.equal(list.status, 200);
      assert.ok(list.body.items.some((i: { id: number }) => i.id === review.id));
      assert.equal((await server.request('GET', `/api/reviews/${review.id}`, { token: board })).status, 200);
      const patch = await server.request('PATCH', `/api/reviews/${review.id}`, { token: board, body: { version: review.version, status: 'closed' } });
      assert.equal(patch.status, 403);
    });

    it('should show a panel member only the reviews they sit on', async () => {
      const mine = await directReview();
      const other = await directReview();
      const token = await person('panel-only-own', 'ICB');
      const added = await server.request('POST', `/api/reviews/${mine.id}/panel`, {
        token: bu,
        body: { aadObjectId: 'panel-only-own', panelRole: 'Health representative' },
      });
      assert.equal(added.status, 201, added.text);
      const list = await server.request('GET', '/api/reviews', { token });
      assert.deepEqual(list.body.items.map((i: { id: number }) => i.id), [mine.id]);
      assert.equal((await server.request('GET', `/api/reviews/${mine.id}`, { token })).status, 200);
      assert.equal((await server.request('GET', `/api/reviews/${other.id}`, { token })).status, 404);
      const patch = await server.request('PATCH', `/api/reviews/${mine.id}`, { token, body: { version: 1, status: 'closed' } });
      assert.equal(patch.status, 403);
    });
  });

  describe('PATCH /api/reviews/:id', () => {
    it('should answer 409 with the current version when the version is stale', async () => {
      const review = await directReview();
      const ok = await server.request('PATCH', `/api/reviews/${review.id}`, { token: bu, body: { version: review.version, status: 'in_progress' } });
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.version, review.version + 1);
      const stale = await server.request('PATCH', `/api/reviews/${review.id}`, { token: bu, body: { version: review.version, status: 'draft_report' } });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.details.reason, 'stale');
      const [row] = await server.db.query('SELECT status FROM reviews WHERE id = ?', [review.id]);
      assert.equal(row.status, 'in_progress');
    });

    it('should warn when an SCR lead reviewer belongs to one of the agencies involved', async () => {
      const review = await directReview('SCR', ['POLICE', 'LA-CSC']);
      const res = await server.request('PATCH', `/api/reviews/${review.id}`, {
        token: bu,
        body: { version: review.version, leadReviewer: { aadObjectId: 'dev-agency-lead-police', independent: true } },
      });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.leadReviewer.agency.code, 'POLICE');
      assert.ok(res.body.warnings.some((w: string) => /belongs to County Police/.test(w)), JSON.stringify(res.body.warnings));
    });

    it('should not warn about independence when the SCR lead is an independent reviewer from outside the agencies', async () => {
      const review = await directReview('SCR', ['POLICE', 'LA-CSC']);
      const res = await server.request('PATCH', `/api/reviews/${review.id}`, {
        token: bu,
        body: { version: review.version, leadReviewer: { name: 'Independent Reviewer Ltd', independent: true } },
      });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.warnings.filter((w: string) => /independent|belongs/.test(w)), []);
    });

    it('should refuse a lead reviewer given both by id and by name with 400', async () => {
      const review = await directReview();
      const res = await server.request('PATCH', `/api/reviews/${review.id}`, {
        token: bu,
        body: { version: review.version, leadReviewer: { aadObjectId: 'dev-panel-member', name: 'Someone', independent: true } },
      });
      assert.equal(res.status, 400);
    });
  });

  describe('panel', () => {
    it('should warn while every panel member comes from one agency and stop once another agency joins', async () => {
      const review = await directReview();
      await person('panel-icb-1', 'ICB');
      await person('panel-police-1', 'POLICE');
      const one = await server.request('POST', `/api/reviews/${review.id}/panel`, { token: bu, body: { aadObjectId: 'panel-icb-1', panelRole: 'Chair', email: 'icb1@board.example' } });
      assert.ok(one.body.warnings.some((w: string) => /one agency/.test(w)));
      const two = await server.request('POST', `/api/reviews/${review.id}/panel`, { token: bu, body: { aadObjectId: 'panel-police-1', panelRole: 'Police representative', email: 'police1@board.example' } });
      assert.equal(two.status, 201);
      assert.deepEqual(two.body.warnings.filter((w: string) => /one agency/.test(w)), []);
      assert.equal(two.body.panel.length, 2);
      const dup = await server.request('POST', `/api/reviews/${review.id}/panel`, { token: bu, body: { aadObjectId: 'panel-icb-1', panelRole: 'Chair' } });
      assert.equal(dup.status, 409);
      const removed = await server.request('DELETE', `/api/reviews/${review.id}/panel/${two.body.panel[1].id}`, { token: bu });
      assert.equal(removed.status, 200);
      assert.equal(removed.body.panel.length, 1);
    });

    it('should refuse a panel member the app does not know with 400', async () => {
      const review = await directReview();
      const res = await server.request('POST', `/api/reviews/${review.id}/panel`, { token: bu, body: { aadObjectId: 'nobody-known', panelRole: 'Chair' } });
      assert.equal(res.status, 400);
      assert.equal(res.body.details.fields[0].field, 'aadObjectId');
    });
  });

  describe('information reports and milestones', () => {
    it('should ask an agency for a report due on the "information reports in" milestone and mark it received', async () => {
      const review = await directReview();
      const milestone = review.milestones.find((m: { code: string }) => m.code === 'info_reports_in');
      const res = await server.request('POST', `/api/reviews/${review.id}/info-reports`, { token: bu, body: { agency: 'POLICE', contactAadId: 'dev-agency-lead-police' } });
      assert.equal(res.status, 201, res.text);
      const [report] = res.body.infoReports;
      assert.deepEqual([report.agency.code, report.dueDate, report.receivedAt], ['POLICE', milestone.targetDate, null]);
      const received = await server.request('PATCH', `/api/reviews/${review.id}/info-reports/${report.id}`, { token: bu, body: { received: true } });
      assert.equal(received.status, 200);
      assert.ok(received.body.infoReports[0].receivedAt);
    });

    it('should move a milestone only with a reason and keep the change in its history', async () => {
      const review = await directReview();
      const noReason = await server.request('PATCH', `/api/reviews/${review.id}/milestones/draft_report`, { token: bu, body: { targetDate: '2031-01-10' } });
      assert.equal(noReason.status, 400);
      const old = review.milestones.find((m: { code: string }) => m.code === 'draft_report');
      const res = await server.request('PATCH', `/api/reviews/${review.id}/milestones/draft_report`, {
        token: bu,
        body: { targetDate: '2031-01-10', reason: 'Police report delayed by the criminal trial' },
      });
      assert.equal(res.status, 200, res.text);
      const moved = res.body.milestones.find((m: { code: string }) => m.code === 'draft_report');
      assert.deepEqual([moved.targetDate, moved.computedFrom, moved.editedReason], ['2031-01-10', null, 'Police report delayed by the criminal trial']);
      assert.deepEqual(
        res.body.milestoneHistory.map((h: { code: string; from: string; to: string; by: string }) => [h.code, h.from, h.to, h.by]),
        [['draft_report', old.targetDate, '2031-01-10', 'Beth Lewis']]
      );
      const [audit] = await server.db.query("SELECT detail_json FROM audit_log WHERE action = 'review.milestone_changed' AND entity_id = ?", [String(review.id)]);
      assert.match(audit.detail_json, /2031-01-10/);
      const unknown = await server.request('PATCH', `/api/reviews/${review.id}/milestones/lunch`, { token: bu, body: { done: true } });
      assert.equal(unknown.status, 404);
    });
  });

  describe('meetings', () => {
    async function reviewWithPanel(): Promise<any> {
      const review = await directReview();
      await person('meet-icb', 'ICB');
      await person('meet-police', 'POLICE');
      await server.request('POST', `/api/reviews/${review.id}/panel`, { token: bu, body: { aadObjectId: 'meet-icb', panelRole: 'Chair', email: 'chair@board.example' } });
      const res = await server.request('POST', `/api/reviews/${review.id}/panel`, { token: bu, body: { aadObjectId: 'meet-police', panelRole: 'Police', email: 'police@partner.example' } });
      return res.body;
    }

    async function outboxOf(eventId: number): Promise<string[]> {
      const rows = (await server.db.query('SELECT operation FROM calendar_outbox WHERE calendar_event_id = ? ORDER BY id', [eventId])) as { operation: string }[];
      return rows.map((r) => r.operation);
    }

    it('should store the meeting with a calendar event inviting the panel and an outbox row', async () => {
      const review = await reviewWithPanel();
      const res = await server.request('POST', `/api/reviews/${review.id}/meetings`, {
        token: bu,
        body: { kind: 'panel', date: '2031-03-04', time: '10:00', durationMinutes: 90, location: 'Board room' },
      });
      assert.equal(res.status, 201, res.text);
      const [meeting] = res.body.meetings;
      assert.equal(meeting.startsAt, '2031-03-04T10:00:00.000Z', '10:00 in London in March is 10:00 UTC');
      assert.equal(meeting.startsAtLocal, '2031-03-04 10:00');
      assert.ok(['pending', 'sent'].includes(meeting.invitation.state));
      const [event] = await server.db.query('SELECT kind, subject, attendees_json FROM calendar_events WHERE id = ?', [meeting.invitation.calendarEventId]);
      assert.equal(event.kind, 'panel');
      assert.match(event.subject, new RegExp(`^${review.reference} panel meeting$`));
      assert.deepEqual(JSON.parse(event.attendees_json).map((a: { email: string }) => a.email).sort(), ['chair@board.example', 'police@partner.example']);
      assert.deepEqual(await outboxOf(meeting.invitation.calendarEventId), ['create']);
      assert.equal(res.body.nextMeeting.id, meeting.id);
    });

    it('should write nothing when the meeting is refused', async () => {
      const review = await reviewWithPanel();
      const count = async () => {
        const [row] = await server.db.query('SELECT (SELECT COUNT(*) FROM review_meetings) AS m, (SELECT COUNT(*) FROM calendar_events) AS e, (SELECT COUNT(*) FROM calendar_outbox) AS o');
        return row;
      };
      const before = await count();
      const past = await server.request('POST', `/api/reviews/${review.id}/meetings`, { token: bu, body: { kind: 'panel', startsAt: '2020-01-01T10:00:00Z', durationMinutes: 60 } });
      assert.equal(past.status, 400);
      const badTime = await server.request('POST', `/api/reviews/${review.id}/meetings`, { token: bu, body: { kind: 'panel', date: '2031-03-04', durationMinutes: 60 } });
      assert.equal(badTime.status, 400);
      assert.deepEqual(await count(), before);
    });

    it('should update the invitation when the meeting is moved and cancel it when the meeting is cancelled', async () => {
      const review = await reviewWithPanel();
      const created = await server.request('POST', `/api/reviews/${review.id}/meetings`, { token: bu, body: { kind: 'panel', startsAt: FUTURE, durationMinutes: 60 } });
      const meeting = created.body.meetings[0];
      const moved = await server.request('PATCH', `/api/reviews/${review.id}/meetings/${meeting.id}`, { token: bu, body: { date: '2031-03-05', time: '14:30' } });
      assert.equal(moved.status, 200, moved.text);
      assert.equal(moved.body.meetings[0].startsAtLocal, '2031-03-05 14:30');
      const cancelled = await server.request('DELETE', `/api/reviews/${review.id}/meetings/${meeting.id}`, { token: bu });
      assert.equal(cancelled.status, 200, cancelled.text);
      assert.equal(cancelled.body.meetings[0].status, 'cancelled');
      assert.equal(cancelled.body.nextMeeting, null);
      assert.deepEqual(await outboxOf(meeting.invitation.calendarEventId), ['create', 'update', 'cancel']);
    });

    it('should read a summer date and time in the board time zone (British Summer Time)', async () => {
      const review = await reviewWithPanel();
      const res = await server.request('POST', `/api/reviews/${review.id}/meetings`, { token: bu, body: { kind: 'panel', date: '2031-07-01', time: '10:00', durationMinutes: 60 } });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.meetings[0].startsAt, '2031-07-01T09:00:00.000Z');
      assert.equal(res.body.meetings[0].startsAtLocal, '2031-07-01 10:00');
    });

    it('should suggest times when the panel is free, and refuse when nobody on it has an email', async () => {
      const review = await reviewWithPanel();
      const body = { from: '2031-03-03', to: '2031-03-05', durationMinutes: 60, maxSuggestions: 3 };
      const res = await server.request('POST', `/api/reviews/${review.id}/meeting-suggestions`, { token: bu, body });
      assert.equal(res.status, 200, res.text);
      assert.ok(res.body.slots.length > 0 && res.body.slots.length <= 3);
      assert.deepEqual(res.body.attendees.map((a: { email: string }) => a.email).sort(), ['chair@board.example', 'police@partner.example']);
      const empty = await directReview();
      const refused = await server.request('POST', `/api/reviews/${empty.id}/meeting-suggestions`, { token: bu, body });
      assert.equal(refused.status, 400);
    });

    it('should invite a panel member who joins later to the upcoming meeting', async () => {
      const review = await reviewWithPanel();
      const created = await server.request('POST', `/api/reviews/${review.id}/meetings`, { token: bu, body: { kind: 'panel', startsAt: FUTURE, durationMinutes: 60 } });
      const eventId = created.body.meetings[0].invitation.calendarEventId;
      await person('meet-late', 'EDUCATION');
      await server.request('POST', `/api/reviews/${review.id}/panel`, { token: bu, body: { aadObjectId: 'meet-late', panelRole: 'Education', email: 'late@school.example' } });
      assert.deepEqual(await outboxOf(eventId), ['create', 'add_attendee']);
    });
  });

  describe('reminders', () => {
    async function reminders(subjectType: string, subjectId: number | string): Promise<{ kind: string; status: string; recipient: string; due: string }[]> {
      return server.db.query(
        'SELECT kind, status, COALESCE(recipient_aad, recipient_conversation_id) AS recipient, due_at AS due FROM reminders WHERE subject_type = ? AND subject_id = ? ORDER BY id',
        [subjectType, String(subjectId)]
      );
    }

    it('should schedule the business unit\'s completion-clock reminders when a decision opens a review', async () => {
      const ref = await notify();
      await decide(ref, { action: 'accept' });
      const [row] = await reviewsOf(ref);
      const rows = await reminders('review', row.id);
      assert.deepEqual([...new Set(rows.map((r) => `${r.kind}:${r.status}:${r.recipient}`))], ['statutory_clock:pending:dev-business-unit']);
      assert.equal(rows.length, 2, 'two working days left, and breached');
    });

    it('should remind the panel before a meeting, move the reminders with it and cancel them with it', async () => {
      const review = await directReview();
      await person('rem-icb', 'ICB');
      await person('rem-police', 'POLICE');
      await server.request('POST', `/api/reviews/${review.id}/panel`, { token: bu, body: { aadObjectId: 'rem-icb', panelRole: 'Chair' } });
      await server.request('POST', `/api/reviews/${review.id}/panel`, { token: bu, body: { aadObjectId: 'rem-police', panelRole: 'Police' } });
      const created = await server.request('POST', `/api/reviews/${review.id}/meetings`, { token: bu, body: { kind: 'panel', startsAt: FUTURE, durationMinutes: 60 } });
      const meetingId = created.body.meetings[0].id as number;
      const first = await reminders('panel_meeting', meetingId);
      assert.deepEqual(first.map((r) => `${r.recipient}:${r.status}`).sort(), ['rem-icb:pending', 'rem-icb:pending', 'rem-police:pending', 'rem-police:pending']);
      await server.request('PATCH', `/api/reviews/${review.id}/meetings/${meetingId}`, { token: bu, body: { startsAt: '2031-04-08T09:00:00Z' } });
      const moved = await reminders('panel_meeting', meetingId);
      assert.equal(moved.filter((r) => r.status === 'pending').length, 4);
      assert.equal(moved.filter((r) => r.status === 'cancelled').length, 4, 'the old date\'s reminders are cancelled');
      await server.request('DELETE', `/api/reviews/${review.id}/meetings/${meetingId}`, { token: bu });
      assert.deepEqual([...new Set((await reminders('panel_meeting', meetingId)).map((r) => r.status))], ['cancelled']);
    });

    it('should remind an agency contact before the report is due and stop once it is received', async () => {
      const review = await directReview();
      const res = await server.request('POST', `/api/reviews/${review.id}/info-reports`, {
        token: bu,
        body: { agency: 'ACUTE', contactAadId: 'dev-agency-lead-health', dueDate: '2031-02-03' },
      });
      const reportId = res.body.infoReports[0].id as number;
      const before = await reminders('information_report', reportId);
      assert.deepEqual([...new Set(before.map((r) => `${r.kind}:${r.recipient}:${r.status}`))], ['info_report_due:dev-agency-lead-health:pending']);
      await server.request('PATCH', `/api/reviews/${review.id}/info-reports/${reportId}`, { token: bu, body: { received: true } });
      assert.deepEqual([...new Set((await reminders('information_report', reportId)).map((r) => r.status))], ['cancelled']);
    });
  });

  describe('POST /api/reviews/:id/action-plan', () => {
    it('should make one action plan with source type review and return it again on a repeat', async () => {
      const review = await directReview();
      const body = { recommendations: [{ text: 'Share the learning on bruising in non-mobile babies' }] };
      const first = await server.request('POST', `/api/reviews/${review.id}/action-plan`, { token: bu, body });
      assert.equal(first.status, 201, first.text);
      assert.deepEqual([first.body.sourceType, first.body.sourceRef], ['review', review.reference]);
      const again = await server.request('POST', `/api/reviews/${review.id}/action-plan`, { token: bu, body });
      assert.equal(again.status, 200);
      assert.equal(again.body.id, first.body.id);
      const detail = await server.request('GET', `/api/reviews/${review.id}`, { token: bu });
      assert.equal(detail.body.actionPlanId, first.body.id);
    });
  });
});
