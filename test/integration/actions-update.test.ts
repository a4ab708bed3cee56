import assert from 'node:assert/strict';

import { dateInZone } from '../../src/domain/actions/rag-rule';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { actionOf, historyRows, roleTokens, type TrackerRole } from '../helpers/tracker';

describe('PATCH /api/actions/{id}: changes, concurrency and the append-only history', function () {
  this.timeout(60_000);
  let server: TestServer;
  let tokens: Record<TrackerRole, string>;

  const get = async (id: number, role: TrackerRole = 'agency_lead') =>
    (await server.request('GET', `/api/actions/${id}`, { token: tokens[role] })).body;
  const patch = (id: number, body: unknown, role: TrackerRole = 'agency_lead') =>
    server.request('PATCH', `/api/actions/${id}`, { token: tokens[role], body });

  before(async () => {
    server = await startTestServer();
    tokens = await roleTokens(server);
  });
  after(async () => {
    await server?.stop();
  });

  it('should let exactly one of two updates with the same version win and answer the other 409 with the current action', async () => {
    const action = await actionOf(server, 'POLICE', (a) => a.status === 'amber');
    const [a, b] = await Promise.all([
      patch(action.id, { version: action.version, status: 'green', note: 'Briefings done in every station' }),
      patch(action.id, { version: action.version, status: 'red', note: 'Trainer off sick' }, 'business_unit'),
    ]);
    const statuses = [a.status, b.status].sort();
    assert.deepEqual(statuses, [200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 409 ? a : b;
    assert.equal(loser.body.error, 'conflict');
    assert.match(loser.body.message, /Someone else changed this action/);
    assert.equal(loser.body.details.current.version, action.version + 1);
    assert.equal(loser.body.details.current.status, winner.body.status);
    const stored = await get(action.id);
    assert.equal(stored.version, action.version + 1);
    assert.equal(stored.status, winner.body.status);
    const notes = (await historyRows(server, action.id)).map((h) => h.note);
    assert.equal(notes.includes('Briefings done in every station') && notes.includes('Trainer off sick'), false, 'only the winner is in the history');
  });

  it('should answer 409 with the current version for a stale version sent later', async () => {
    const action = await actionOf(server, 'POLICE', (a) => a.status === 'red');
    const first = await patch(action.id, { version: action.version, note: 'Plan agreed' });
    assert.equal(first.status, 200);
    const stale = await patch(action.id, { version: action.version, note: 'Another note' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.details.current.version, first.body.version);
    assert.equal(stale.body.details.current.progressNote, 'Plan agreed');
  });

  it('should show the override and the rule side by side, with the reason to those with full view only', async () => {
    const today = dateInZone(new Date(), 'Europe/London');
    const action = await actionOf(server, 'POLICE', (a) => a.status !== 'complete' && a.due_date < today);
    const current = await get(action.id);
    const res = await patch(action.id, { version: current.version, status: 'green', note: 'Extension agreed verbally by the chair' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status, 'green');
    assert.equal(res.body.ruleStatus, 'red');
    assert.equal(res.body.override.status, 'green');
    assert.equal(res.body.override.reason, 'Extension agreed verbally by the chair');
    assert.equal(res.body.override.by, 'Alex Morgan');
    const other = await get(action.id, 'other_agency_lead');
    assert.equal(other.fullView, false);
    assert.equal(other.override.status, 'green');
    assert.equal(other.override.reason, null);
    assert.equal(other.progressNote, null);
    const history = await server.request('GET', `/api/actions/${action.id}/history`, { token: tokens.other_agency_lead });
    assert.ok(history.body.items.every((h: { note: unknown; field: string }) => h.note === null && h.field !== 'progress_note'));
  });

  it('should refuse an override without a reason with 400 and change nothing', async () => {
    const action = await actionOf(server, 'POLICE', (a) => a.status === 'green');
    const before = await get(action.id);
    const res = await patch(action.id, { version: before.version, status: 'red' });
    assert.equal(res.status, 400);
    assert.match(res.body.message, /reason/);
    assert.equal((await get(action.id)).version, before.version);
  });

  it('should move the due date, re-apply the rule and record why for a revised target', async () => {
    const action = await actionOf(server, 'EDUCATION', (a) => a.status === 'red');
    const current = await get(action.id, 'business_unit');
    const res = await patch(action.id, { version: current.version, revisedTargetDate: '2031-03-31', revisedTargetReason: 'New protocol needs the schools forum' }, 'business_unit');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.dueDate, '2031-03-31');
    assert.equal(res.body.targetDate, action.due_date, 'the original target is kept');
    assert.equal(res.body.ruleStatus, 'green');
    assert.equal(res.body.overdue, false);
    const lines = await historyRows(server, action.id);
    const target = lines.find((h) => h.field === 'target_date');
    assert.equal(target?.note, 'New protocol needs the schools forum');
    assert.equal(lines.find((h) => h.field === 'rule_status')?.actor_id, 'system');
  });

  it('should let an agency lead propose completion with evidence, and the board then sign it off', async () => {
    const action = await actionOf(server, 'POLICE', (a) => a.status !== 'complete');
    let current = await get(action.id);
    const noEvidence = await patch(action.id, { version: current.version, proposeCompletion: true });
    assert.equal(noEvidence.status, 400);
    assert.match(noEvidence.body.message, /evidence/);
    const proposed = await patch(action.id, {
      version: current.version,
      proposeCompletion: true,
      evidence: { text: 'All officers briefed', links: ['https://intranet.example.org/briefing'] },
    });
    assert.equal(proposed.status, 200, proposed.text);
    assert.ok(proposed.body.completionProposedAt);
    assert.notEqual(proposed.body.status, 'complete');
    current = await get(action.id, 'board');
    const done = await patch(action.id, { version: current.version, status: 'complete', note: 'Accepted by the board' }, 'board');
    assert.equal(done.status, 200, done.text);
    assert.equal(done.body.status, 'complete');
    assert.ok(done.body.signedOffAt);
  });

  it('should write the change, its history lines and an audit entry together', async () => {
    const action = await actionOf(server, 'ACUTE', (a) => a.status !== 'complete');
    const current = await get(action.id, 'business_unit');
    const auditBefore = Number((await server.db.query("SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'action' AND entity_id = ?", [String(action.id)]))[0].n);
    const res = await patch(action.id, { version: current.version, note: 'Training dates booked' }, 'business_unit');
    assert.equal(res.status, 200);
    const audit = await server.db.query("SELECT actor_id, action, detail_json FROM audit_log WHERE entity_type = 'action' AND entity_id = ? ORDER BY id", [String(action.id)]);
    assert.equal(audit.length, auditBefore + 1);
    assert.equal(audit[audit.length - 1].action, 'action.updated');
    assert.doesNotMatch(audit[audit.length - 1].detail_json, /Training dates booked/, 'no free text in the audit log');
    const note = (await historyRows(server, action.id)).find((h) => h.field === 'progress_note');
    assert.equal(note?.to_value, 'Training dates booked');
    assert.equal(note?.actor_name, 'Beth Lewis');
  });

  it('should never change or remove a history line: earlier lines are identical after later updates', async () => {
    const action = await actionOf(server, 'LA-CSC', (a) => a.status !== 'complete');
    let version = (await get(action.id, 'business_unit')).version;
    const snapshots: Record<string, unknown>[][] = [];
    for (const note of ['First step done', 'Second step done', 'Third step done']) {
      const res = await patch(action.id, { version, note }, 'business_unit');
      assert.equal(res.status, 200);
      version = res.body.version;
      snapshots.push(await historyRows(server, action.id));
    }
    for (let i = 1; i < snapshots.length; i++) {
      assert.deepEqual(snapshots[i].slice(0, snapshots[i - 1].length), snapshots[i - 1]);
      assert.ok(snapshots[i].length > snapshots[i - 1].length);
    }
  });

  it('should offer no way to change or delete history over HTTP', async () => {
    const action = await actionOf(server, 'POLICE');
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const res = await server.request(method, `/api/actions/${action.id}/history`, { token: tokens.business_unit, body: method === 'DELETE' ? undefined : {} });
      assert.ok([404, 405].includes(res.status), `${method} ⇒ ${res.status}`);
    }
    const del = await server.request('DELETE', `/api/actions/${action.id}`, { token: tokens.business_unit });
    assert.ok([404, 405].includes(del.status), `DELETE action ⇒ ${del.status}`);
  });

  const badBodies: [string, unknown, RegExp][] = [
    ['no version', { note: 'x' }, /version/],
    ['an unknown status', { version: 1, status: 'blue' }, /status/],
    ['a revised date without a reason', { version: 1, revisedTargetDate: '2030-01-01' }, /reason/],
    ['a date that does not exist', { version: 1, revisedTargetDate: '2030-02-30', revisedTargetReason: 'x' }, /date/],
    ['a javascript: evidence link', { version: 1, evidence: { links: ['javascript:alert(1)'] } }, /link/],
    ['an unknown field', { version: 1, note: 'x', owner: 3 }, /owner/],
    ['an empty note', { version: 1, note: '   ' }, /note/],
  ];
  for (const [what, body, message] of badBodies) {
    it(`should answer 400 for ${what}`, async () => {
      const action = await actionOf(server, 'POLICE');
      const res = await patch(action.id, body);
      assert.equal(res.status, 400, res.text);
      assert.match(res.body.message, message);
    });
  }

  it('should answer 404 for an action that does not exist', async () => {
    const res = await patch(999_999, { version: 1, note: 'x' });
    assert.equal(res.status, 404);
    assert.equal((await server.request('GET', '/api/actions/999999/history', { token: tokens.practitioner })).status, 404);
  });
});
