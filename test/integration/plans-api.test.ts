import assert from 'node:assert/strict';

import { startTestServer, type TestServer } from '../helpers/start-server';
import { roleTokens, type TrackerRole } from '../helpers/tracker';

const PLAN = {
  sourceType: 'review',
  sourceRef: 'CR1-2026-04',
  title: 'Case review 2026/04: information sharing at the front door',
  recommendations: [
    {
      text: 'Agencies should share information at the first strategy discussion.',
      actions: [
        { leadAgency: 'POLICE', description: 'Attend every strategy discussion in person', targetDate: '2030-06-30' },
        { leadAgency: 'acute', description: 'Name a hospital safeguarding lead for strategy discussions', targetDate: '2020-01-31' },
      ],
    },
    { text: 'The board should audit strategy discussions in a year.' },
  ],
};

describe('action plans API', function () {
  this.timeout(60_000);
  let server: TestServer;
  let tokens: Record<TrackerRole, string>;

  before(async () => {
    server = await startTestServer();
    tokens = await roleTokens(server);
  });
  after(async () => {
    await server?.stop();
  });

  it('should create a plan with its recommendations and actions in one request', async () => {
    const res = await server.request('POST', '/api/plans', { token: tokens.business_unit, body: PLAN });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.sourceRef, 'CR1-2026-04');
    assert.deepEqual(res.body.recommendations.map((r: { order: number }) => r.order), [1, 2]);
    assert.equal(res.body.recommendations[0].actionIds.length, 2);
    assert.deepEqual(res.body.counts, { red: 1, amber: 0, green: 1, complete: 0, total: 2, overdue: 1 });
    const [first, second] = res.body.recommendations[0].actionIds;
    const a = await server.request('GET', `/api/actions/${first}`, { token: tokens.agency_lead });
    assert.equal(a.body.leadAgency.code, 'POLICE');
    assert.equal(a.body.recommendation.text, PLAN.recommendations[0].text);
    const b = await server.request('GET', `/api/actions/${second}`, { token: tokens.business_unit });
    assert.equal(b.body.status, 'red', 'a past target starts red by the rule');
    const history = await server.request('GET', `/api/actions/${first}/history`, { token: tokens.business_unit });
    assert.deepEqual(history.body.items.map((h: { field: string; by: string }) => [h.field, h.by]), [['created', 'Beth Lewis']]);
  });

  it('should add a recommendation at the end of a plan and actions to a recommendation', async () => {
    const plan = await server.request('POST', '/api/plans', { token: tokens.business_unit, body: { sourceType: 'audit', sourceRef: 'AUD-9', title: 'Audit 9 plan' } });
    const rec = await server.request('POST', `/api/plans/${plan.body.id}/recommendations`, { token: tokens.business_unit, body: { text: 'Use the neglect toolkit' } });
    assert.equal(rec.status, 201, rec.text);
    const rec2 = await server.request('POST', `/api/plans/${plan.body.id}/recommendations`, { token: tokens.business_unit, body: { text: 'Audit again next year' } });
    assert.deepEqual(rec2.body.recommendations.map((r: { order: number }) => r.order), [1, 2]);
    const recId = rec2.body.recommendations[1].id;
    const acts = await server.request('POST', `/api/recommendations/${recId}/actions`, {
      token: tokens.business_unit,
      body: { actions: [{ leadAgency: 'EDUCATION', description: 'Book the re-audit', targetDate: '2031-01-15' }] },
    });
    assert.equal(acts.status, 201, acts.text);
    assert.equal(acts.body.recommendations[1].actionIds.length, 1);
    const list = await server.request('GET', `/api/actions?plan=${plan.body.id}`, { token: tokens.practitioner });
    assert.equal(list.body.counts.total, 1);
  });

  it('should list plans newest first with their counts', async () => {
    const res = await server.request('GET', '/api/plans', { token: tokens.practitioner });
    assert.equal(res.status, 200);
    assert.ok(res.body.items.length >= 6);
    assert.equal(res.body.items[0].sourceRef, 'AUD-9');
    const total = res.body.items.reduce((n: number, p: { counts: { total: number } }) => n + p.counts.total, 0);
    const [{ n }] = await server.db.query('SELECT COUNT(*) AS n FROM actions');
    assert.equal(total, Number(n));
  });

  it('should refuse an owner from another agency and write nothing', async () => {
    const [lead] = await server.db.query("SELECT id FROM people WHERE aad_object_id = 'dev-agency-lead-health'");
    const before = Number((await server.db.query('SELECT COUNT(*) AS n FROM action_plans'))[0].n);
    const res = await server.request('POST', '/api/plans', {
      token: tokens.business_unit,
      body: { ...PLAN, sourceRef: 'BAD-1', recommendations: [{ text: 'x x x', actions: [{ leadAgency: 'POLICE', ownerPersonId: lead.id, description: 'Wrong owner', targetDate: '2030-01-01' }] }] },
    });
    assert.equal(res.status, 400);
    assert.match(res.body.message, /owner/);
    assert.equal(Number((await server.db.query('SELECT COUNT(*) AS n FROM action_plans'))[0].n), before, 'the plan was rolled back');
  });

  const bad: [string, string, unknown, number, RegExp][] = [
    ['an unknown source type', '/api/plans', { ...PLAN, sourceType: 'rumour' }, 400, /sourceType/],
    ['an unknown agency', '/api/plans', { ...PLAN, recommendations: [{ text: 'x x x', actions: [{ leadAgency: 'NOPE', description: 'abc', targetDate: '2030-01-01' }] }] }, 400, /agency/],
    ['an impossible date', '/api/plans', { ...PLAN, recommendations: [{ text: 'x x x', actions: [{ leadAgency: 'POLICE', description: 'abc', targetDate: '2030-13-01' }] }] }, 400, /date/],
    ['a missing title', '/api/plans', { sourceType: 'audit', sourceRef: 'A' }, 400, /title/],
    ['a plan that does not exist', '/api/plans/999999/recommendations', { text: 'abc' }, 404, /no action plan/],
    ['a recommendation that does not exist', '/api/recommendations/999999/actions', { actions: [{ leadAgency: 'POLICE', description: 'abc', targetDate: '2030-01-01' }] }, 404, /no recommendation/],
    ['no actions', '/api/recommendations/1/actions', { actions: [] }, 400, /actions/],
  ];
  for (const [what, path, body, status, message] of bad) {
    it(`should answer ${status} for ${what}`, async () => {
      const res = await server.request('POST', path, { token: tokens.business_unit, body });
      assert.equal(res.status, status, res.text);
      assert.match(res.body.message, message);
    });
  }

  it('should answer 404 for a plan that does not exist', async () => {
    assert.equal((await server.request('GET', '/api/plans/999999', { token: tokens.board })).status, 404);
  });
});
