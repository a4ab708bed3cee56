import assert from 'node:assert/strict';

import { dateInZone } from '../../src/domain/actions/rag-rule';
import { addDays } from '../../src/domain/calendar/iso-date';
import { executeInvoke, personalMessage } from '../helpers/activities';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  assertSchemaValid,
  validateActivity,
  validateAdaptiveCard,
  validateInvokeResponse,
} from '../helpers/schemas';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { actionOf } from '../helpers/tracker';

type Card = Record<string, any>;

/** @returns every Action.Execute in a card, with the inputs of its show-card */
function executes(card: Card): { verb: string; data: { actionId: number; version: number }; inputs: string[] }[] {
  const out: { verb: string; data: { actionId: number; version: number }; inputs: string[] }[] = [];
  const walk = (node: unknown, inputs: string[]): void => {
    if (Array.isArray(node)) {
      node.forEach((n) => walk(n, inputs));
      return;
    }
    if (!node || typeof node !== 'object') {
      return;
    }
    const n = node as Card;
    if (n.type === 'Action.ShowCard') {
      const ids = (n.card.body as Card[]).map((b) => b.id).filter(Boolean);
      walk(n.card.actions, ids);
      return;
    }
    if (n.type === 'Action.Execute') {
      out.push({ verb: n.verb, data: n.data, inputs });
    }
    Object.values(n).forEach((v) => walk(v, inputs));
  };
  walk(card.body, []);
  return out;
}

describe('"my actions" in the bot (agency leads)', function () {
  this.timeout(60_000);
  let server: TestServer;
  let connector: FakeConnector;

  async function say(userId: string, text: string) {
    connector.reset();
    const res = await server.request('POST', '/api/messages', { body: personalMessage({ serviceUrl: connector.url, userId, text }) });
    assert.equal(res.status, 200);
    const [call] = await connector.waitFor(1);
    assertSchemaValid(validateActivity(call.activity, { incoming: false }), 'reply');
    return call.activity;
  }

  async function execute(userId: string, data: Record<string, unknown>): Promise<Card> {
    const activity = executeInvoke({ serviceUrl: connector.url, userId, verb: 'myActions.update', data });
    const res = await server.request('POST', '/api/messages', { body: activity });
    assert.equal(res.status, 200, res.text);
    assertSchemaValid(validateInvokeResponse(res.body), 'invoke response');
    assert.equal(res.body.type, ADAPTIVE_CARD_CONTENT_TYPE);
    assertSchemaValid(validateAdaptiveCard(res.body.value), 'refreshed card');
    return res.body.value;
  }

  const texts = (card: Card) => JSON.stringify(card);

  before(async () => {
    connector = await startFakeConnector();
    server = await startTestServer();
  });
  after(async () => {
    await server?.stop();
    await connector?.close();
  });

  it("should answer an agency lead with a card of their agency's red and due-soon actions and a link to the tracker", async () => {
    const activity = await say('dev-agency-lead-police', 'my actions');
    const card = activity.attachments[0].content as Card;
    assertSchemaValid(validateAdaptiveCard(card), 'my actions card');
    assert.match(card.body[0].text, /County Police/);
    const items = executes(card);
    const dueBy = addDays(dateInZone(new Date(), 'Europe/London'), 14);
    const police = (await server.db.query("SELECT a.id FROM actions a JOIN agencies g ON g.id = a.lead_agency_id WHERE g.code = 'POLICE' AND (a.status = 'red' OR (a.status <> 'complete' AND a.due_date <= ?))", [dueBy])) as { id: number }[];
    assert.deepEqual(items.map((i) => i.data.actionId).sort(), police.map((p) => p.id).sort());
    assert.ok(items.length > 0);
    assert.deepEqual(card.actions, [{ type: 'Action.OpenUrl', title: 'Open the tracker', url: `${server.url}/tabs/?page=tracker` }]);
  });

  it('should keep names and private notes off the card', async () => {
    const card = (await say('dev-agency-lead-police', 'my actions')).attachments[0].content as Card;
    const people = (await server.db.query('SELECT display_name FROM people')) as { display_name: string }[];
    for (const p of people) {
      assert.doesNotMatch(texts(card), new RegExp(p.display_name), p.display_name);
    }
    assert.doesNotMatch(texts(card), /subgroup chair/, 'no progress notes or override reasons');
  });

  it('should save a quick status update from the card and answer with the card refreshed', async () => {
    const card = (await say('dev-agency-lead-police', 'my actions')).attachments[0].content as Card;
    const first = executes(card)[0];
    assert.deepEqual(first.inputs, [`status_${first.data.actionId}`, `note_${first.data.actionId}`]);
    const refreshed = await execute('dev-agency-lead-police', {
      ...first.data,
      [`status_${first.data.actionId}`]: 'amber',
      [`note_${first.data.actionId}`]: 'Extra trainers found for next week',
    });
    assert.match(texts(refreshed), new RegExp(`Saved: action ${first.data.actionId} is now amber`));
    const [row] = await server.db.query('SELECT status, version, progress_note FROM actions WHERE id = ?', [first.data.actionId]);
    assert.deepEqual([row.status, row.version, row.progress_note], ['amber', first.data.version + 1, 'Extra trainers found for next week']);
    const again = executes(refreshed).find((e) => e.data.actionId === first.data.actionId);
    assert.equal(again?.data.version, first.data.version + 1, 'the refreshed card carries the new version');
  });

  it('should refuse a stale card with a friendly message and the latest state', async () => {
    const action = await actionOf(server, 'POLICE', (a) => a.status !== 'complete');
    const card = await execute('dev-agency-lead-police', {
      actionId: action.id,
      version: action.version + 7,
      [`status_${action.id}`]: 'green',
      [`note_${action.id}`]: 'Done',
    });
    assert.match(texts(card), /Someone else changed this action/);
    const [row] = await server.db.query('SELECT version FROM actions WHERE id = ?', [action.id]);
    assert.equal(row.version, action.version);
  });

  it("should refuse a quick update to another agency's action", async () => {
    const action = await actionOf(server, 'ACUTE', (a) => a.status !== 'complete');
    const card = await execute('dev-agency-lead-police', {
      actionId: action.id,
      version: action.version,
      [`status_${action.id}`]: 'green',
      [`note_${action.id}`]: 'Not ours',
    });
    assert.match(texts(card), /only your own agency/);
    const [row] = await server.db.query('SELECT version FROM actions WHERE id = ?', [action.id]);
    assert.equal(row.version, action.version);
  });

  it('should answer forged or incomplete card data with a friendly card, never an error', async () => {
    for (const data of [{}, { actionId: 'abc', version: 1 }, { actionId: 1, version: 1, status_1: 'complete' }, { actionId: -4, version: 0 }]) {
      const card = await execute('dev-agency-lead-police', data);
      assert.match(texts(card), /could not be read|Choose red, amber or green/);
    }
  });

  it('should tell someone who is not an agency lead what the command is for, with the tracker link', async () => {
    const activity = await say('dev-practitioner-police', 'my actions');
    assert.match(activity.text, /for agency leads/);
    assert.match(activity.text, /\/tabs\/\?page=tracker/);
  });
});
