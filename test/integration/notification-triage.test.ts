import assert from 'node:assert/strict';

import { loadActivity } from '../helpers/activities';
import { actionOf, cardOf, ChatUser, inputsOf, press, textsOf } from '../helpers/chat';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import {
  assertSchemaValid,
  validateActivity,
  validateAdaptiveCard,
  validateInvokeResponse,
} from '../helpers/schemas';
import { startTestServer, type TestServer } from '../helpers/start-server';

type Json = Record<string, any>;

const CHANNEL = '19:business-unit-channel@thread.tacv2';
const SUMMARY = 'Admitted to hospital with injuries.';

describe('business unit triage card (Action.Execute over POST /api/messages)', () => {
  let server: TestServer;
  let connector: FakeConnector;
  let notifier: ChatUser;
  let businessUnit: ChatUser;
  let practitioner: ChatUser;
  let reference: string;
  let triage: Json;

  const channelCards = () => connector.calls.filter((c) => c.conversationId === CHANNEL).map((c) => c.activity);

  async function waitUntil(check: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 100 && !check(); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(check(), `timed out waiting for ${what}`);
  }

  async function notify(user: ChatUser): Promise<string> {
    let [reply] = await user.say('notify a case');
    const incident = { incidentDate: '2026-11-02', awareDate: '2026-11-03', subjectAgeYears: '9', summary: SUMMARY };
    [reply] = await user.submit(press(cardOf(reply), 'Next', incident));
    const statutory = { abuseOrNeglect: 'yes', died: 'no', seriousHarm: 'yes', concernsAboutWorkingTogether: 'yes' };
    [reply] = await user.submit(press(cardOf(reply), 'Next', statutory));
    [reply] = await user.submit(press(cardOf(reply), 'Next', { agencies: 'POLICE,EDUCATION' }));
    [reply] = await user.submit(press(cardOf(reply), 'Check your answers', { learningPotential: 'no' }));
    [reply] = await user.submit(press(cardOf(reply), 'Send notification'));
    const facts = cardOf(reply).body.find((b: Json) => b.type === 'FactSet').facts as Json[];
    return facts.find((f) => f.title === 'Reference')?.value as string;
  }

  before(async () => {
    connector = await startFakeConnector();
    server = await startTestServer({ BUSINESS_UNIT_CONVERSATION_ID: CHANNEL });
    const install = loadActivity('conversation-update-bot-added-to-team.json');
    install.serviceUrl = connector.url;
    install.conversation.id = CHANNEL;
    assert.equal((await server.request('POST', '/api/messages', { body: install })).status, 200);
    notifier = new ChatUser(server, connector, 'dev-practitioner-police');
    businessUnit = new ChatUser(server, connector, 'dev-business-unit', CHANNEL);
    practitioner = new ChatUser(server, connector, 'dev-practitioner-school', CHANNEL);
  });
  after(async () => {
    await server.stop();
    await connector.close();
  });
  beforeEach(async () => {
    const before = channelCards().length;
    reference = await notify(notifier);
    await waitUntil(() => channelCards().length > before, 'the triage card');
    triage = cardOf(channelCards().at(-1));
  });

  const status = async () =>
    ((await server.db.query('SELECT status, decided_route FROM notifications WHERE reference = ?', [reference])) as Json[])[0];

  it('should post a valid triage card with the reference, route, reasons, clocks and agencies but no summary', () => {
    // The proactive message's recipient is copied from Teams' conversationUpdate, which has no
    // `name`, so the incoming relaxation applies to it.
    assertSchemaValid(validateActivity(channelCards().at(-1), { incoming: true }), 'triage activity');
    assertSchemaValid(validateAdaptiveCard(triage), 'triage card');
    const text = JSON.stringify(triage);
    assert.match(text, new RegExp(reference));
    assert.match(text, /Serious Case Review/);
    assert.match(text, /County Police, Schools and Education/);
    assert.match(text, /working days? left|overdue|due today/);
    assert.doesNotMatch(text, /hospital|injur/i, 'no free-text summary in the channel');
    assert.doesNotMatch(text, /"9 years"|subjectAge/, 'no exact age');
    assert.equal(triage.refresh.action.verb, 'notification.refresh');
    assert.ok(triage.refresh.userIds.includes('dev-business-unit'));
    assert.equal(actionOf(triage, 'Accept route').type, 'Action.Execute');
    assert.equal(actionOf(triage, 'Save route').type, 'Action.Execute');
    assert.equal(actionOf(triage, 'Send request').type, 'Action.Execute');
  });

  it('should store an accepted route, answer with the refreshed card and tell the notifier', async () => {
    const before = notifier.replies().length;
    const res = await businessUnit.execute('notification.accept', actionOf(triage, 'Accept route').data);

    assert.equal(res.status, 200);
    assertSchemaValid(validateInvokeResponse(res.body), 'invoke response');
    assert.equal(res.body.type, 'application/vnd.microsoft.card.adaptive');
    const texts = textsOf(res.body.value).join('\n');
    assert.match(texts, /Route accepted: Serious Case Review/);
    assert.match(texts, /by Beth Lewis/);
    assert.equal(res.body.value.actions?.length ?? 0, 0, 'no decision buttons once decided');
    assert.deepEqual(await status(), { status: 'decided', decided_route: 'SCR' });

    await waitUntil(() => notifier.replies().length > before, 'the notifier update');
    const update = notifier.replies().at(-1)!;
    assertSchemaValid(validateActivity(update, { incoming: false }), 'update activity');
    assertSchemaValid(validateAdaptiveCard(cardOf(update)), 'update card');
    assert.match(JSON.stringify(cardOf(update)), new RegExp(`${reference}[\\s\\S]*accepted the recommended route: Serious Case Review`));
  });

  it('should show everyone the decision and who made it when the card refreshes', async () => {
    await businessUnit.execute('notification.accept', actionOf(triage, 'Accept route').data);

    for (const viewer of [businessUnit, practitioner]) {
      const res = await viewer.execute('notification.refresh', triage.refresh.action.data);
      assertSchemaValid(validateInvokeResponse(res.body), 'refresh response');
      assert.match(textsOf(res.body.value).join('\n'), /Route accepted: Serious Case Review[\s\S]*by Beth Lewis/);
    }
  });

  it('should refuse a practitioner who presses a decision button and change nothing', async () => {
    const res = await practitioner.execute('notification.accept', actionOf(triage, 'Accept route').data);

    assert.equal(res.status, 200);
    assertSchemaValid(validateInvokeResponse(res.body), 'refusal response');
    assert.equal(res.body.type, 'application/vnd.microsoft.activity.message');
    assert.match(res.body.value, /Only the business unit/);
    assert.deepEqual(await status(), { status: 'new', decided_route: null });
  });

  it('should store another route with its reason and tell the notifier the reason', async () => {
    const before = notifier.replies().length;
    const data = press(triage, 'Save route', { route: 'LEARNING_LESSONS_REVIEW', reason: 'Criteria not met after checks.' });
    const res = await businessUnit.execute('notification.change', data);

    assertSchemaValid(validateInvokeResponse(res.body), 'change response');
    assert.match(textsOf(res.body.value).join('\n'), /Route changed to Learning Lessons Review/);
    assert.deepEqual(await status(), { status: 'decided', decided_route: 'LEARNING_LESSONS_REVIEW' });
    await waitUntil(() => notifier.replies().length > before, 'the notifier update');
    assert.match(JSON.stringify(cardOf(notifier.replies().at(-1))), /Criteria not met after checks/);
  });

  it('should keep the chosen route and show the message beside the reason when the reason is missing', async () => {
    const data = press(triage, 'Save route', { route: 'CDOP', reason: '  ' });
    const res = await businessUnit.execute('notification.change', data);

    assertSchemaValid(validateInvokeResponse(res.body), 'refused change response');
    const inputs = inputsOf(res.body.value);
    assert.equal(inputs.route.value, 'CDOP');
    const showCard = res.body.value.actions.find((a: Json) => a.title === 'Choose another route').card;
    const reasonIndex = showCard.body.findIndex((b: Json) => b.id === 'reason');
    assert.match(showCard.body[reasonIndex + 1].text, /reason for choosing another route/);
    assert.deepEqual(await status(), { status: 'new', decided_route: null });
  });

  it('should ask the notifier for more information and keep the card open for a decision', async () => {
    const before = notifier.replies().length;
    const data = press(triage, 'Send request', { message: 'Which other agencies were involved?' });
    const res = await businessUnit.execute('notification.request_info', data);

    assert.match(textsOf(res.body.value).join('\n'), /Waiting for more information/);
    actionOf(res.body.value, 'Accept route');
    assert.equal((await status()).status, 'awaiting_information');
    await waitUntil(() => notifier.replies().length > before, 'the notifier update');
    assert.match(JSON.stringify(cardOf(notifier.replies().at(-1))), /Which other agencies were involved\?/);
  });

  it('should show the current state when a second person decides on an old card', async () => {
    await businessUnit.execute('notification.accept', actionOf(triage, 'Accept route').data);
    const data = press(triage, 'Save route', { route: 'CDOP', reason: 'Only the death needs review.' });

    const res = await businessUnit.execute('notification.change', data);

    assertSchemaValid(validateInvokeResponse(res.body), 'stale response');
    assert.match(textsOf(res.body.value).join('\n'), /Someone else changed this notification first/);
    assert.deepEqual(await status(), { status: 'decided', decided_route: 'SCR' });
  });

  it('should answer a forged press with no valid reference with a 400 error response', async () => {
    const res = await businessUnit.execute('notification.accept', { reference: "N-2026-0001'; DROP TABLE" });
    // the outcome is in the body; HTTP is 200 as the Universal Action Model asks
    assert.equal(res.status, 200);
    assertSchemaValid(validateInvokeResponse(res.body), 'error response');
    assert.equal(res.body.statusCode, 400);
  });
});
