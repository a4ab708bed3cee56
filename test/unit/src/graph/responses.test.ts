import assert from 'node:assert/strict';

import { GraphPermissionError, GraphRequestError, GraphRetryableError } from '../../../../src/graph/errors';
import { failureOf, parseRetryAfter, type GraphCall } from '../../../../src/graph/responses';

const call: GraphCall = { id: '1', mailbox: 'board@board.example', method: 'POST', path: '/users/x/events', permission: 'Calendars.ReadWrite', what: 'create an event' };
const answer = (status: number, code = 'Code', message = 'Graph message', headers: Record<string, string> = {}) => ({ status, headers, body: { error: { code, message } } });

describe('failureOf (Graph error mapping)', () => {
  it('should pass 2xx answers', () => {
    assert.equal(failureOf(call, { status: 201, headers: {}, body: {} }), undefined);
  });

  it('should turn 403 into a GraphPermissionError naming the permission to grant and the mailbox', () => {
    const err = failureOf(call, answer(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'));
    assert.ok(err instanceof GraphPermissionError);
    assert.equal(err.graphStatus, 403);
    assert.match(err.message, /application permission Calendars\.ReadWrite/);
    assert.match(err.message, /admin consent/);
    assert.match(err.message, /application access policy/);
    assert.match(err.message, /board@board\.example/);
    assert.match(err.message, /Access is denied/);
  });

  it('should turn 401 into a GraphPermissionError pointing at the app credentials', () => {
    const err = failureOf(call, answer(401, 'InvalidAuthenticationToken', 'Access token has expired.'));
    assert.ok(err instanceof GraphPermissionError);
    assert.match(err.message, /GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET/);
  });

  it('should make 429 and 503 retryable with their Retry-After', () => {
    const throttled = failureOf(call, answer(429, 'ApplicationThrottled', 'x', { 'retry-after': '7' }));
    assert.ok(throttled instanceof GraphRetryableError);
    assert.equal(throttled.reason, 'throttled');
    assert.equal(throttled.retryAfterMs, 7000);
    const down = failureOf(call, answer(503, 'ServiceUnavailable', 'x', { 'retry-after': '2' }));
    assert.ok(down instanceof GraphRetryableError);
    assert.equal(down.reason, 'unavailable');
    assert.equal(down.retryAfterMs, 2000);
  });

  it('should make other 4xx permanent with Graph’s code and message', () => {
    const err = failureOf(call, answer(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.'));
    assert.ok(err instanceof GraphRequestError);
    assert.equal(err.graphCode, 'ErrorInvalidRecipients');
    assert.equal(err.message, 'Microsoft Graph answered 400 ErrorInvalidRecipients: At least one recipient is not valid.');
  });
});

describe('parseRetryAfter', () => {
  it('should read seconds, fractions and HTTP dates, and ignore rubbish', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter('0.25'), 250);
    const now = Date.parse('2026-12-01T10:00:00Z');
    assert.equal(parseRetryAfter('Tue, 01 Dec 2026 10:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });
});
