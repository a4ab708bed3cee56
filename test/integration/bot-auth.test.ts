import assert from 'node:assert/strict';

import { personalMessage } from '../helpers/activities';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import { startFakeLogin, type FakeLogin } from '../helpers/fake-login';
import { makeKey, signToken, startKeyServer, type KeyServer, type LocalKey } from '../helpers/local-keys';
import { startTestServer, type TestServer } from '../helpers/start-server';

const APP_ID = '6f1c0a0e-5b1d-4b8e-9d57-3c5f0e2b9a11';
const ISSUER = 'https://api.botframework.com';

describe('POST /api/messages with bot credentials configured', () => {
  let server: TestServer;
  let connector: FakeConnector;
  let login: FakeLogin;
  let keys: KeyServer;
  let key: LocalKey;
  let impostor: LocalKey;

  before(async () => {
    key = await makeKey('bf-key-1');
    impostor = await makeKey('bf-key-1');
    keys = await startKeyServer([{ ...key.jwk, endorsements: ['msteams'] }]);
    connector = await startFakeConnector();
    login = await startFakeLogin();
    server = await startTestServer(
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'test-secret-value',
        MicrosoftAppType: 'MultiTenant',
        ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: keys.metadataUrl,
        ToBotFromChannelTokenIssuer: ISSUER,
        ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
        ToChannelFromBotOAuthScope: 'https://api.botframework.com',
        OAuthUrl: 'https://api.botframework.com',
        CallerId: 'urn:botframework:azure',
        ValidateAuthority: 'true',
      },
      { msalNetworkClient: login.networkClient }
    );
  });
  after(async () => {
    await server.stop();
    await Promise.all([connector.close(), login.close(), keys.close()]);
  });
  beforeEach(() => connector.reset());

  const activity = () => personalMessage({ serviceUrl: connector.url, userId: 'dev-practitioner-police', text: 'help' });
  const claims = (a: Record<string, any>) => ({ iss: ISSUER, aud: APP_ID, serviceurl: a.serviceUrl });
  const post = (a: Record<string, any>, token?: string) =>
    server.request('POST', '/api/messages', { body: a, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('should not be in dev mode', async () => {
    const res = await server.request('GET', '/healthz');
    assert.equal(res.body.devMode, false);
    assert.equal((await server.request('GET', '/dev/users')).status, 404);
  });

  it('should reject an unsigned request with 401', async () => {
    const res = await post(activity());
    assert.equal(res.status, 401);
    assert.equal(connector.calls.length, 0);
  });

  it('should reject a token signed by another key with 401', async () => {
    const a = activity();
    const res = await post(a, await signToken(impostor, claims(a), { expiresIn: '5m' }));
    assert.equal(res.status, 401);
  });

  it('should reject an expired token with 401', async () => {
    const a = activity();
    const past = Math.floor(Date.now() / 1000) - 3600;
    const res = await post(a, await signToken(key, { ...claims(a), nbf: past - 600 }, { expiresIn: past }));
    assert.equal(res.status, 401);
  });

  it('should reject a token for another audience with 401', async () => {
    const a = activity();
    const res = await post(a, await signToken(key, { ...claims(a), aud: 'someone-else' }));
    assert.equal(res.status, 401);
  });

  it('should reject an unsigned alg=none token with 401', async () => {
    const a = activity();
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${enc({ alg: 'none', typ: 'JWT', kid: 'bf-key-1' })}.${enc({ ...claims(a), exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    const res = await post(a, none);
    assert.equal(res.status, 401);
  });

  it('should accept a correctly signed request and reply with the bot token', async () => {
    const a = activity();
    const res = await post(a, await signToken(key, claims(a), { expiresIn: '5m' }));
    assert.equal(res.status, 200);
    const [call] = await connector.waitFor(1);
    assert.equal(call.authorization, `Bearer ${login.accessToken}`);
    assert.equal(call.activity.attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
  });

  it('should refuse every REST request with 401 while Entra ID is not configured', async () => {
    const res = await server.request('GET', '/api/me', { token: 'anything' });
    assert.equal(res.status, 401);
  });
});
