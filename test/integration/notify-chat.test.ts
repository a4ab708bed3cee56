import assert from 'node:assert/strict';

import { personalMessage } from '../helpers/activities';
import { actionOf, cardOf, ChatUser, inputsOf, press, textsOf } from '../helpers/chat';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import { assertSchemaValid, validateActivity, validateAdaptiveCard } from '../helpers/schemas';
import { startTestServer, type TestServer } from '../helpers/start-server';

type Json = Record<string, any>;

const INCIDENT = { incidentDate: '2026-11-02', awareDate: '2026-11-03', subjectAgeYears: '9', summary: 'Admitted to hospital with injuries.' };
const STATUTORY = { abuseOrNeglect: 'yes', died: 'no', seriousHarm: 'yes', concernsAboutWorkingTogether: 'yes' };
const AGENCIES = { agencies: 'POLICE,LA-CSC' };
const LEARNING = { learningPotential: 'yes', reviewPeriodMonths: '6' };

/** Checks a bot reply is a valid outgoing activity whose card is valid Adaptive Card 1.5. */
function validCard(reply: Json | undefined, label: string): Json {
  assertSchemaValid(validateActivity(reply, { incoming: false }), `${label} activity`);
  const card = cardOf(reply);
  assertSchemaValid(validateAdaptiveCard(card), `${label} card`);
  return card;
}

/** Walks from `notify a case` to the "check your answers" card. */
async function fillIn(user: ChatUser): Promise<Json> {
  let [reply] = await user.say('notify a case');
  [reply] = await user.submit(press(cardOf(reply), 'Next', INCIDENT));
  [reply] = await user.submit(press(cardOf(reply), 'Next', STATUTORY));
  [reply] = await user.submit(press(cardOf(reply), 'Next', AGENCIES));
  [reply] = await user.submit(press(cardOf(reply), 'Check your answers', LEARNING));
  return cardOf(reply);
}

async function notificationsOf(server: TestServer, userId: string): Promise<{ reference: string; source: string }[]> {
  return server.db.query('SELECT reference, source FROM notifications WHERE notifier_aad_id = ?', [userId]);
}

