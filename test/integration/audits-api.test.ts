import assert from 'node:assert/strict';

import { Recommendation } from '../../src/data/entities/recommendation.entity';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

describe('themed audits REST API', () => {
  let server: TestServer;
  let bu: string;
  let practitioner: string;

  async function createAudit(body: Record<string, unknown> = {}): Promise<number> {
    const res = await server.request('POST', '/api/audits', { token: bu, body: { theme: 'Neglect', title: 'Test audit', ...body } });
    assert.equal(res.status, 201, res.text);
    return res.body.id as number;
  }

  before(async () => {
    server = await startTestServer();
    bu = await devToken(server, 'dev-business-unit');
    practitioner = await devToken(server, 'dev-practitioner-police');
  });
  after(async () => {
    await server.stop();
  });

  it('should refuse every audit route with 403 for a practitioner and 401 without a token', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/audits'],
      ['POST', '/api/audits'],
      ['GET', '/api/audits/1'],
      ['PATCH', '/api/audits/1'],
      ['POST', '/api/audits/1/cases'],
      ['PATCH', '/api/audits/1/cases/1'],
      ['POST', '/api/audits/1/action-plan'],
    ];
    for (const [method, path] of routes) {
      const body = method === 'GET' ? undefined : { theme: 'x', title: 'y' };
      assert.equal((await server.request(method, path, { token: practitioner, body })).status, 403, `${method} ${path}`);
      assert.equal((await server.request(method, path, { body })).status, 401, `${method} ${path}`);
    }
  });

  it('should create an audit from theme and title with 201 {id}, planned, and list it', async () => {
    const res = await server.request('POST', '/api/audits', { token: bu, body: { theme: 'Children in need', title: 'CIN audit' } });
    assert.equal(res.status, 201);
    assert.deepEqual(Object.keys(res.body), ['id']);
    const list = await server.request('GET', '/api/audits', { token: bu });
    const item = list.body.audits.find((a: { id: number }) => a.id === res.body.id);
    assert.deepEqual(item, {
      id: res.body.id,
      theme: 'Children in need',
      title: 'CIN audit',
      periodStart: null,
      periodEnd: null,
      status: 'planned',
      caseCount: 0,
      focusGroupCount: 0,
    });
  });

  it('should keep period, agencies, team and the cases to audit, and show them with its sessions', async () => {
    const id = await createAudit({
      periodStart: '2025-04-01',
      periodEnd: '2025-09-30',
      agencies: ['POLICE', 'ACUTE'],
      team: [{ name: 'Jo Williams', agency: 'ACUTE' }],
      cases: ['C-01', 'C-02'],
    });
    await server.request('POST', '/api/focus-groups', {
      token: bu,
      body: { auditId: id, startsAt: new Date(Date.now() + 86_400_000).toISOString(), durationMinutes: 60, capacity: 4, location: 'Room' },
    });
    const res = await server.request('GET', `/api/audits/${id}`, { token: bu });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.agencies, ['POLICE', 'ACUTE']);
    assert.deepEqual(res.body.team, [{ name: 'Jo Williams', agency: 'ACUTE' }]);
    assert.deepEqual(res.body.cases.map((c: { caseRef: string }) => c.caseRef), ['C-01', 'C-02']);
    assert.equal(res.body.focusGroups.length, 1);
    assert.deepEqual(
      [res.body.focusGroups[0].capacity, res.body.focusGroups[0].seatsLeft, res.body.focusGroups[0].status],
      [4, 4, 'open']
    );
    assert.equal(res.body.actionPlanId, null);
  });

  it('should reject an audit without a title, with an unknown agency or a period ending before it starts', async () => {
    const noTitle = await server.request('POST', '/api/audits', { token: bu, body: { theme: 'Neglect' } });
    assert.equal(noTitle.status, 400);
    assert.equal(noTitle.body.details.fields[0].field, 'title');
    const agency = await server.request('POST', '/api/audits', { token: bu, body: { theme: 'N', title: 'T', agencies: ['MARS'] } });
    assert.equal(agency.status, 400);
    const period = await server.request('POST', '/api/audits', {
      token: bu,
      body: { theme: 'N', title: 'T', periodStart: '2025-05-01', periodEnd: '2025-04-01' },
    });
    assert.equal(period.status, 400);
    assert.match(period.body.message, /ends before it starts/);
  });

  it('should change an audit\'s status and title with PATCH', async () => {
    const id = await createAudit();
    const res = await server.request('PATCH', `/api/audits/${id}`, { token: bu, body: { status: 'in_progress', title: 'Renamed' } });
    assert.equal(res.status, 200);
    assert.deepEqual([res.body.status, res.body.title], ['in_progress', 'Renamed']);
    assert.equal((await server.request('PATCH', `/api/audits/${id}`, { token: bu, body: { status: 'done' } })).status, 400);
    assert.equal((await server.request('PATCH', '/api/audits/999999', { token: bu, body: { title: 'x' } })).status, 404);
  });

  it('should add a case by anonymised reference and refuse a name or a repeated reference', async () => {
    const id = await createAudit();
    const res = await server.request('POST', `/api/audits/${id}/cases`, { token: bu, body: { caseRef: 'C-07' } });
    assert.equal(res.status, 201);
    assert.equal(res.body.caseRef, 'C-07');
    const name = await server.request('POST', `/api/audits/${id}/cases`, { token: bu, body: { caseRef: 'JohnSmith' } });
    assert.equal(name.status, 400);
    assert.match(name.body.message, /anonymised reference/);
    const again = await server.request('POST', `/api/audits/${id}/cases`, { token: bu, body: { caseRef: 'C-07' } });
    assert.equal(again.status, 409);
  });

  it('should record per-domain grades and what worked well, and clear a grade with null', async () => {
    const id = await createAudit({ cases: ['G-01'] });
    const detail = await server.request('GET', `/api/audits/${id}`, { token: bu });
    const caseId = detail.body.cases[0].id;
    const first = await server.request('PATCH', `/api/audits/${id}/cases/${caseId}`, {
      token: bu,
      body: { grades: { lived_experience: 'good', assessment: 'inadequate' }, whatWorkedWell: 'Early help offer' },
    });
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.grades, { lived_experience: 'good', assessment: 'inadequate' });
    const second = await server.request('PATCH', `/api/audits/${id}/cases/${caseId}`, {
      token: bu,
      body: { grades: { assessment: null, planning_and_review: 'requires_improvement' } },
    });
    assert.deepEqual(second.body.grades, { lived_experience: 'good', planning_and_review: 'requires_improvement' });
    assert.equal(second.body.whatWorkedWell, 'Early help offer', 'fields not sent stay as they were');
    const badGrade = await server.request('PATCH', `/api/audits/${id}/cases/${caseId}`, {
      token: bu,
      body: { grades: { assessment: 'excellent' } },
    });
    assert.equal(badGrade.status, 400);
    const badDomain = await server.request('PATCH', `/api/audits/${id}/cases/${caseId}`, {
      token: bu,
      body: { grades: { weather: 'good' } },
    });
    assert.equal(badDomain.status, 400);
    const otherAudit = await createAudit();
    const wrong = await server.request('PATCH', `/api/audits/${otherAudit}/cases/${caseId}`, { token: bu, body: { notes: 'x' } });
    assert.equal(wrong.status, 404);
  });

  it('should turn findings into one action plan of source type audit (201, then 200 with the same plan)', async () => {
    const id = await createAudit({ title: 'Findings audit', cases: ['F-01', 'F-02'] });
    const detail = await server.request('GET', `/api/audits/${id}`, { token: bu });
    for (const c of detail.body.cases) {
      await server.request('PATCH', `/api/audits/${id}/cases/${c.id}`, {
        token: bu,
        body: { grades: { multi_agency_working: 'inadequate', assessment: 'good' } },
      });
    }
    const res = await server.request('POST', `/api/audits/${id}/action-plan`, { token: bu });
    assert.equal(res.status, 201, res.text);
    const [plan] = await server.db.query('SELECT source_type, source_ref, title FROM action_plans WHERE id = ?', [res.body.actionPlanId]);
    assert.deepEqual(plan, { source_type: 'audit', source_ref: `AUDIT-${id}`, title: 'Findings audit: action plan' });
    const recs = await server.db.getRepository(Recommendation).find({ where: { planId: res.body.actionPlanId } });
    assert.equal(recs.length, 1);
    assert.match(recs[0].text, /multi-agency working: 2 of 2 audited cases/);
    const again = await server.request('POST', `/api/audits/${id}/action-plan`, { token: bu, body: {} });
    assert.deepEqual([again.status, again.body.actionPlanId], [200, res.body.actionPlanId]);
    const shown = await server.request('GET', `/api/audits/${id}`, { token: bu });
    assert.equal(shown.body.actionPlanId, res.body.actionPlanId);
  });

  it('should refuse to draft a plan with 400 when no case was graded below good and no recommendations are given', async () => {
    const id = await createAudit({ cases: ['OK-01'] });
    const res = await server.request('POST', `/api/audits/${id}/action-plan`, { token: bu, body: {} });
    assert.equal(res.status, 400);
    const given = await server.request('POST', `/api/audits/${id}/action-plan`, {
      token: bu,
      body: { recommendations: ['Share the audit learning at the next briefing'] },
    });
    assert.equal(given.status, 201);
  });
});
