import assert from 'node:assert/strict';

import { bulkSeedActions } from '../../src/data/seed/action-plans';
import { dateInZone } from '../../src/domain/actions/rag-rule';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { allActions, roleTokens, type DbAction, type TrackerRole } from '../helpers/tracker';

const RANK: Record<string, number> = { red: 0, amber: 1, green: 2, complete: 3 };

type Expected = { ids: number[]; counts: Record<string, number> };

/** What GET /api/actions should answer, worked out in plain JS from the database rows. */
function expected(rows: DbAction[], today: string, keep: (a: DbAction) => boolean, sort = 'overdue', groupBy = 'none'): Expected {
  const overdue = (a: DbAction) => a.status !== 'complete' && a.due_date < today;
  const kept = rows.filter(keep);
  const group = (a: DbAction) => (groupBy === 'plan' ? a.plan_id : groupBy === 'agency' ? a.lead_agency_id : 0);
  const cmp = (a: DbAction, b: DbAction): number => {
    const g = group(a) - group(b);
    if (g !== 0) {
      return g;
    }
    if (sort === '-due') {
      return b.due_date.localeCompare(a.due_date) || b.id - a.id;
    }
    const first = sort === 'overdue' ? Number(!overdue(a)) - Number(!overdue(b)) : sort === 'status' ? RANK[a.status] - RANK[b.status] : 0;
    return first || a.due_date.localeCompare(b.due_date) || a.id - b.id;
  };
  const counts: Record<string, number> = { red: 0, amber: 0, green: 0, complete: 0, total: kept.length, overdue: 0 };
  for (const a of kept) {
    counts[a.status]++;
    counts.overdue += Number(overdue(a));
  }
  return { ids: [...kept].sort(cmp).map((a) => a.id), counts };
}

