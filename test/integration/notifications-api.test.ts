import assert from 'node:assert/strict';

import { buildNoReviewAnswers, buildNotificationAnswers } from '../helpers/notifications';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

async function count(server: TestServer, table: string): Promise<number> {
  const [row] = (await server.db.query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number }[];
  return Number(row.n);
}

describe('/api/notifications', () => {
  let server: TestServer;
  let police: string;
  let school: string;
  let businessUnit: string;
  let board: string;

  before(async () => {
    server = await startTestServer();
    police = await devToken(server, 'dev-practitioner-police');
    school = await devToken(server, 'dev-practitioner-school');
    businessUnit = await devToken(server, 'dev-business-unit');
    board = await devToken(server, 'dev-board-chair');
  });
  after(async () => {
    await server.stop();
  });

  const create = (token: string, body: unknown = buildNotificationAnswers(), headers?: Record<string, string>) =>
    server.request('POST', '/api/notifications', { token, body, headers });

  describe('POST /api/notifications', () => {
    it('should answer 201 with a reference, the recommendation and status new when the answers are valid', async () => {
      const res = await create(police);

      assert.equal(res.status, 201);
      assert.match(res.body.reference, /^N-\d{4}-\d{4}$/);
      assert.equal(res.body.status, 'new');
      assert.equal(res.body.recommendation.primary, 'SCR');
      assert.deepEqual(res.body.recommendation.parallel, []);
      assert.ok(res.body.recommendation.reasons.length >= 1);
      const codes = res.body.recommendation.clocks.map((c: { code: string }) => c.code);
      assert.deepEqual(codes, ['NOTIFY_OFSTED', 'SCR_DECISION']);
      assert.equal(res.body.recommendation.clocks[0].due, '2026-11-09', '5 working days after 2 Nov 2026');
      assert.equal(res.body.notifier.agency.code, 'POLICE', 'the agency comes from the Teams identity');
      assert.equal(typeof res.body.clocks[0].workingDaysLeft, 'number');
    });

    it('should store the model, the notifier and an audit entry with no free text', async () => {
      const res = await create(police);
      const [row] = (await server.db.query(
        'SELECT model, notifier_aad_id, source, status FROM notifications WHERE reference = ?',
        [res.body.reference]
      )) as Record<string, string>[];
      assert.deepEqual(row, { model: '2015', notifier_aad_id: 'dev-practitioner-police', source: 'api', status: 'new' });
      const audit = (await server.db.query(
        "SELECT action, detail_json FROM audit_log WHERE entity_type = 'notification' AND entity_id = ?",
        [res.body.reference]
      )) as { action: string; detail_json: string }[];
      assert.deepEqual(audit.map((a) => a.action), ['notification.created']);
      assert.doesNotMatch(audit[0].detail_json, /hospital|injur/i);
    });

    it('should answer 400 with a message per field when answers are invalid', async () => {
      const res = await create(police, { ...buildNotificationAnswers({ awareDate: undefined }), incidentDate: '2999-01-01', agencies: [] });

      assert.equal(res.status, 400);
      assert.equal(res.body.error, 'validation_error');
      const fields = res.body.details.fields.map((f: { field: string }) => f.field).sort();
      assert.deepEqual(fields, ['agencies', 'incidentDate']);
    });

    it('should answer 400 for an agency code that is not on the list', async () => {
      const res = await create(police, buildNotificationAnswers({ agencies: ['POLICE', 'NOPE'] }));

      assert.equal(res.status, 400);
      assert.match(res.body.message, /NOPE/);
    });

    it('should answer 400 for an unknown field such as childName', async () => {
      const res = await create(police, { ...buildNotificationAnswers(), childName: 'Someone' });

      assert.equal(res.status, 400);
      assert.match(res.body.message, /childName/);
    });

    it('should create one notification when the same Idempotency-Key is sent twice', async () => {
      const before = await count(server, 'notifications');
      const first = await create(police, buildNotificationAnswers(), { 'idempotency-key': 'form-123' });
      const second = await create(police, buildNotificationAnswers(), { 'idempotency-key': 'form-123' });

      assert.equal(first.status, 201);
      assert.equal(second.status, 200);
      assert.equal(second.body.reference, first.body.reference);
      assert.equal(await count(server, 'notifications'), before + 1);
    });

    it('should hand out distinct consecutive references when many are created at once', async () => {
      const results = await Promise.all(Array.from({ length: 12 }, () => create(school, buildNoReviewAnswers())));

      assert.deepEqual(results.map((r) => r.status), Array(12).fill(201));
      const numbers = results.map((r) => Number(r.body.reference.split('-')[2])).sort((a, b) => a - b);
      assert.equal(new Set(numbers).size, 12);
      assert.equal(numbers[11] - numbers[0], 11, 'no gaps and no repeats');
    });

    it('should refuse a board member who holds no notifying role with 403', async () => {
      const res = await create(board);
      assert.equal(res.status, 403);
    });

    it('should refuse a request without a token with 401', async () => {
      const res = await server.request('POST', '/api/notifications', { body: buildNotificationAnswers() });
      assert.equal(res.status, 401);
    });
  });

  describe('POST /api/notifications/recommend', () => {
    it('should return the recommendation and write nothing', async () => {
      const [notifications, audits, counters] = await Promise.all([
        count(server, 'notifications'),
        count(server, 'audit_log'),
        count(server, 'reference_counters'),
      ]);
      const res = await server.request('POST', '/api/notifications/recommend', {
        token: police,
        body: buildNotificationAnswers({ died: true }),
      });

      assert.equal(res.status, 200);
      assert.equal(res.body.primary, 'SCR');
      assert.deepEqual(res.body.parallel, ['CDOP']);
      assert.equal(res.body.model, '2015');
      assert.equal(res.body.reference, undefined);
      assert.equal(await count(server, 'notifications'), notifications);
      assert.equal(await count(server, 'audit_log'), audits);
      assert.equal(await count(server, 'reference_counters'), counters);
    });

    it('should answer 400 for invalid answers', async () => {
      const res = await server.request('POST', '/api/notifications/recommend', { token: police, body: { summary: 'x' } });
      assert.equal(res.status, 400);
    });
  });

  describe('GET /api/notifications and /{reference}', () => {
    let policeRef: string;
    let schoolRef: string;
    before(async () => {
      policeRef = (await create(police)).body.reference;
      schoolRef = (await create(school, buildNoReviewAnswers())).body.reference;
    });

    it('should list only their own notifications to a practitioner', async () => {
      const res = await server.request('GET', '/api/notifications', { token: police });

      assert.equal(res.status, 200);
      const refs = res.body.items.map((i: { reference: string }) => i.reference);
      assert.ok(refs.includes(policeRef));
      assert.ok(!refs.includes(schoolRef));
      assert.ok(res.body.items.every((i: { notifier: { id: string } }) => i.notifier.id === 'dev-practitioner-police'));
    });

    it('should list every notification to the business unit and the board, without free-text answers', async () => {
      for (const token of [businessUnit, board]) {
        const res = await server.request('GET', '/api/notifications', { token });
        const refs = res.body.items.map((i: { reference: string }) => i.reference);
        assert.ok(refs.includes(policeRef) && refs.includes(schoolRef));
        assert.equal(res.body.items[0].answers, undefined);
        assert.ok(res.body.counts.new >= 2);
      }
    });

    it('should filter by status and refuse an unknown query parameter', async () => {
      const ok = await server.request('GET', '/api/notifications?status=decided', { token: businessUnit });
      assert.equal(ok.status, 200);
      assert.ok(ok.body.items.every((i: { status: string }) => i.status === 'decided'));
      const bad = await server.request('GET', '/api/notifications?sort=name', { token: businessUnit });
      assert.equal(bad.status, 400);
    });

    it("should answer 404 when a practitioner asks for someone else's notification", async () => {
      const res = await server.request('GET', `/api/notifications/${schoolRef}`, { token: police });
      assert.equal(res.status, 404);
      assert.equal(res.body.error, 'not_found');
    });

    it('should show the notifier their own notification with the answers', async () => {
      const res = await server.request('GET', `/api/notifications/${policeRef}`, { token: police });
      assert.equal(res.status, 200);
      assert.equal(res.body.answers.subjectAgeYears, 9);
    });

    it('should show any notification to the business unit and record the view in the audit log', async () => {
      const res = await server.request('GET', `/api/notifications/${schoolRef}`, { token: businessUnit });
      assert.equal(res.status, 200);
      const views = (await server.db.query(
        "SELECT actor_id FROM audit_log WHERE action = 'notification.viewed' AND entity_id = ?",
        [schoolRef]
      )) as { actor_id: string }[];
      assert.deepEqual(views.map((v) => v.actor_id), ['dev-business-unit']);
    });

    it('should answer 404 for an unknown or malformed reference', async () => {
      assert.equal((await server.request('GET', '/api/notifications/N-1999-0001', { token: businessUnit })).status, 404);
      assert.equal((await server.request('GET', '/api/notifications/..%2Fetc', { token: businessUnit })).status, 404);
    });
  });

  describe('POST /api/notifications/{reference}/decision', () => {
    let reference: string;
    beforeEach(async () => {
      reference = (await create(police)).body.reference;
    });
    const decide = (token: string, body: unknown, ref = reference) =>
      server.request('POST', `/api/notifications/${ref}/decision`, { token, body });

    it('should refuse a practitioner with 403 and change nothing', async () => {
      const res = await decide(police, { action: 'accept' });

      assert.equal(res.status, 403);
      const [row] = (await server.db.query('SELECT status FROM notifications WHERE reference = ?', [reference])) as {
        status: string;
      }[];
      assert.equal(row.status, 'new');
    });

    it('should record an accepted route, start its completion clock and audit it', async () => {
      const res = await decide(businessUnit, { action: 'accept', expectedVersion: 1 });

      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'decided');
      assert.equal(res.body.decision.action, 'accept');
      assert.equal(res.body.decision.route.code, 'SCR');
      assert.equal(res.body.decision.decidedBy.name, 'Beth Lewis');
      assert.ok(res.body.clocks.some((c: { code: string }) => c.code === 'SCR_COMPLETE'));
      assert.equal(res.body.clocks.find((c: { code: string }) => c.code === 'SCR_DECISION').met, true);
      const audit = (await server.db.query(
        "SELECT actor_id FROM audit_log WHERE action = 'notification.decided' AND entity_id = ?",
        [reference]
      )) as { actor_id: string }[];
      assert.deepEqual(audit.map((a) => a.actor_id), ['dev-business-unit']);
    });

    it('should record another route with its reason', async () => {
      const res = await decide(businessUnit, { action: 'change', route: 'LEARNING_LESSONS_REVIEW', reason: 'Short period; no statutory criteria after checks.' });

      assert.equal(res.status, 200);
      assert.equal(res.body.decision.route.code, 'LEARNING_LESSONS_REVIEW');
      assert.match(res.body.decision.reason, /Short period/);
    });

    it('should set awaiting_information when asking for more', async () => {
      const res = await decide(businessUnit, { action: 'request_information', message: 'Which school does the child attend?' });

      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'awaiting_information');
      assert.equal(res.body.decision.route, null);
    });

    it('should answer 400 for a change without a reason, to the recommended route, or to RAPID_REVIEW under 2015', async () => {
      assert.equal((await decide(businessUnit, { action: 'change', route: 'CDOP' })).status, 400);
      assert.equal((await decide(businessUnit, { action: 'change', route: 'SCR', reason: 'same' })).status, 400);
      assert.equal((await decide(businessUnit, { action: 'change', route: 'RAPID_REVIEW', reason: 'x' })).status, 400);
      assert.equal((await decide(businessUnit, { action: 'approve' })).status, 400);
    });

    it('should answer 409 when the decision was made on an older version', async () => {
      assert.equal((await decide(businessUnit, { action: 'accept', expectedVersion: 1 })).status, 200);
      const stale = await decide(businessUnit, { action: 'change', route: 'CDOP', reason: 'x', expectedVersion: 1 });

      assert.equal(stale.status, 409);
      assert.equal(stale.body.details.version, 2);
    });

    it('should answer 404 for an unknown reference', async () => {
      assert.equal((await decide(businessUnit, { action: 'accept' }, 'N-1999-0001')).status, 404);
    });
  });
});
