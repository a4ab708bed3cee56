import assert from 'node:assert/strict';

import { GraphPermissionError, GraphRequestError } from '../../src/graph/errors';
import { startLocalGraphServer, type LocalGraphServer } from '../../src/graph/local-graph-server';
import { requestChecks } from '../../src/graph/local-graph/validator';
import { ClientCredentialsTokenProvider } from '../../src/graph/token-provider';
import { ORGANISER, SECRET, senderFor } from '../helpers/calendar';

const DAY = 86_400_000;
const draft = (attendees = [{ email: 'ann@board.example', name: 'Ann', type: 'required' as const }]) => ({
  subject: 'Panel: rapid review',
  bodyHtml: '<p>Agenda</p>',
  start: new Date('2026-12-01T10:00:00Z'),
  end: new Date('2026-12-01T11:00:00Z'),
  location: 'Room 1',
  attendees,
});

async function graphFetch(graph: LocalGraphServer, method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  const res = await fetch(`${graph.url}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json().catch(() => undefined)) as any };
}

describe('GraphCalendarClient against the local Graph stand-in', () => {
  let graph: LocalGraphServer;
  beforeEach(async () => {
    graph = await startLocalGraphServer({ tenantDomains: ['board.example'], clientSecret: SECRET });
  });
  afterEach(async () => {
    await graph.close();
  });

  it('should create, read, update and cancel an event with every body accepted by the Graph schema', async () => {
    const { calendar, auth } = senderFor(graph);
    const created = await calendar.createEvent(draft(), 'a3b0c1f2-0000-4000-8000-000000000001');
    assert.ok(created.joinUrl?.startsWith('https://teams.microsoft.com/l/meetup-join/'));
    const stored = graph.store.events.get(created.id);
    assert.equal(stored?.onlineMeetingProvider, 'teamsForBusiness');
    assert.equal(stored?.transactionId, 'a3b0c1f2-0000-4000-8000-000000000001');
    await calendar.updateEvent(created.id, { attendees: [...draft().attendees, { email: 'bob@partner.example', type: 'optional' }] });
    graph.respond(created.id, 'ann@board.example', 'accepted');
    const read = await calendar.getEvent(created.id);
    assert.deepEqual(read.attendees.map((a) => [a.email, a.response]), [['ann@board.example', 'accepted'], ['bob@partner.example', 'none']]);
    await calendar.cancelEvent(created.id, 'Moved to January');
    assert.equal((await calendar.getEvent(created.id)).isCancelled, true);
    assert.equal(graph.stats.rejectedBodies, 0, graph.stats.rejections.join('; '));
    assert.equal(auth.requests, 1, 'one token for all calls (cached)');
  });

  it('should return the same event for a repeated transactionId, as Graph does', async () => {
    const { calendar } = senderFor(graph);
    const a = await calendar.createEvent(draft(), 'tx-same');
    const b = await calendar.createEvent(draft(), 'tx-same');
    assert.equal(a.id, b.id);
    assert.equal(graph.store.events.size, 1);
  });

  it('should split free/busy for 45 attendees over 100 days into calls Graph accepts', async () => {
    const { calendar } = senderFor(graph);
    const people = Array.from({ length: 44 }, (_, i) => `p${i}@board.example`).concat('ext@partner.example');
    graph.setBusy('p3@board.example', [{ start: new Date('2026-12-02T09:00:00Z'), end: new Date('2026-12-02T10:00:00Z'), status: 'busy' }]);
    const start = new Date('2026-12-01T00:00:00Z');
    const result = await calendar.getSchedule({ schedules: people, start, end: new Date(start.getTime() + 100 * DAY), intervalMinutes: 30 });
    assert.equal(graph.stats.httpRequests, 3 * 2, 'three chunks of ≤20 people × two windows under 62 days');
    assert.equal(result.length, 45);
    assert.equal(result[3].items.length, 1);
    assert.equal(result[3].availabilityView.length, 100 * 48);
    assert.match(result[44].error ?? '', /outside the organisation/);
  });

  it('should raise a GraphPermissionError that says which permission to grant when Graph answers 403', async () => {
    const { calendar } = senderFor(graph);
    graph.injectFault({ kind: 'error', status: 403, code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' });
    await assert.rejects(calendar.createEvent(draft(), 'tx-403'), (err: unknown) => {
      assert.ok(err instanceof GraphPermissionError);
      assert.match(err.message, /Grant the app registration the Microsoft Graph application permission Calendars\.ReadWrite/);
      return true;
    });
  });

  it('should raise a GraphPermissionError naming the credentials when Entra ID refuses the secret', async () => {
    const auth = new ClientCredentialsTokenProvider({ tokenUrl: graph.tokenUrl(), clientId: 'c', clientSecret: 'wrong', scope: 'https://graph.microsoft.com/.default', timeoutMs: 2000 });
    await assert.rejects(auth.getAccessToken(), (err: unknown) => err instanceof GraphPermissionError && /GRAPH_CLIENT_SECRET/.test(err.message) && /AADSTS7000215/.test(err.message) && !/wrong/.test(err.message));
  });

  it('should surface a permanent 4xx with Graph’s message', async () => {
    const { calendar } = senderFor(graph);
    await assert.rejects(calendar.updateEvent('no-such-event', { subject: 'x' }), (err: unknown) => err instanceof GraphRequestError && err.graphStatus === 404 && /ErrorItemNotFound/.test(err.message));
  });
});

describe('local Graph stand-in', () => {
  let graph: LocalGraphServer;
  let token: string;
  before(async () => {
    graph = await startLocalGraphServer({ tenantDomains: ['board.example'] });
    const res = await fetch(graph.tokenUrl(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials&client_id=c&client_secret=s&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default' });
    token = ((await res.json()) as { access_token: string }).access_token;
  });
  after(async () => {
    await graph.close();
  });
  const events = `/v1.0/users/${encodeURIComponent(ORGANISER)}/events`;

  it('should refuse a request without a token with 401', async () => {
    const res = await graphFetch(graph, 'GET', events);
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'InvalidAuthenticationToken');
  });

  it('should refuse an event body that does not fit Graph’s description with a Graph-style 400', async () => {
    const bad = { subject: 5, start: { dateTime: '2026-12-01T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-01T11:00:00', timeZone: 'UTC' } };
    const res = await graphFetch(graph, 'POST', events, bad, token);
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /\/subject must be string/);
    const badType = { ...bad, subject: 'ok', attendees: [{ emailAddress: { address: 'a@board.example' }, type: 'mandatory' }] };
    assert.equal((await graphFetch(graph, 'POST', events, badType, token)).status, 400);
  });

  it('should refuse batches that break the JSON batching rules', async () => {
    const tooMany = { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/users/x/events' })) };
    assert.equal((await graphFetch(graph, 'POST', '/v1.0/$batch', tooMany, token)).status, 400);
    const noContentType = { requests: [{ id: '1', method: 'POST', url: `/users/${ORGANISER}/events`, body: { subject: 'x' } }] };
    assert.equal((await graphFetch(graph, 'POST', '/v1.0/$batch', noContentType, token)).status, 400);
    const badInner = { requests: [{ id: '1', method: 'POST', url: `/users/${ORGANISER}/events`, headers: { 'Content-Type': 'application/json' }, body: { subject: 5 } }] };
    const res = await graphFetch(graph, 'POST', '/v1.0/$batch', badInner, token);
    assert.equal(res.status, 200);
    assert.equal(res.body.responses[0].status, 400);
    assert.equal(res.body.responses[0].headers['Content-Type'], 'application/json');
  });

  it('should answer with events that themselves fit Graph’s event schema', async () => {
    const body = { subject: 'Fits', start: { dateTime: '2026-12-01T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-12-01T11:00:00', timeZone: 'UTC' }, isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', attendees: [{ emailAddress: { address: 'a@board.example' }, type: 'required' }] };
    const res = await graphFetch(graph, 'POST', events, body, token);
    assert.equal(res.status, 201);
    assert.equal(requestChecks().event(res.body), undefined);
  });

  it('should take faults through its control API: 429 with Retry-After on the next request', async () => {
    const set = await fetch(`${graph.url}/_control/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'throttle', count: 1, retryAfterSeconds: 3 }) });
    assert.equal(set.status, 204);
    const res = await graphFetch(graph, 'GET', events, undefined, token);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '3');
    assert.equal((await graphFetch(graph, 'GET', events, undefined, token)).status, 200);
  });
});
