import assert from 'node:assert/strict';

import { executeInvoke, personalMessage } from '../helpers/activities';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  assertSchemaValid,
  validateActivity,
  validateAdaptiveCard,
  validateInvokeResponse,
} from '../helpers/schemas';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

type Card = { body: any[]; actions?: any[]; refresh?: any };
type SessionBlock = { title: string; facts: Record<string, string>; actions: { type: string; title: string; verb: string; data: any }[] };

const DAY = 86_400_000;

/** @returns the session containers of a list card, by title */
function sessionsOf(card: Card): SessionBlock[] {
  return card.body
    .filter((b) => b.type === 'Container')
    .map((c) => ({
      title: c.items[0].text as string,
      facts: Object.fromEntries((c.items[1].facts as { title: string; value: string }[]).map((f) => [f.title, f.value])),
      actions: c.items.find((i: { type: string }) => i.type === 'ActionSet')?.actions ?? [],
    }));
}

function sessionIn(card: Card, title: string): SessionBlock {
  const found = sessionsOf(card).find((s) => s.title.startsWith(title));
  assert.ok(found, `no session "${title}" in the card: ${sessionsOf(card).map((s) => s.title).join(' | ')}`);
  return found;
}

function textOf(card: Card): string {
  return card.body
    .filter((b) => b.type === 'TextBlock')
    .map((b) => b.text)
    .join('\n');
}