describe('GET /api/actions filters, counts and cursors (seeded database)', function () {
  this.timeout(60_000);
  let server: TestServer;
  let tokens: Record<TrackerRole, string>;
  let rows: DbAction[];
  let today: string;

  /** Follows nextCursor to the end; returns every id in order and the counts of each page. */
  async function walk(query: string, limit: number, role: TrackerRole = 'board') {
    const ids: number[] = [];
    const counts: unknown[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 200; page++) {
      const url = `/api/actions?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await server.request('GET', url, { token: tokens[role] });
      assert.equal(res.status, 200, res.text);
      assert.ok(res.body.items.length <= limit);
      ids.push(...res.body.items.map((i: { id: number }) => i.id));
      counts.push(res.body.counts);
      cursor = res.body.nextCursor;
      if (!cursor) {
        return { ids, counts };
      }
    }
    throw new Error('too many pages');
  }

  before(async () => {
    server = await startTestServer();
    await bulkSeedActions(server.db, { actions: 900, plans: 24, agencies: 12, seed: 7 });
    tokens = await roleTokens(server);
    rows = await allActions(server);
    today = dateInZone(new Date(), 'Europe/London');
  });
  after(async () => {
    await server?.stop();
  });

  const cases: [string, string, (a: DbAction) => boolean][] = [
    ['no filter', '', () => true],
    ['one agency', 'agency=POLICE', (a) => a.agency_code === 'POLICE'],
    ['two agencies as a comma list', 'agency=POLICE,ACUTE', (a) => ['POLICE', 'ACUTE'].includes(a.agency_code)],
    ['statuses as repeated parameters', 'status=red&status=amber', (a) => ['red', 'amber'].includes(a.status)],
    ['statuses as a comma list', 'status=green,complete', (a) => ['green', 'complete'].includes(a.status)],
    ['a source type', 'source=section11', (a) => a.source_type === 'section11'],
    ['overdue only', 'overdue=true', (a) => a.status !== 'complete' && a.due_date < today],
    ['not overdue', 'overdue=false', (a) => !(a.status !== 'complete' && a.due_date < today)],
    ['agency, status and overdue together', 'agency=POLICE&status=red,amber&overdue=true', (a) => a.agency_code === 'POLICE' && ['red', 'amber'].includes(a.status) && a.due_date < today],
    ['text in the action', 'q=ACTION%2017', (a) => a.description.toLowerCase().includes('action 17')],
    ['text in the plan title', 'q=neglect', (a) => /neglect/i.test(a.description + a.plan_title + a.source_ref + a.rec_text)],
    ['text with a LIKE wildcard taken literally', 'q=100%25', (a) => (a.description + a.plan_title + a.source_ref + a.rec_text).includes('100%')],
  ];

  for (const [what, query, keep] of cases) {
    it(`should list and count exactly the matching actions when filtering by ${what}`, async () => {
      const want = expected(rows, today, keep);
      const got = await walk(query, 250 > want.ids.length ? 200 : 97);
      assert.deepEqual(got.ids, want.ids);
      assert.deepEqual(got.counts[0], want.counts);
    });
  }

  it('should filter by plan and by owner', async () => {
    const planId = rows[0].plan_id;
    const ownerId = rows.find((a) => a.owner_person_id !== null)?.owner_person_id as number;
    const byPlan = await walk(`plan=${planId}`, 200);
    assert.deepEqual(byPlan.ids, expected(rows, today, (a) => a.plan_id === planId).ids);
    const byOwner = await walk(`owner=${ownerId}`, 200);
    assert.deepEqual(byOwner.ids, expected(rows, today, (a) => a.owner_person_id === ownerId).ids);
  });

  it("should take owner=me as the caller's own actions", async () => {
    const [me] = (await server.db.query("SELECT id FROM people WHERE aad_object_id = 'dev-agency-lead-police'")) as { id: number }[];
    const got = await walk('owner=me', 200, 'agency_lead');
    assert.deepEqual(got.ids, expected(rows, today, (a) => a.owner_person_id === me.id).ids);
    assert.ok(got.ids.length > 0);
  });

  for (const [sort, groupBy] of [['overdue', 'none'], ['due', 'none'], ['-due', 'none'], ['status', 'none'], ['overdue', 'plan'], ['status', 'agency']]) {
    it(`should page through every action once, in order, sorted ${sort} and grouped by ${groupBy}`, async () => {
      const want = expected(rows, today, () => true, sort, groupBy);
      const got = await walk(`sort=${encodeURIComponent(sort)}&groupBy=${groupBy}`, 61);
      assert.equal(new Set(got.ids).size, got.ids.length, 'no action twice');
      assert.deepEqual(got.ids, want.ids);
      for (const c of got.counts) {
        assert.deepEqual(c, want.counts, 'every page counts the whole filtered set');
      }
    });
  }

  it('should put overdue actions first by default', async () => {
    const res = await server.request('GET', '/api/actions?limit=200', { token: tokens.practitioner });
    const flags = res.body.items.map((i: { overdue: boolean }) => i.overdue);
    const firstNotOverdue = flags.indexOf(false);
    assert.ok(firstNotOverdue > 0);
    assert.ok(flags.slice(firstNotOverdue).every((f: boolean) => !f));
  });

  it('should show no private fields in the list and say which actions the caller may change', async () => {
    const res = await server.request('GET', '/api/actions?agency=POLICE,ACUTE&limit=50', { token: tokens.agency_lead });
    for (const item of res.body.items) {
      assert.equal(item.canEdit, item.leadAgency.code === 'POLICE');
      for (const field of ['progressNote', 'evidence', 'override', 'revisedTargetReason']) {
        assert.equal(field in item, false, field);
      }
    }
  });

  const bad: [string, string, RegExp][] = [
    ['an unknown status', 'status=purple', /status/],
    ['an unknown agency code', 'agency=NOPE', /Unknown agency/],
    ['a limit above 200', 'limit=500', /limit/],
    ['a limit of 0', 'limit=0', /limit/],
    ['overdue=yes', 'overdue=yes', /overdue/],
    ['an unknown parameter', 'colour=red', /colour/],
    ['a repeated single parameter', 'q=a&q=b', /more than once/],
    ['a forged cursor', 'cursor=eyJvIjoibm9uZTpkdWUiLCJ2IjpbMV19', /cursor/],
    ['a cursor of another order', '', /cursor/],
    ['a plan id that is not a number', 'plan=abc', /plan/],
  ];
  for (const [what, query, message] of bad) {
    it(`should answer 400 with a clear message for ${what}`, async () => {
      let q = query;
      if (what === 'a cursor of another order') {
        const first = await server.request('GET', '/api/actions?sort=due&limit=5', { token: tokens.board });
        q = `sort=status&cursor=${encodeURIComponent(first.body.nextCursor)}`;
      }
      const res = await server.request('GET', `/api/actions?${q}`, { token: tokens.board });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.error, 'validation_error');
      assert.match(res.body.message, message);
    });
  }
});
