import assert from 'node:assert/strict';

import { ConfigError, loadConfig } from '../../../../src/config/env';

describe('loadConfig', () => {
  it('should default to SQLite, port 3978, dev mode and the 2015 review model', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3978);
    assert.deepEqual(c.db, { type: 'sqlite', path: 'data/safeguarding.sqlite', busyTimeoutMs: 5000 });
    assert.equal(c.devMode, true);
    assert.equal(c.seedSampleData, true);
    assert.equal(c.reviewModel, '2015');
  });

  it('should leave dev mode when bot credentials are set', () => {
    const c = loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'MultiTenant' });
    assert.equal(c.devMode, false);
    assert.equal(c.seedSampleData, false);
    assert.equal(c.entra, undefined);
  });

  it('should leave dev mode when Entra ID settings are set', () => {
    const c = loadConfig({ ENTRA_CLIENT_ID: 'client', ENTRA_ALLOWED_TENANTS: 't1, t2' });
    assert.equal(c.devMode, false);
    assert.deepEqual(c.entra?.allowedTenants, ['t1', 't2']);
    assert.deepEqual(c.entra?.audiences, ['client']);
  });

  it('should name every bad variable in one message', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', REVIEW_MODEL: '2099', DB_TYPE: 'oracle' }),
      (err: unknown) =>
        err instanceof ConfigError &&
        /PORT/.test(err.message) &&
        /REVIEW_MODEL/.test(err.message) &&
        /DB_TYPE/.test(err.message)
    );
  });

  it('should require a password with an app id and never echo secret values', () => {
    assert.throws(
      () => loadConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'SingleTenant', PORT: 'x-secret-123' }),
      (err: unknown) => err instanceof ConfigError && /PORT/.test(err.message) && !/x-secret-123/.test(err.message)
    );
    assert.throws(() => loadConfig({ MicrosoftAppId: 'app' }), /MicrosoftAppPassword/);
  });

  it('should require a connection URL for SQL Server and tenants for Entra ID', () => {
    assert.throws(() => loadConfig({ DB_TYPE: 'mssql' }), /DB_URL/);
    assert.throws(() => loadConfig({ ENTRA_CLIENT_ID: 'c' }), /ENTRA_ALLOWED_TENANTS/);
  });
});
