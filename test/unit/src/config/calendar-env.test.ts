import assert from 'node:assert/strict';

import { ConfigError, loadConfig } from '../../../../src/config/env';

const creds = { GRAPH_TENANT_ID: 'tenant-1', GRAPH_CLIENT_ID: 'client-1', GRAPH_CLIENT_SECRET: 'very-secret', GRAPH_ORGANISER_MAILBOX: 'board@board.example' };

describe('loadConfig: calendar and Graph settings', () => {
  it('should use the local Graph stand-in in dev mode without credentials', () => {
    const c = loadConfig({}).calendar;
    assert.equal(c.graph, undefined);
    assert.equal(c.localStandIn, true);
    assert.equal(c.maxConcurrency, 4);
    assert.deepEqual(c.workingHours, { startMinute: 540, endMinute: 1020 });
  });

  it('should build the Graph settings with the default base URL and tenant token URL', () => {
    const g = loadConfig(creds).calendar.graph;
    assert.equal(g?.baseUrl, 'https://graph.microsoft.com/v1.0');
    assert.equal(g?.tokenUrl, 'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token');
    assert.deepEqual(g?.tenantDomains, ['board.example']);
    assert.equal(loadConfig(creds).calendar.localStandIn, false);
  });

  it('should want all three credentials and the organiser mailbox together, never echoing the secret', () => {
    assert.throws(
      () => loadConfig({ GRAPH_CLIENT_SECRET: 'very-secret' }),
      (err: unknown) =>
        err instanceof ConfigError &&
        /GRAPH_TENANT_ID, GRAPH_CLIENT_ID: required/.test(err.message) &&
        /GRAPH_ORGANISER_MAILBOX/.test(err.message) &&
        !/very-secret/.test(err.message)
    );
  });

  it('should refuse plain http for Graph except to this machine, and more than 4 in flight', () => {
    assert.throws(() => loadConfig({ ...creds, GRAPH_BASE_URL: 'http://graph.example/v1.0' }), /GRAPH_BASE_URL: must be https/);
    assert.doesNotThrow(() => loadConfig({ ...creds, GRAPH_BASE_URL: 'http://127.0.0.1:9999/v1.0' }));
    assert.throws(() => loadConfig({ GRAPH_MAX_CONCURRENCY: '5' }), /GRAPH_MAX_CONCURRENCY/);
  });

  it('should refuse the stand-in outside dev mode and working hours that end before they start', () => {
    assert.throws(() => loadConfig({ ENTRA_CLIENT_ID: 'c', ENTRA_ALLOWED_TENANTS: 't', GRAPH_LOCAL_STANDIN: 'true' }), /GRAPH_LOCAL_STANDIN/);
    assert.throws(() => loadConfig({ CALENDAR_WORKING_HOURS: '17:00-09:00' }), /CALENDAR_WORKING_HOURS/);
  });
});
