import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

import type { TrustedIssuer } from './token-verifier';

/** Tenant, issuer and audience of dev-mode tokens. */
export const DEV_TENANT_ID = '00000000-0000-4000-8000-000000000de0';
export const DEV_ISSUER = `urn:safeguarding-learning:dev:${DEV_TENANT_ID}`;
export const DEV_AUDIENCE = 'api://localhost/safeguarding-learning-dev';

const DEV_KID = 'dev-key-1';
const TOKEN_LIFETIME = '8h';

/**
 * Signs dev-mode tokens with a key made at start-up. Its tokens are checked by the same
 * TokenVerifier as Entra ID tokens, through the trusted issuer it exposes.
 */
export class DevTokenIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly jwk: JWK
  ) {}

  /** Generates a fresh RS256 key pair. */
  static async create(): Promise<DevTokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: DEV_KID, alg: 'RS256', use: 'sig' };
    return new DevTokenIssuer(privateKey, jwk);
  }

  /** @returns the issuer entry that makes TokenVerifier accept this issuer's tokens */
  trustedIssuer(): TrustedIssuer {
    return {
      keys: createLocalJWKSet({ keys: [this.jwk] }),
      audiences: [DEV_AUDIENCE],
      allowedTenants: [DEV_TENANT_ID],
      issuerTemplates: [DEV_ISSUER.replace(DEV_TENANT_ID, '{tenantid}')],
    };
  }

  /**
   * @param user the sample user's id and name
   * @returns a signed token shaped like an Entra ID access token
   */
  async sign(user: { id: string; name: string }): Promise<string> {
    return new SignJWT({ oid: user.id, tid: DEV_TENANT_ID, name: user.name, scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'RS256', kid: DEV_KID, typ: 'JWT' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setSubject(user.id)
      .setIssuedAt()
      .setExpirationTime(TOKEN_LIFETIME)
      .sign(this.privateKey);
  }
}