describe('notify a case (chat flow over POST /api/messages)', () => {
  let server: TestServer;
  let connector: FakeConnector;
  let userCount = 0;
  /** a fresh practitioner (with the police agency) per test, so drafts never collide */
  let user: ChatUser;

  before(async () => {
    connector = await startFakeConnector();
    server = await startTestServer();
  });
  after(async () => {
    await server?.stop();
    await connector.close();
  });
  beforeEach(async () => {
    userCount += 1;
    const userId = `chat-practitioner-${userCount}`;
    const res = await server.request('POST', '/dev/token', {
      body: { userId, name: `Practitioner ${userCount}`, agency: 'POLICE', roles: ['practitioner'] },
    });
    assert.equal(res.status, 200);
    user = new ChatUser(server, connector, userId);
  });

  it('should walk through every step with valid cards and send one notification with its reference and route', async () => {
    let [reply] = await user.say('notify a case');
    let card = validCard(reply, 'incident');
    assert.ok(textsOf(card).some((t) => /Do not type any names/.test(t)), 'visible no-names reminder');
    assert.equal(inputsOf(card).summary.maxLength, 2000);
    assert.throws(() => actionOf(card, 'Back'), 'no Back on the first step');
    actionOf(card, 'Cancel');

    [reply] = await user.submit(press(card, 'Next', INCIDENT));
    card = validCard(reply, 'statutory');
    actionOf(card, 'Back');
    actionOf(card, 'Cancel');
    assert.equal(inputsOf(card).died.type, 'Input.ChoiceSet');
    assert.equal(inputsOf(card).diedInCustody.type, 'Input.Toggle');

    [reply] = await user.submit(press(card, 'Next', STATUTORY));
    card = validCard(reply, 'agencies');
    const agencyInput = inputsOf(card).agencies;
    assert.equal(agencyInput.isMultiSelect, true);
    assert.ok(agencyInput.choices.some((c: Json) => c.value === 'POLICE' && c.title === 'County Police'));

    [reply] = await user.submit(press(card, 'Next', AGENCIES));
    card = validCard(reply, 'learning');

    [reply] = await user.submit(press(card, 'Check your answers', LEARNING));
    card = validCard(reply, 'review');
    const facts = card.body.find((b: Json) => b.type === 'FactSet').facts as Json[];
    assert.deepEqual(facts.find((f) => f.title === 'Agencies involved')?.value, 'County Police, Children\'s Social Care');
    assert.ok(textsOf(card).includes(INCIDENT.summary));
    actionOf(card, 'Back');
    actionOf(card, 'Cancel');
    assert.equal((await notificationsOf(server, user.userId)).length, 0, 'nothing sent before Send');

    [reply] = await user.submit(press(card, 'Send notification'));
    card = validCard(reply, 'sent');
    const sentFacts = card.body.find((b: Json) => b.type === 'FactSet').facts as Json[];
    const reference = sentFacts.find((f) => f.title === 'Reference')?.value as string;
    assert.match(reference, /^N-\d{4}-\d{4}$/);
    assert.equal(sentFacts.find((f) => f.title === 'Recommended route')?.value, 'Serious Case Review');
    const texts = textsOf(card).join('\n');
    assert.match(texts, /What happens next/);
    assert.doesNotMatch(JSON.stringify(card), /hospital|injur/i, 'the confirmation holds no summary');
    assert.match(JSON.stringify(card), /working days? left|due today|overdue/);

    const stored = await notificationsOf(server, user.userId);
    assert.deepEqual(stored, [{ reference, source: 'chat' }]);
    const [draft] = await server.db.query(
      'SELECT status, notification_reference FROM notification_drafts WHERE aad_object_id = ?',
      [user.userId]
    );
    assert.deepEqual(draft, { status: 'submitted', notification_reference: reference });
  });

  it('should show the same step with the message beside the field and the typed values kept when an answer is invalid', async () => {
    const [start] = await user.say('notify a case');
    const typed = { incidentDate: '2026-11-02', awareDate: '2026-11-01', subjectAgeYears: '130', summary: 'Typed summary.' };
    const [reply] = await user.submit(press(cardOf(start), 'Next', typed));
    const card = validCard(reply, 'incident again');

    assert.match(textsOf(card)[1], /About the incident/);
    const body = card.body as Json[];
    const after = (id: string) => body[body.findIndex((b) => b.id === id) + 1];
    assert.match(after('awareDate').text, /can't be before the incident date/);
    assert.equal(after('awareDate').color, 'Attention');
    assert.match(after('subjectAgeYears').text, /120 or under/);
    const inputs = inputsOf(card);
    assert.equal(inputs.incidentDate.value, '2026-11-02');
    assert.equal(inputs.awareDate.value, '2026-11-01');
    assert.equal(inputs.subjectAgeYears.value, 130);
    assert.equal(inputs.summary.value, 'Typed summary.');
    const [draft] = await server.db.query('SELECT step, answers_json FROM notification_drafts WHERE aad_object_id = ?', [user.userId]);
    assert.deepEqual(draft, { step: 'incident', answers_json: '{}' }, 'nothing stored from a refused step');
  });

  it('should refuse a missing yes/no answer and an unknown agency code with messages beside the fields', async () => {
    let [reply] = await user.say('notify a case');
    [reply] = await user.submit(press(cardOf(reply), 'Next', INCIDENT));
    const { died: _died, ...missingDied } = STATUTORY;
    [reply] = await user.submit(press(cardOf(reply), 'Next', missingDied));
    let card = validCard(reply, 'statutory again');
    assert.ok(textsOf(card).some((t) => /did the child die/i.test(t)));
    assert.equal(inputsOf(card).abuseOrNeglect.value, 'yes', 'answers typed so far kept');

    [reply] = await user.submit(press(card, 'Next', STATUTORY));
    [reply] = await user.submit(press(cardOf(reply), 'Next', { agencies: 'POLICE,MI6' }));
    card = validCard(reply, 'agencies again');
    assert.ok(textsOf(card).some((t) => /MI6/.test(t)));
    assert.equal(inputsOf(card).agencies.value, 'POLICE,MI6');
  });

  it('should go back a step with the answers kept, and cancel without sending anything', async () => {
    let [reply] = await user.say('notify a case');
    [reply] = await user.submit(press(cardOf(reply), 'Next', INCIDENT));
    [reply] = await user.submit(press(cardOf(reply), 'Back'));
    const card = validCard(reply, 'back to incident');
    assert.equal(inputsOf(card).summary.value, INCIDENT.summary);
    assert.equal(inputsOf(card).subjectAgeYears.value, 9);

    [reply] = await user.submit(press(card, 'Cancel'));
    assert.match(reply.text, /Cancelled: nothing was sent/);
    assert.equal((await notificationsOf(server, user.userId)).length, 0);
    [reply] = await user.submit(press(card, 'Next', INCIDENT));
    assert.match(reply.text, /cancelled this notification/);
  });

  it('should create exactly one notification when Teams delivers the final submit twice or it is pressed twice', async () => {
    const review = await fillIn(user);
    const value = press(review, 'Send notification');
    const activity = personalMessage({
      serviceUrl: connector.url,
      userId: user.userId,
      conversationId: user.conversationId,
      value,
    });

    const [sent] = await user.send(activity);
    const [redelivered] = await user.send(activity);
    const [pressedAgain] = await user.submit(value);

    const stored = await notificationsOf(server, user.userId);
    assert.equal(stored.length, 1);
    validCard(sent, 'sent');
    assert.match(redelivered.text, new RegExp(`already sent this notification as \\*\\*${stored[0].reference}\\*\\*`));
    assert.match(pressedAgain.text, /already sent/);
  });

  it('should create exactly one notification when two presses of Send arrive at the same moment', async () => {
    const review = await fillIn(user);
    const value = press(review, 'Send notification');

    const before = user.replies().length;
    await Promise.all([user.submit(value), user.submit(value), user.submit(value)]);
    const replies = user.replies().slice(before);

    assert.equal((await notificationsOf(server, user.userId)).length, 1);
    assert.equal(replies.filter((r) => r.attachments).length, 1, 'one confirmation card');
    assert.equal(replies.filter((r) => /already sent/.test(r.text ?? '')).length, 2);
  });

  it('should offer Resume or Start again when a draft is open, and start again from an empty first step', async () => {
    let [reply] = await user.say('notify a case');
    [reply] = await user.submit(press(cardOf(reply), 'Next', INCIDENT));
    [reply] = await user.say('new notification');
    let card = validCard(reply, 'resume');
    assert.match(textsOf(card).join(' '), /The statutory questions \(step 2 of 4\)/);

    [reply] = await user.submit(press(card, 'Start again'));
    card = validCard(reply, 'restarted');
    assert.equal(inputsOf(card).summary.value, undefined, 'answers thrown away');
    [reply] = await user.submit(press(cardOf((await user.say('notify'))[0]), 'Resume'));
    assert.match(textsOf(cardOf(reply))[1], /About the incident/);
  });

  describe('forged and stale submits', () => {
    it('should refuse a card from an earlier step and change nothing', async () => {
      const [start] = await user.say('notify a case');
      const old = press(cardOf(start), 'Next', INCIDENT);
      await user.submit(old);
      const [before] = await server.db.query('SELECT version, step FROM notification_drafts WHERE aad_object_id = ?', [user.userId]);

      const [reply] = await user.submit({ ...old, summary: 'changed' });

      assert.match(reply.text, /out of date/);
      const [afterRow] = await server.db.query('SELECT version, step FROM notification_drafts WHERE aad_object_id = ?', [user.userId]);
      assert.deepEqual(afterRow, before);
    });

    it('should refuse an unknown step, a malformed version and a made-up draft key', async () => {
      const [start] = await user.say('notify a case');
      const next = press(cardOf(start), 'Next', INCIDENT);

      assert.match((await user.submit({ ...next, step: 'payment' }))[0].text, /isn't part of the notification form/);
      assert.match((await user.submit({ ...next, draftVersion: 'abc' }))[0].text, /didn't send what I expected/);
      assert.match((await user.submit({ ...next, draftKey: 'made-up' }))[0].text, /started again/);
      const [row] = await server.db.query('SELECT version FROM notification_drafts WHERE aad_object_id = ?', [user.userId]);
      assert.equal(row.version, 1);
    });

    it("should refuse a card carrying another user's draft", async () => {
      const [start] = await user.say('notify a case');
      const theirs = press(cardOf(start), 'Next', INCIDENT);
      const other = new ChatUser(server, connector, 'dev-practitioner-school');
      await other.say('notify a case');

      const [reply] = await other.submit(theirs);

      assert.match(reply.text, /belongs to someone else/);
      const [row] = await server.db.query('SELECT version, step FROM notification_drafts WHERE aad_object_id = ?', [user.userId]);
      assert.deepEqual(row, { version: 1, step: 'incident' });
    });

    it('should refuse a press with no draft at all', async () => {
      const [reply] = await user.submit({ verb: 'notify.next', step: 'incident', draftKey: 'abc', draftVersion: 1 });
      assert.match(reply.text, /no notification in progress/);
    });
  });

  it('should offer notify a case as a button on the welcome card that starts the flow', async () => {
    const [welcome] = await user.say('help');
    const button = actionOf(cardOf(welcome), 'notify a case');
    assert.equal(button.data.msteams.type, 'messageBack');

    const [reply] = await user.say(button.data.msteams.text);

    assert.match(textsOf(cardOf(reply))[1], /About the incident/);
  });

  it('should let someone with only the board role know they cannot notify', async () => {
    const chair = new ChatUser(server, connector, 'dev-board-chair');
    const [reply] = await chair.say('notify a case');
    assert.match(reply.text, /for practitioners/);
  });

  it('should carry on after a restart on the same database', async () => {
    let [reply] = await user.say('notify a case');
    [reply] = await user.submit(press(cardOf(reply), 'Next', INCIDENT));
    const statutoryCard = cardOf(reply);
    await server.stop();

    server = await startTestServer({ DB_PATH: server.dbPath });
    user.useServer(server);
    [reply] = await user.say('notify a case');
    [reply] = await user.submit(press(cardOf(reply), 'Resume'));
    assert.match(textsOf(cardOf(reply))[1], /The statutory questions/);
    [reply] = await user.submit(press(statutoryCard, 'Next', STATUTORY));
    [reply] = await user.submit(press(cardOf(reply), 'Next', AGENCIES));
    [reply] = await user.submit(press(cardOf(reply), 'Check your answers', LEARNING));
    [reply] = await user.submit(press(cardOf(reply), 'Send notification'));

    validCard(reply, 'sent after restart');
    assert.equal((await notificationsOf(server, user.userId)).length, 1);
  });
});
