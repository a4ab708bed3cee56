import { makeKey, signToken, startKeyServer, type KeyServer, type LocalKey } from './local-keys';
import { startTestServer, type TestServer } from './start-server';

export const ENTRA_CLIENT_ID = 'a3c8e1f2-7b54-4c1d-9e3a-2f6b8d0c4e15';
export const ENTRA_AUDIENCE = `api://tabs.example.test/${ENTRA_CLIENT_ID}`;
export const ENTRA_TENANT = '9b2e4f61-3c7a-4d58-8e19-0a6f5c2d7b34';
export const OTHER_TENANT = '1d4f7a2c-8e3b-4c69-9f05-6a2b8c1e3d70';

/** A server configured for Entra ID tokens, with a local key set standing in for Entra's. */
export type EntraServer = {
  server: TestServer;
  key: LocalKey;
  stranger: LocalKey;
  /** signs a valid token for a person, with claim overrides */
  token: (oid: string, over?: Record<string, unknown>, opts?: { expiresIn?: string | number }) => Promise<string>;
  close: () => Promise<void>;
};

/** Starts the app with Entra ID settings pointing at a loopback key set (sample data seeded). */
export async function startEntraServer(env: Record<string, string> = {}): Promise<EntraServer> {
  const key = await makeKey('entra-1');
  const stranger = await makeKey('entra-1');
  const keys: KeyServer = await startKeyServer([key.jwk], 'unused');
  const server = await startTestServer({
    ENTRA_CLIENT_ID,
    ENTRA_AUDIENCES: `${ENTRA_AUDIENCE},${ENTRA_CLIENT_ID}`,
    ENTRA_ALLOWED_TENANTS: ENTRA_TENANT,
    ENTRA_JWKS_URL: keys.jwksUrl,
    DB_SEED_SAMPLE_DATA: 'true',
    ...env,
  });
  return {
    server,
    key,
    stranger,
    token: (oid, over = {}, opts = {}) =>
      signToken(
        key,
        { iss: `https://login.microsoftonline.com/${ENTRA_TENANT}/v2.0`, aud: ENTRA_AUDIENCE, tid: ENTRA_TENANT, oid, name: oid, ...over },
        opts
      ),
    close: async () => {
      await server.stop();
      await keys.close();
    },
  };
}
