import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';

/** A signing key with its public JWK (key id included). */
export type LocalKey = { kid: string; privateKey: CryptoKey; jwk: JWK };

/** Generates an RS256 key pair for tests. */
export async function makeKey(kid: string): Promise<LocalKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** Signs a JWT with a local key. */
export async function signToken(
  key: LocalKey,
  claims: JWTPayload,
  opts: { expiresIn?: string | number; notBefore?: string | number; alg?: string } = {}
): Promise<string> {
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: opts.alg ?? 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? '1h');
  if (opts.notBefore !== undefined) {
    jwt = jwt.setNotBefore(opts.notBefore);
  }
  return jwt.sign(key.privateKey);
}

/** A loopback server publishing OpenID metadata and a key set, like Entra ID or the Bot Framework. */
export type KeyServer = {
  url: string;
  metadataUrl: string;
  jwksUrl: string;
  close: () => Promise<void>;
};

/**
 * Serves `/.well-known/openid-configuration` and `/keys` on 127.0.0.1.
 * @param keys public keys to publish (extra JWK fields such as `endorsements` are kept)
 * @param issuer the issuer to advertise
 */
export async function startKeyServer(keys: (JWK & Record<string, unknown>)[], issuer = 'https://api.botframework.com'): Promise<KeyServer> {
  const server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/.well-known/openid-configuration')) {
      res.end(JSON.stringify({ issuer, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      return;
    }
    if (req.url?.startsWith('/keys')) {
      res.end(JSON.stringify({ keys }));
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    metadataUrl: `${url}/.well-known/openid-configuration`,
    jwksUrl: `${url}/keys`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
