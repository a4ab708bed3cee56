import assert from 'node:assert/strict';

import { personalMessage } from '../helpers/activities';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import { buildNotificationAnswers } from '../helpers/notifications';
import { assertSchemaValid, validateActivity, validateAdaptiveCard } from '../helpers/schemas';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

type Card = Record<string, any>;

describe('"my reviews" in the bot (panel members)', function () {
  this.timeout(60_000);
  let server: TestServer;
  let connector: FakeConnector;
  let scrRef: string;
  let reviewRef: string;

  async function say(userId: string, text: string): Promise<Record<string, any>> {
    connector.reset();
    const res = await server.request('POST', '/api/messages', { body: personalMessage({ serviceUrl: connector.url, userId, text }) });
    assert.equal(res.status, 200);
    const [call] = await connector.waitFor(1);
    assertSchemaValid(validateActivity(call.activity, { incoming: false }), 'reply');
    return call.activity;
  }

  before(async () => {
    connector = await startFakeConnector();
    server = await startTestServer();
    const police = await devToken(server, 'dev-practitioner-police');
    const bu = await devToken(server, 'dev-business-unit');
    const created = await server.request('POST', '/api/notifications', {
      token: police,
      body: buildNotificationAnswers({ summary: 'Toddler Jayden Smith admitted with fractures; lives at 4 Elm Road.' }),
    });
    scrRef = created.body.reference;
    await server.request('POST', `/api/notifications/${scrRef}/decision`, { token: bu, body: { action: 'accept' } });
    const [row] = await server.db.query('SELECT r.id FROM reviews r JOIN notifications n ON n.id = r.notification_id WHERE n.reference = ?', [scrRef]);
    const added = await server.request('POST', `/api/reviews/${row.id}/panel`, {
      token: bu,
      body: { aadObjectId: 'dev-panel-member', panelRole: 'Health representative', email: 'mo.hussain@icb.example' },
    });
    assert.equal(added.status, 201, added.text);
    reviewRef = added.body.reference;
    const meeting = await server.request('POST', `/api/reviews/${row.id}/meetings`, {
      token: bu,
      body: { kind: 'panel', date: '2031-03-04', time: '10:00', durationMinutes: 90, location: 'Board room' },
    });
    assert.equal(meeting.status, 201, meeting.text);
  });
  after(async () => {
    await server?.stop();
    await connector?.close();
  });

  it('should answer a panel member with a card of the reviews they sit on and the next meeting', async () => {
    const activity = await say('dev-panel-member', 'my reviews');
    assert.equal(activity.attachments.length, 1);
    const card = activity.attachments[0].content as Card;
    assertSchemaValid(validateAdaptiveCard(card), 'my reviews card');
    const text = JSON.stringify(card);
    assert.match(text, new RegExp(`${reviewRef} · Serious Case Review \\(${scrRef}\\)`));
    assert.match(text, /Panel meeting, Tue 4 Mar 2031 10:00/);
    assert.match(text, /Health representative/);
    assert.match(card.body[1].text, /^1 running review; next meeting Tue 4 Mar 2031 10:00/);
    assert.deepEqual(card.actions, [{ type: 'Action.OpenUrl', title: 'Open Reviews', url: `${server.url}/tabs/?page=reviews` }]);
  });

  it('should keep names, addresses and case details off the card', async () => {
    const card = (await say('dev-panel-member', 'My Reviews')).attachments[0].content as Card;
    const text = JSON.stringify(card);
    const people = (await server.db.query('SELECT display_name FROM people')) as { display_name: string }[];
    for (const p of people) {
      assert.doesNotMatch(text, new RegExp(p.display_name), p.display_name);
    }
    assert.doesNotMatch(text, /Jayden|Elm Road|fractures|mo\.hussain|Board room/);
  });

  it('should tell a practitioner what the command is for instead of a card', async () => {
    const activity = await say('dev-practitioner-police', 'my reviews');
    assert.equal(activity.attachments?.length ?? 0, 0);
    assert.match(activity.text, /is for panel members/);
  });

  it('should show an empty card to a panel member who sits on no running review', async () => {
    await devToken(server, { userId: 'panel-nothing', name: 'Pat Nobody', agency: 'HOUSING', roles: ['panel_member'] });
    const card = (await say('panel-nothing', 'my reviews')).attachments[0].content as Card;
    assertSchemaValid(validateAdaptiveCard(card), 'empty card');
    assert.match(JSON.stringify(card), /You do not sit on the panel of any running review/);
  });
});
