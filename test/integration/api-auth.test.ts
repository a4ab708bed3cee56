import assert from 'node:assert/strict';

import { ROLES } from '../../src/contracts/identity';
import { makeKey, signToken, startKeyServer, type KeyServer, type LocalKey } from '../helpers/local-keys';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

const CLIENT_ID = 'a3c8e1f2-7b54-4c1d-9e3a-2f6b8d0c4e15';
const AUDIENCE = `api://tabs.example.test/${CLIENT_ID}`;
const TENANT = '9b2e4f61-3c7a-4d58-8e19-0a6f5c2d7b34';
const OTHER_TENANT = '1d4f7a2c-8e3b-4c69-9f05-6a2b8c1e3d70';

describe('REST API authentication with Entra ID settings', () => {
  let server: TestServer;
  let keys: KeyServer;
  let key: LocalKey;
  let stranger: LocalKey;

  before(async () => {
    key = await makeKey('entra-1');
    stranger = await makeKey('entra-1');
    keys = await startKeyServer([key.jwk], 'unused');
    server = await startTestServer({
      ENTRA_CLIENT_ID: CLIENT_ID,
      ENTRA_AUDIENCES: `${AUDIENCE},${CLIENT_ID}`,
      ENTRA_ALLOWED_TENANTS: TENANT,
      ENTRA_JWKS_URL: keys.jwksUrl,
      DB_SEED_SAMPLE_DATA: 'true',
    });
  });
  after(async () => {
    await server.stop();
    await keys.close();
  });

  const claims = (over: Record<string, unknown> = {}) => ({
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    aud: AUDIENCE,
    tid: TENANT,
    oid: 'dev-agency-lead-police',
    name: 'Alex Morgan',
    ...over,
  });
  const me = (token?: string) => server.request('GET', '/api/me', { token });

  it('should return the caller with roles and agency from the database for a valid token', async () => {
    const res = await me(await signToken(key, claims()));
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, {
      id: 'dev-agency-lead-police',
      name: 'Alex Morgan',
      agency: { code: 'POLICE', name: 'County Police', sector: 'police' },
      roles: ['agency_lead'],
    });
  });

  it('should treat a person the app does not know as a practitioner of no agency', async () => {
    const res = await me(await signToken(key, claims({ oid: 'someone-new', name: 'New Person', aud: CLIENT_ID })));
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { id: 'someone-new', name: 'New Person', agency: null, roles: ['practitioner'] });
  });

  const rejected: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['a token that is not a JWT', async () => 'not-a-jwt'],
    ['an expired token', async () => signToken(key, claims(), { expiresIn: Math.floor(Date.now() / 1000) - 3600 })],
    ['a token signed by another key', async () => signToken(stranger, claims())],
    ['a token for another audience', async () => signToken(key, claims({ aud: 'api://someone-else' }))],
    ['a token from a tenant not on the allow-list', async () => signToken(key, claims({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }))],
    ['a token whose issuer does not match its tenant', async () => signToken(key, claims({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }))],
    ['a token without an object id', async () => signToken(key, claims({ oid: undefined }))],
  ];
  for (const [what, make] of rejected) {
    it(`should answer 401 for ${what}`, async () => {
      const res = await me(await make());
      assert.equal(res.status, 401);
      assert.equal(res.body.error, 'authentication_required');
    });
  }

  it('should not offer dev sign-in', async () => {
    assert.equal((await server.request('GET', '/dev/users')).status, 404);
    assert.equal((await server.request('POST', '/dev/token', { body: { userId: 'dev-board-chair' } })).status, 404);
  });
});

describe('dev mode sign-in', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server.stop());

  it('should list sample users covering every role and several agencies', async () => {
    const res = await server.request('GET', '/dev/users');
    assert.equal(res.status, 200);
    const users = res.body.users as { id: string; agency: string | null; roles: string[] }[];
    for (const role of ROLES) {
      assert.ok(users.some((u) => u.roles.includes(role)), `a sample user has role ${role}`);
    }
    assert.ok(new Set(users.map((u) => u.agency).filter(Boolean)).size >= 3);
  });

  it('should issue a token that the API accepts through the same validation', async () => {
    const token = await devToken(server, 'dev-business-unit');
    const res = await server.request('GET', '/api/me', { token });
    assert.equal(res.status, 200);
    assert.equal(res.body.name, 'Beth Lewis');
    assert.deepEqual(res.body.roles, ['business_unit']);
  });

  it('should create a new sample user when name, agency and roles are given', async () => {
    const token = await devToken(server, { userId: 'load-user-1', name: 'Load User', agency: 'ICB', roles: ['practitioner', 'panel_member'] });
    const res = await server.request('GET', '/api/me', { token });
    assert.equal(res.body.agency.code, 'ICB');
    assert.deepEqual(res.body.roles, ['practitioner', 'panel_member']);
  });

  it('should refuse an unknown user without a name and roles with 400', async () => {
    const res = await server.request('POST', '/dev/token', { body: { userId: 'nobody-yet' } });
    assert.equal(res.status, 400);
    assert.match(res.body.message, /name and roles/);
  });

  it('should refuse an unknown role or agency with 400', async () => {
    const badRole = await server.request('POST', '/dev/token', { body: { userId: 'x1', name: 'X', roles: ['admin'] } });
    assert.equal(badRole.status, 400);
    const badAgency = await server.request('POST', '/dev/token', { body: { userId: 'x2', name: 'X', agency: 'NOPE', roles: ['board'] } });
    assert.equal(badAgency.status, 400);
    assert.match(badAgency.body.message, /Unknown agency/);
  });

  it('should reject a dev token that was tampered with', async () => {
    const token = await devToken(server, 'dev-practitioner-police');
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.oid = 'dev-board-chair';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    assert.equal((await server.request('GET', '/api/me', { token: forged })).status, 401);
  });
});
