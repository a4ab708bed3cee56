import assert from 'node:assert/strict';

import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

const body = (over: Record<string, unknown> = {}) => ({
  subject: 'Learning event: neglect and the toxic trio',
  agenda: 'Findings\nDiscussion',
  start: '2026-12-01T10:00:00Z',
  end: '2026-12-01T11:30:00Z',
  location: 'Council chamber',
  attendees: [{ email: 'ann@board.example', name: 'Ann' }, { email: 'bob@partner.example' }],
  ...over,
});

describe('calendar REST API', function () {
  this.timeout(60_000);
  let server: TestServer;
  let bu: string;

  before(async () => {
    server = await startTestServer({ GRAPH_OUTBOX_POLL_MS: '25', LOG_LEVEL: 'warn' });
    bu = await devToken(server, 'dev-business-unit');
  });
  after(async () => {
    await server.stop();
  });

  /** Reads the event until `done` holds (bounded). */
  async function waitForEvent(id: number, done: (e: any) => boolean): Promise<any> {
    for (let i = 0; i < 200; i++) {
      const res = await server.request('GET', `/api/calendar/events/${id}`, { token: bu });
      if (done(res.body)) {
        return res.body;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`calendar event ${id} never reached the expected state`);
  }

  it('should refuse callers without a token (401) or without the business-unit role (403)', async () => {
    assert.equal((await server.request('GET', '/api/calendar/outbox')).status, 401);
    const practitioner = await devToken(server, 'dev-practitioner-police');
    for (const [method, path] of [['GET', '/api/calendar/outbox'], ['POST', '/api/calendar/events'], ['GET', '/api/calendar/suggestions']]) {
      assert.equal((await server.request(method, path, { token: practitioner, body: method === 'POST' ? body() : undefined })).status, 403, path);
    }
  });

  it('should schedule an event into the organiser calendar with a Teams link', async () => {
    const res = await server.request('POST', '/api/calendar/events', { token: bu, body: body() });
    assert.equal(res.status, 201);
    assert.equal(res.body.status, 'pending');
    const event = await waitForEvent(res.body.id, (e) => e.status === 'scheduled');
    assert.match(event.joinUrl, /^https:\/\/teams\.microsoft\.com\//);
    assert.equal(event.missingTeamsLink, false);
    assert.deepEqual(event.sync, { pending: 0, failed: 0 });
    assert.equal(server.calendar.standIn?.store.events.size, 1);
  });

  it('should answer 400 with field details for a bad event', async () => {
    const res = await server.request('POST', '/api/calendar/events', { token: bu, body: body({ start: 'tomorrow', attendees: [{ email: 'not-an-email' }] }) });
    assert.equal(res.status, 400);
    assert.equal(res.body.error, 'validation_error');
    const fields = res.body.details.fields.map((f: { field: string }) => f.field);
    assert.ok(fields.includes('start') && fields.includes('attendees.0.email'), fields.join());
    const backwards = await server.request('POST', '/api/calendar/events', { token: bu, body: body({ end: '2026-12-01T09:00:00Z' }) });
    assert.equal(backwards.status, 400);
  });

  it('should change, re-invite and cancel an event, and refuse changes after cancelling (409)', async () => {
    const { body: created } = await server.request('POST', '/api/calendar/events', { token: bu, body: body() });
    await waitForEvent(created.id, (e) => e.status === 'scheduled');
    assert.equal((await server.request('PATCH', `/api/calendar/events/${created.id}`, { token: bu, body: { location: 'Room 4' } })).status, 200);
    assert.equal((await server.request('POST', `/api/calendar/events/${created.id}/attendees`, { token: bu, body: { email: 'cat@board.example' } })).status, 200);
    const removed = await server.request('DELETE', `/api/calendar/events/${created.id}/attendees/ann%40board.example`, { token: bu });
    assert.deepEqual(removed.body.attendees.map((a: { email: string }) => a.email), ['bob@partner.example', 'cat@board.example']);
    const cancelled = await server.request('POST', `/api/calendar/events/${created.id}/cancel`, { token: bu, body: { message: 'Postponed' } });
    assert.equal(cancelled.body.status, 'cancelled');
    await waitForEvent(created.id, (e) => e.sync.pending === 0);
    const stored = [...(server.calendar.standIn?.store.events.values() ?? [])].find((e) => e.subject === body().subject && e.isCancelled);
    assert.equal(stored?.location, 'Room 4');
    assert.deepEqual(stored?.attendees.map((a) => a.email), ['bob@partner.example', 'cat@board.example']);
    assert.equal((await server.request('PATCH', `/api/calendar/events/${created.id}`, { token: bu, body: { location: 'x' } })).status, 409);
    assert.equal((await server.request('GET', '/api/calendar/events/999999', { token: bu })).status, 404);
  });

  it('should show a permanent Graph failure with its message in the outbox view, and send it after a retry', async () => {
    server.calendar.standIn?.injectFault({ kind: 'error', status: 400, code: 'ErrorInvalidRecipients', message: 'At least one recipient is not valid.' });
    const { body: created } = await server.request('POST', '/api/calendar/events', { token: bu, body: body({ subject: 'Will fail first' }) });
    await waitForEvent(created.id, (e) => e.sync.failed === 1);
    const failed = await server.request('GET', '/api/calendar/outbox?status=failed', { token: bu });
    assert.equal(failed.status, 200);
    const item = failed.body.items.find((i: { calendarEventId: number }) => i.calendarEventId === created.id);
    assert.equal(item.operation, 'create');
    assert.equal(item.lastError, 'Microsoft Graph answered 400 ErrorInvalidRecipients: At least one recipient is not valid.');
    assert.equal(item.event.subject, 'Will fail first');
    assert.equal(failed.body.counts.failed, 1);
    assert.equal((await server.request('POST', `/api/calendar/outbox/${item.id}/retry`, { token: bu })).status, 202);
    await waitForEvent(created.id, (e) => e.status === 'scheduled');
    assert.equal((await server.request('POST', `/api/calendar/outbox/${item.id}/retry`, { token: bu })).status, 409);
    assert.equal((await server.request('POST', '/api/calendar/outbox/999999/retry', { token: bu })).status, 404);
    assert.equal((await server.request('GET', '/api/calendar/outbox?status=nonsense', { token: bu })).status, 400);
  });

  it('should show attendees’ answers read back from Outlook', async () => {
    const { body: created } = await server.request('POST', '/api/calendar/events', { token: bu, body: body({ subject: 'Answers' }) });
    const scheduled = await waitForEvent(created.id, (e) => e.status === 'scheduled');
    const graphEvent = [...(server.calendar.standIn?.store.events.values() ?? [])].find((e) => e.subject === 'Answers');
    server.calendar.standIn?.respond(graphEvent?.id ?? '', 'ann@board.example', 'accepted');
    server.calendar.standIn?.respond(graphEvent?.id ?? '', 'bob@partner.example', 'declined');
    assert.ok(((await server.calendar.responses?.runOnce()) ?? 0) >= 1);
    const read = await server.request('GET', `/api/calendar/events/${scheduled.id}`, { token: bu });
    assert.deepEqual(read.body.attendees.map((a: { email: string; response: string }) => [a.email, a.response]), [['ann@board.example', 'accepted'], ['bob@partner.example', 'declined']]);
    assert.ok(read.body.responsesCheckedAt);
  });

  it('should flag an event created without its Teams link', async () => {
    server.calendar.standIn?.injectFault({ kind: 'no_teams_link' });
    const { body: created } = await server.request('POST', '/api/calendar/events', { token: bu, body: body({ subject: 'No link' }) });
    const event = await waitForEvent(created.id, (e) => e.status === 'scheduled');
    assert.equal(event.missingTeamsLink, true);
    assert.equal(event.joinUrl, null);
  });

  it('should suggest free slots in working hours and list other organisations as availability unknown', async () => {
    server.calendar.standIn?.setBusy('dee@board.example', [{ start: new Date('2027-02-01T09:00:00Z'), end: new Date('2027-02-01T12:00:00Z'), status: 'busy' }]);
    const q = 'attendees=dee@board.example,eve@board.example&attendees=fred@partner.example&from=2027-02-01&to=2027-02-02&durationMinutes=60&maxSuggestions=3';
    const res = await server.request('GET', `/api/calendar/suggestions?${q}`, { token: bu });
    assert.equal(res.status, 200);
    assert.equal(res.body.timeZone, 'Europe/London');
    assert.deepEqual(res.body.workingHours, { start: '09:00', end: '17:00' });
    assert.equal(res.body.slots[0].startLocal, '2027-02-01 12:00', 'the first time both colleagues are free');
    assert.deepEqual(res.body.slots[0].free, ['dee@board.example', 'eve@board.example']);
    assert.deepEqual(res.body.slots[0].unknown, ['fred@partner.example']);
    assert.deepEqual(res.body.attendees.find((a: { email: string }) => a.email === 'fred@partner.example').availability, 'unknown');
    const post = await server.request('POST', '/api/calendar/suggestions', { token: bu, body: { attendees: ['dee@board.example'], from: '2027-02-01', to: '2027-02-01', durationMinutes: 60, maxSuggestions: 1 } });
    assert.equal(post.body.slots[0].startLocal, '2027-02-01 12:00');
    const backwards = await server.request('POST', '/api/calendar/suggestions', { token: bu, body: { attendees: ['dee@board.example'], from: '2027-02-02', to: '2027-02-01', durationMinutes: 60 } });
    assert.equal(backwards.status, 400);
  });
});