describe('focus groups in the bot (Universal Actions over HTTP)', function () {
  this.timeout(30_000);
  let server: TestServer;
  let connector: FakeConnector;
  let bu: string;
  let n = 0;

  /** Creates an audit with one session through the REST API. @returns the title and session id */
  async function session(body: Record<string, unknown> = {}): Promise<{ title: string; id: number }> {
    const title = `Bot audit ${++n}`;
    const audit = await server.request('POST', '/api/audits', { token: bu, body: { theme: 'Neglect', title } });
    const res = await server.request('POST', '/api/focus-groups', {
      token: bu,
      body: {
        auditId: audit.body.id,
        startsAt: new Date(Date.now() + 5 * DAY).toISOString(),
        durationMinutes: 90,
        capacity: 3,
        location: 'Council House',
        ...body,
      },
    });
    assert.equal(res.status, 201, res.text);
    return { title, id: res.body.id };
  }

  /** Sends a chat message and returns the card the bot answered with. */
  async function say(userId: string, text: string): Promise<{ card: Card; activity: any }> {
    connector.reset();
    const res = await server.request('POST', '/api/messages', { body: personalMessage({ serviceUrl: connector.url, userId, text }) });
    assert.equal(res.status, 200);
    const [call] = await connector.waitFor(1);
    const attachment = call.activity.attachments?.[0];
    assert.equal(attachment?.contentType, ADAPTIVE_CARD_CONTENT_TYPE);
    return { card: attachment.content as Card, activity: call.activity };
  }

  /** Sends an Action.Execute invoke and returns the card it answered with (checked against the schemas). */
  async function execute(userId: string, verb: string, data: Record<string, unknown>, trigger: 'manual' | 'automatic' = 'manual'): Promise<Card> {
    const activity = executeInvoke({ serviceUrl: connector.url, userId, verb, data, trigger });
    assertSchemaValid(validateActivity(activity, { incoming: true }), 'invoke activity');
    const res = await server.request('POST', '/api/messages', { body: activity });
    assert.equal(res.status, 200, res.text);
    assertSchemaValid(validateInvokeResponse(res.body), `${verb} response`);
    assert.equal(res.body.statusCode, 200);
    assert.equal(res.body.type, ADAPTIVE_CARD_CONTENT_TYPE);
    return res.body.value as Card;
  }

  /** Presses a session's button on a card, then (for the form) fills it in and confirms. */
  function action(card: Card, title: string, buttonTitle: string) {
    const found = sessionIn(card, title).actions.find((a) => a.title === buttonTitle);
    assert.ok(found, `no "${buttonTitle}" on ${title}`);
    assert.equal(found.type, 'Action.Execute');
    return found;
  }

  async function signUpThroughCard(userId: string, title: string, answers: Record<string, string>, button = 'Sign up') {
    const list = (await say(userId, 'focus groups')).card;
    const open = action(list, title, button);
    const form = await execute(userId, open.verb, open.data);
    const confirm = form.actions?.[0];
    return execute(userId, confirm.verb, { ...confirm.data, ...answers });
  }

  async function rows(id: number) {
    return server.db.query('SELECT person_aad_id, status, position, role, agency FROM focus_group_signups WHERE focus_group_id = ? ORDER BY id', [id]);
  }

  before(async () => {
    connector = await startFakeConnector();
    server = await startTestServer();
    bu = await devToken(server, 'dev-business-unit');
  });
  after(async () => {
    await server.stop();
    await connector.close();
  });

  it('should answer "focus groups" with open sessions soonest first, UK times, seats left, the user\'s own place and a refresh for that user', async () => {
    const later = await session({ startsAt: '2027-07-01T09:00:00Z', capacity: 8 });
    const sooner = await session({ startsAt: '2027-06-30T09:00:00Z' });
    const { card, activity } = await say('dev-practitioner-police', 'focus groups');
    assertSchemaValid(validateActivity(activity, { incoming: false }), 'reply');
    assertSchemaValid(validateAdaptiveCard(card), 'list card');
    const titles = sessionsOf(card).map((s) => s.title);
    assert.ok(titles.findIndex((t) => t.startsWith(sooner.title)) < titles.findIndex((t) => t.startsWith(later.title)));
    const item = sessionIn(card, later.title);
    assert.equal(item.facts.When, 'Thu 1 Jul 2027, 10:00', 'shown in Europe/London (BST)');
    assert.equal(item.facts.Length, '1 hour 30 minutes');
    assert.equal(item.facts.Where, 'Council House');
    assert.equal(item.facts['Seats left'], '8 of 8');
    assert.equal(item.facts['Your place'], 'Not signed up');
    assert.deepEqual(item.actions.map((a) => [a.title, a.verb, a.data]), [['Sign up', 'focusGroup.form', { focusGroupId: later.id }]]);
    assert.equal(card.refresh.action.type, 'Action.Execute');
    assert.equal(card.refresh.action.verb, 'focusGroups.refresh');
    assert.deepEqual(card.refresh.userIds, ['29:dev-practitioner-police']);
  });

  it('should take "focus group" and "audits" as the same command', async () => {
    for (const text of ['focus group', 'Audits', 'FOCUS GROUPS']) {
      const { card } = await say('dev-practitioner-school', text);
      assert.match(textOf(card), /Audit focus groups you can join/, text);
    }
  });

  it('should answer the refresh invoke with the current seats and the user\'s own place', async () => {
    const s = await session({ capacity: 2 });
    const before = await execute('dev-practitioner-school', 'focusGroups.refresh', {}, 'automatic');
    assert.equal(sessionIn(before, s.title).facts['Seats left'], '2 of 2');
    const other = await devToken(server, { userId: 'refresh-other', name: 'Other', agency: 'POLICE', roles: ['practitioner'] });
    await server.request('POST', `/api/focus-groups/${s.id}/signups`, { token: other, body: { role: 'PC' } });
    const after = await execute('dev-practitioner-school', 'focusGroups.refresh', {}, 'automatic');
    assert.equal(sessionIn(after, s.title).facts['Seats left'], '1 of 2');
    assert.deepEqual(after.refresh.userIds, ['29:dev-practitioner-school']);
    const theirs = await execute('refresh-other', 'focusGroups.refresh', {}, 'automatic');
    assert.equal(sessionIn(theirs, s.title).facts['Your place'], 'Confirmed', 'each user sees their own place');
    assert.equal(sessionIn(after, s.title).facts['Your place'], 'Not signed up');
  });

  it('should open a form prefilled with the caller\'s agency and confirm a place from it', async () => {
    const s = await session();
    const list = (await say('dev-practitioner-police', 'focus groups')).card;
    const open = action(list, s.title, 'Sign up');
    const form = await execute('dev-practitioner-police', open.verb, open.data);
    assertSchemaValid(validateAdaptiveCard(form), 'form');
    const inputs = Object.fromEntries(form.body.filter((b) => b.id).map((b) => [b.id, b]));
    assert.equal(inputs.agency.type, 'Input.ChoiceSet');
    assert.equal(inputs.agency.value, 'POLICE', 'agency prefilled from the profile');
    assert.ok(inputs.agency.choices.some((c: { value: string }) => c.value === 'EDUCATION'));
    assert.equal(inputs.role.isRequired, true);
    assert.equal(inputs.accessNeeds.isMultiline, true);
    const confirm = form.actions?.[0];
    assert.deepEqual([confirm.type, confirm.verb, confirm.data.focusGroupId], ['Action.Execute', 'focusGroup.signUp', s.id]);
    assert.match(confirm.data.requestId, /^[0-9a-f-]{36}$/);

    const done = await execute('dev-practitioner-police', confirm.verb, {
      ...confirm.data,
      role: 'Detective sergeant',
      agency: 'POLICE',
      accessNeeds: 'Hearing loop',
    });
    assert.match(textOf(done), /Your place is confirmed/);
    const item = sessionIn(done, s.title);
    assert.equal(item.facts['Your place'], 'Confirmed');
    assert.equal(item.facts['Seats left'], '2 of 3');
    assert.deepEqual(item.actions.map((a) => a.title), ['Cancel my place']);
    assert.deepEqual(await rows(s.id), [
      { person_aad_id: 'dev-practitioner-police', status: 'confirmed', position: null, role: 'Detective sergeant', agency: 'POLICE' },
    ]);
  });

  it('should sign up only once when the same sign-up invoke is delivered twice', async () => {
    const s = await session();
    const list = (await say('dev-practitioner-school', 'focus groups')).card;
    const open = action(list, s.title, 'Sign up');
    const confirm = (await execute('dev-practitioner-school', open.verb, open.data)).actions?.[0];
    const data = { ...confirm.data, role: 'Teacher', agency: 'EDUCATION' };
    const first = await execute('dev-practitioner-school', confirm.verb, data);
    const again = await execute('dev-practitioner-school', confirm.verb, data);
    assert.equal(sessionIn(first, s.title).facts['Your place'], 'Confirmed');
    assert.equal(sessionIn(again, s.title).facts['Your place'], 'Confirmed');
    assert.equal((await rows(s.id)).length, 1);
    const [group] = await server.db.query('SELECT confirmed_count FROM focus_groups WHERE id = ?', [s.id]);
    assert.equal(group.confirmed_count, 1);
  });

  it('should show the form again, keeping the answers, when the role is missing', async () => {
    const s = await session();
    const list = (await say('dev-practitioner-police', 'focus groups')).card;
    const open = action(list, s.title, 'Sign up');
    const confirm = (await execute('dev-practitioner-police', open.verb, open.data)).actions?.[0];
    const again = await execute('dev-practitioner-police', confirm.verb, { ...confirm.data, role: '  ', agency: 'POLICE', accessNeeds: 'Parking' });
    assert.match(textOf(again), /Please say what your role is/);
    const inputs = Object.fromEntries(again.body.filter((b) => b.id).map((b) => [b.id, b]));
    assert.equal(inputs.accessNeeds.value, 'Parking');
    assert.equal(again.actions?.[0].data.requestId, confirm.data.requestId, 'same request, so a retry is still one sign-up');
    assert.deepEqual(await rows(s.id), []);
  });

  it('should put the user on the waiting list from the card when the session is full', async () => {
    const s = await session({ capacity: 1 });
    const holder = await devToken(server, { userId: 'full-holder', name: 'Holder', agency: 'POLICE', roles: ['practitioner'] });
    await server.request('POST', `/api/focus-groups/${s.id}/signups`, { token: holder, body: { role: 'PC' } });
    const list = (await say('dev-practitioner-school', 'focus groups')).card;
    assert.equal(sessionIn(list, s.title).facts['Seats left'], 'Full (0 waiting)');
    const open = action(list, s.title, 'Join waiting list');
    const form = await execute('dev-practitioner-school', open.verb, open.data);
    assert.match(textOf(form), /^Join the waiting list/);
    const done = await execute('dev-practitioner-school', form.actions?.[0].verb, { ...form.actions?.[0].data, role: 'Teacher', agency: 'EDUCATION' });
    assert.match(textOf(done), /number 1 on the waiting list/);
    const item = sessionIn(done, s.title);
    assert.equal(item.facts['Your place'], 'Waiting list, number 1');
    assert.deepEqual(item.actions.map((a) => a.title), ['Leave the waiting list']);
  });

  it('should cancel from the card, give the seat to waiting-list number 1 and tell them in chat', async () => {
    const s = await session({ capacity: 1 });
    await signUpThroughCard('dev-practitioner-police', s.title, { role: 'PC', agency: 'POLICE' });
    await signUpThroughCard('dev-practitioner-school', s.title, { role: 'Teacher', agency: 'EDUCATION' }, 'Join waiting list');
    connector.reset();

    const list = await execute('dev-practitioner-police', 'focusGroups.refresh', {});
    const cancel = action(list, s.title, 'Cancel my place');
    const done = await execute('dev-practitioner-police', cancel.verb, cancel.data);
    assert.match(textOf(done), /Your place is cancelled/);
    assert.equal(sessionIn(done, s.title).facts['Your place'], 'Not signed up');

    await server.events.drain();
    const [call] = await connector.waitFor(1);
    assert.equal(call.conversationId, 'a:personal-dev-practitioner-school');
    assertSchemaValid(validateActivity(call.activity, { incoming: false }), 'promotion message');
    assert.match(call.activity.text, /confirmed place on the focus group/);
    const card = call.activity.attachments[0].content as Card;
    assertSchemaValid(validateAdaptiveCard(card), 'promotion card');
    assert.match(textOf(card), /A seat has come up for you/);
    assert.equal(sessionIn(card, s.title).facts['Your place'], 'Confirmed');
    assert.deepEqual(card.refresh.userIds, ['29:dev-practitioner-school'], 'refreshes for the promoted person');
    assert.doesNotMatch(JSON.stringify(call.activity), /Priya|Patel/, 'says nothing about who cancelled');
  });

  it('should refuse a forged sign-up from a practitioner the session is not for, and record nothing', async () => {
    const s = await session({ eligibility: { agencies: ['POLICE'] } });
    const list = (await say('dev-practitioner-school', 'focus groups')).card;
    assert.ok(!sessionsOf(list).some((x) => x.title.startsWith(s.title)), 'not offered to them');
    const form = await execute('dev-practitioner-school', 'focusGroup.form', { focusGroupId: s.id });
    assert.match(textOf(form), /not open to you/);
    const forged = await execute('dev-practitioner-school', 'focusGroup.signUp', {
      focusGroupId: s.id,
      requestId: '11111111-2222-3333-4444-555555555555',
      role: 'PC',
      agency: 'POLICE',
    });
    assert.match(textOf(forged), /only for: Practitioners from POLICE/);
    assert.deepEqual(await rows(s.id), []);
  });

  it('should refuse sign-up from an old card with a clear message when sign-up has closed or the session has started', async () => {
    const closed = await session();
    const past = await session();
    const list = (await say('dev-practitioner-police', 'focus groups')).card;
    const openClosed = action(list, closed.title, 'Sign up');
    const openPast = action(list, past.title, 'Sign up');
    const formClosed = await execute('dev-practitioner-police', openClosed.verb, openClosed.data);
    const formPast = await execute('dev-practitioner-police', openPast.verb, openPast.data);
    await server.request('PATCH', `/api/focus-groups/${closed.id}`, { token: bu, body: { open: false } });
    await server.db.query('UPDATE focus_groups SET starts_at = ? WHERE id = ?', ['2020-01-01 10:00:00.000', past.id]);

    const a = await execute('dev-practitioner-police', 'focusGroup.signUp', { ...formClosed.actions?.[0].data, role: 'PC', agency: 'POLICE' });
    assert.match(textOf(a), /Sign-up for this focus group has closed/);
    const b = await execute('dev-practitioner-police', 'focusGroup.signUp', { ...formPast.actions?.[0].data, role: 'PC', agency: 'POLICE' });
    assert.match(textOf(b), /already started/);
    assert.deepEqual([...(await rows(closed.id)), ...(await rows(past.id))], []);
    const reopen = await execute('dev-practitioner-police', openClosed.verb, openClosed.data);
    assert.match(textOf(reopen), /Sign-up for this focus group has closed/);
  });

  it('should answer out-of-date or malformed button data with the list and a notice, never an error', async () => {
    const bad: [string, Record<string, unknown>][] = [
      ['focusGroup.form', { focusGroupId: 'abc' }],
      ['focusGroup.signUp', { focusGroupId: 1 }],
      ['focusGroup.signUp', { focusGroupId: 1, requestId: 'short' }],
      ['focusGroup.cancel', {}],
      ['focusGroup.form', { focusGroupId: 999999 }],
    ];
    for (const [verb, data] of bad) {
      const card = await execute('dev-practitioner-police', verb, data);
      assert.match(textOf(card), /out of date/, `${verb} ${JSON.stringify(data)}`);
    }
    const none = await execute('dev-practitioner-police', 'focusGroup.cancel', { focusGroupId: 999999 });
    assert.match(textOf(none), /no such focus group/);
  });
});
