import assert from 'node:assert/strict';

import { executeInvoke, loadActivity, personalMessage } from '../helpers/activities';
import { assertSchemaValid, validateInvokeResponse } from '../helpers/schemas';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import { startTestServer, type TestServer } from '../helpers/start-server';

describe('POST /api/messages (dev mode, no bot credentials)', () => {
  let server: TestServer;
  let connector: FakeConnector;
  before(async () => {
    connector = await startFakeConnector();
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
    await connector.close();
  });
  beforeEach(() => connector.reset());

  it('should send the welcome card when the bot is installed in a personal chat', async () => {
    const activity = loadActivity('conversation-update-bot-added-personal.json');
    activity.serviceUrl = connector.url;
    activity.conversation.id = 'a:install-test';
    // the docs' example writes the bot id two ways; in Teams both are the bot's id
    activity.recipient.id = activity.membersAdded[0].id;
    const res = await server.request('POST', '/api/messages', { body: activity });
    assert.equal(res.status, 200);
    const [call] = await connector.waitFor(1);
    assert.equal(call.conversationId, 'a:install-test');
    const card = call.activity.attachments[0];
    assert.equal(card.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.match(JSON.stringify(card.content), /Safeguarding Learning/);
  });

  it('should answer help with the welcome card listing what the bot can do', async () => {
    const res = await server.request('POST', '/api/messages', {
      body: personalMessage({ serviceUrl: connector.url, userId: 'dev-practitioner-police', text: 'help' }),
    });
    assert.equal(res.status, 200);
    const [call] = await connector.waitFor(1);
    const text = JSON.stringify(call.activity.attachments[0].content);
    assert.match(text, /Priya Patel/, 'greets the sample user by the name stored in the database');
    assert.match(text, /help/);
  });

  it('should reply helpfully to text it does not understand', async () => {
    await server.request('POST', '/api/messages', {
      body: personalMessage({ serviceUrl: connector.url, userId: 'dev-practitioner-police', text: 'what is the weather' }),
    });
    const [call] = await connector.waitFor(1);
    assert.match(call.activity.text, /didn't understand/);
    assert.match(call.activity.text, /help/);
  });

  it('should store the conversation reference for proactive messages', async () => {
    await server.request('POST', '/api/messages', {
      body: personalMessage({ serviceUrl: connector.url, userId: 'ref-user-1', text: 'hello', conversationId: 'a:ref-conv-1' }),
    });
    await connector.waitFor(1);
    const rows = await server.db.query('SELECT conversation_id, conversation_type, aad_object_id, service_url FROM conversation_refs WHERE conversation_id = ?', ['a:ref-conv-1']);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].aad_object_id, 'ref-user-1');
    assert.equal(rows[0].service_url, connector.url);
  });

  it('should store a channel by its own id when someone @mentions the bot in a thread', async () => {
    const activity = loadActivity('message-channel-mention.json');
    activity.serviceUrl = connector.url;
    activity.text = `${activity.text.split('</at>')[0]}</at> help`;
    const res = await server.request('POST', '/api/messages', { body: activity });
    assert.equal(res.status, 200);
    await connector.waitFor(1);
    const channel = activity.conversation.id.split(';messageid=')[0];
    const rows = await server.db.query('SELECT conversation_id, conversation_type, reference_json FROM conversation_refs WHERE conversation_id = ?', [channel]);
    assert.equal(rows.length, 1, 'found by the bare channel id');
    assert.equal(rows[0].conversation_type, 'channel');
    assert.equal(JSON.parse(rows[0].reference_json).conversation.id, channel);
  });

  it('should answer an unknown Universal Action with HTTP 200 and a 400 error in the body', async () => {
    const res = await server.request('POST', '/api/messages', {
      body: executeInvoke({ serviceUrl: connector.url, userId: 'dev-practitioner-police', verb: 'no.such.verb' }),
    });
    assert.equal(res.status, 200);
    assertSchemaValid(validateInvokeResponse(res.body), 'invoke response');
    assert.equal(res.body.statusCode, 400);
    assert.equal(res.body.type, 'application/vnd.microsoft.error');
  });

  it('should send a proactive message to a stored personal chat, and throw when the connector refuses it', async () => {
    await server.request('POST', '/api/messages', {
      body: personalMessage({ serviceUrl: connector.url, userId: 'proactive-user', text: 'hello' }),
    });
    await connector.waitFor(1);
    connector.reset();
    assert.equal(await server.bot.proactive.toUser('proactive-user', { type: 'message', text: 'A reminder' }), 'sent');
    const [call] = await connector.waitFor(1);
    assert.equal(call.activity.text, 'A reminder');
    assert.equal(await server.bot.proactive.toUser('never-installed', { type: 'message', text: 'x' }), 'not_installed');
    connector.failNext(1, 403);
    await assert.rejects(server.bot.proactive.toUser('proactive-user', { type: 'message', text: 'refused' }));
  });

  const badBodies: [string, Record<string, string>, string | undefined][] = [
    ['malformed JSON', { 'content-type': 'application/json' }, '{"type": "message",'],
    ['a body that is not an activity', { 'content-type': 'application/json' }, '{"hello": "world"}'],
    ['a JSON array', { 'content-type': 'application/json' }, '[1,2,3]'],
    ['a wrong content type', { 'content-type': 'text/plain' }, 'type=message'],
    ['a missing content type', {}, '{"type":"message"}'],
    ['an empty body', { 'content-type': 'application/json' }, undefined],
  ];
  for (const [what, headers, rawBody] of badBodies) {
    it(`should answer 4xx with a message for ${what}`, async () => {
      const res = await server.request('POST', '/api/messages', { headers, rawBody });
      assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
      assert.equal(typeof res.body?.message, 'string');
    });
  }

  it('should answer 413 for an oversized body', async () => {
    const activity = personalMessage({ serviceUrl: connector.url, userId: 'u', text: 'x'.repeat(300 * 1024) });
    const res = await server.request('POST', '/api/messages', { body: activity });
    assert.equal(res.status, 413);
    assert.equal(res.body.error, 'payload_too_large');
  });
});
