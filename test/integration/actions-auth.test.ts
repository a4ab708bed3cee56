import assert from 'node:assert/strict';

import { startTestServer, type TestServer } from '../helpers/start-server';
import { actionOf, roleTokens, type TrackerRole } from '../helpers/tracker';

type Ctx = { policeActionId: number; planId: number; recommendationId: number; version: () => Promise<number> };
type RouteCase = {
  name: string;
  method: string;
  path: (c: Ctx) => string;
  body?: (c: Ctx, role: TrackerRole) => Promise<unknown> | unknown;
  expect: Record<TrackerRole, number>;
};

const READ_ALL: Record<TrackerRole, number> = {
  practitioner: 200,
  panel_member: 200,
  business_unit: 200,
  board: 200,
  agency_lead: 200,
  other_agency_lead: 200,
};
const BU_ONLY_CREATE: Record<TrackerRole, number> = {
  practitioner: 403,
  panel_member: 403,
  business_unit: 201,
  board: 403,
  agency_lead: 403,
  other_agency_lead: 403,
};
const NEW_ACTION = { leadAgency: 'POLICE', description: 'Brief all custody sergeants', targetDate: '2030-01-31' };

/** Each route of the tracker with what each role must get (the police lead owns the action). */
const ROUTES: RouteCase[] = [
  { name: 'list actions', method: 'GET', path: () => '/api/actions?status=red,amber', expect: READ_ALL },
  { name: 'filter options', method: 'GET', path: () => '/api/actions/facets', expect: READ_ALL },
  {
    name: 'export',
    method: 'GET',
    path: () => '/api/actions/export?format=csv',
    expect: { ...READ_ALL, practitioner: 403, panel_member: 403 },
  },
  { name: 'read an action', method: 'GET', path: (c) => `/api/actions/${c.policeActionId}`, expect: READ_ALL },
  { name: 'read its history', method: 'GET', path: (c) => `/api/actions/${c.policeActionId}/history`, expect: READ_ALL },
  {
    name: 'change an action',
    method: 'PATCH',
    path: (c) => `/api/actions/${c.policeActionId}`,
    body: async (c, role) => ({ version: await c.version(), note: `Progress recorded by ${role}` }),
    expect: { practitioner: 403, panel_member: 403, business_unit: 200, board: 200, agency_lead: 200, other_agency_lead: 403 },
  },
  { name: 'list plans', method: 'GET', path: () => '/api/plans', expect: READ_ALL },
  { name: 'read a plan', method: 'GET', path: (c) => `/api/plans/${c.planId}`, expect: READ_ALL },
  {
    name: 'create a plan',
    method: 'POST',
    path: () => '/api/plans',
    body: () => ({ sourceType: 'review', sourceRef: 'LLR-2026-09', title: 'Learning lessons review 2026/09', recommendations: [{ text: 'Share chronologies', actions: [NEW_ACTION] }] }),
    expect: BU_ONLY_CREATE,
  },
  {
    name: 'add a recommendation',
    method: 'POST',
    path: (c) => `/api/plans/${c.planId}/recommendations`,
    body: () => ({ text: 'Agree one escalation route' }),
    expect: BU_ONLY_CREATE,
  },
  {
    name: 'add actions',
    method: 'POST',
    path: (c) => `/api/recommendations/${c.recommendationId}/actions`,
    body: () => ({ actions: [NEW_ACTION] }),
    expect: BU_ONLY_CREATE,
  },
];

describe('tracker API authorisation (each role × each route)', function () {
  this.timeout(60_000);
  let server: TestServer;
  let tokens: Record<TrackerRole, string>;
  let c: Ctx;

  before(async () => {
    server = await startTestServer();
    tokens = await roleTokens(server);
    const police = await actionOf(server, 'POLICE', (a) => a.status !== 'complete');
    const [rec] = (await server.db.query('SELECT id, plan_id FROM recommendations WHERE plan_id = ? ORDER BY id', [police.plan_id])) as { id: number; plan_id: number }[];
    c = {
      policeActionId: police.id,
      planId: police.plan_id,
      recommendationId: rec.id,
      version: async () => ((await server.db.query('SELECT version FROM actions WHERE id = ?', [police.id])) as { version: number }[])[0].version,
    };
  });
  after(async () => {
    await server?.stop();
  });

  for (const r of ROUTES) {
    for (const role of Object.keys(READ_ALL) as TrackerRole[]) {
      const want = r.expect[role];
      it(`should answer ${want} to ${role} for ${r.name} (${r.method})`, async () => {
        const body = r.body ? await r.body(c, role) : undefined;
        const res = await server.request(r.method, r.path(c), { token: tokens[role], body });
        assert.equal(res.status, want, res.text.slice(0, 300));
        if (want === 403) {
          assert.equal(res.body.error, 'forbidden');
          assert.equal(typeof res.body.message, 'string');
        }
      });
    }
    it(`should answer 401 without a token for ${r.name} (${r.method})`, async () => {
      const body = r.body ? await r.body(c, 'business_unit') : undefined;
      const res = await server.request(r.method, r.path(c), { body });
      assert.equal(res.status, 401);
    });
  }

  it('should not change an action when an agency lead of another agency tries', async () => {
    const before = await c.version();
    const res = await server.request('PATCH', `/api/actions/${c.policeActionId}`, {
      token: tokens.other_agency_lead,
      body: { version: before, status: 'green', note: 'Not mine to change' },
    });
    assert.equal(res.status, 403);
    assert.equal(await c.version(), before);
    const notes = await server.db.query("SELECT COUNT(*) AS n FROM action_history WHERE action_id = ? AND note = 'Not mine to change'", [c.policeActionId]);
    assert.equal(Number(notes[0].n), 0);
  });

  it('should let only the business unit or the board mark an action complete', async () => {
    const version = await c.version();
    const lead = await server.request('PATCH', `/api/actions/${c.policeActionId}`, {
      token: tokens.agency_lead,
      body: { version, status: 'complete', evidence: { text: 'Briefing records for every team' } },
    });
    assert.equal(lead.status, 403);
    assert.match(lead.body.message, /propose completion/);
    const board = await server.request('PATCH', `/api/actions/${c.policeActionId}`, {
      token: tokens.board,
      body: { version, status: 'complete', evidence: { text: 'Briefing records for every team' } },
    });
    assert.equal(board.status, 200, board.text);
    assert.equal(board.body.status, 'complete');
    assert.equal(board.body.signedOffBy, 'Chris Taylor');
  });
});
