import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

import { AuthenticationError } from '../errors';

/** One issuer the API trusts: where its keys are, which audiences and tenants it accepts. */
export type TrustedIssuer = {
  /** resolves the signing key for a token header */
  keys: JWTVerifyGetKey;
  audiences: string[];
  allowedTenants: string[];
  /** issuer templates with `{tenantid}` standing for the token's `tid` */
  issuerTemplates: string[];
};

/** The claims the app uses from a validated access token. */
export type VerifiedToken = { oid: string; tid: string; name: string };

const CLOCK_TOLERANCE_S = 60;

/**
 * Builds a trusted issuer from Entra ID settings.
 * @param settings JWKS URL, audiences, tenant allow-list and issuer templates
 * @returns the trusted issuer, fetching keys lazily and caching them
 */
export function entraIssuer(settings: {
  jwksUrl: string;
  audiences: string[];
  allowedTenants: string[];
  issuerTemplates: string[];
}): TrustedIssuer {
  return {
    keys: createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000 }),
    audiences: settings.audiences,
    allowedTenants: settings.allowedTenants,
    issuerTemplates: settings.issuerTemplates,
  };
}

/**
 * Validates bearer tokens (Entra ID access tokens from Teams SSO, or dev-mode tokens signed by a
 * local key; both go through this one path): signature, expiry, audience, tenant and issuer.
 */
export class TokenVerifier {
  constructor(private readonly issuers: TrustedIssuer[]) {}

  /** @returns whether any issuer is configured (no issuer ⇒ every request is refused) */
  get configured(): boolean {
    return this.issuers.length > 0;
  }

  /**
   * @param authorization the `Authorization` header value
   * @returns the verified claims
   * @throws AuthenticationError for a missing, malformed, expired, wrongly signed, wrong-audience or
   *   wrong-tenant token
   */
  async verify(authorization: string | undefined): Promise<VerifiedToken> {
    if (!authorization || !/^Bearer\s+\S+$/i.test(authorization)) {
      throw new AuthenticationError('A bearer token is required');
    }
    if (!this.configured) {
      throw new AuthenticationError('Sign-in is not configured on this server');
    }
    const token = authorization.replace(/^Bearer\s+/i, '');
    let lastError: unknown;
    for (const issuer of this.issuers) {
      try {
        return await verifyWith(issuer, token);
      } catch (err) {
        lastError = err;
      }
    }
    throw toAuthError(lastError);
  }
}

async function verifyWith(issuer: TrustedIssuer, token: string): Promise<VerifiedToken> {
  const { payload } = await jwtVerify(token, issuer.keys, {
    audience: issuer.audiences,
    clockTolerance: CLOCK_TOLERANCE_S,
    algorithms: ['RS256', 'ES256'],
    requiredClaims: ['exp', 'iss', 'aud'],
  });
  const tid = stringClaim(payload, 'tid');
  if (!issuer.allowedTenants.includes(tid)) {
    throw new AuthenticationError('This tenant is not allowed');
  }
  const expected = issuer.issuerTemplates.map((t) => t.replace('{tenantid}', tid));
  if (!expected.includes(String(payload.iss))) {
    throw new AuthenticationError('Token issuer is not trusted');
  }
  return {
    oid: stringClaim(payload, 'oid'),
    tid,
    name: typeof payload.name === 'string' ? payload.name : 'Unknown user',
  };
}

function stringClaim(payload: JWTPayload, name: string): string {
  const v = payload[name];
  if (typeof v !== 'string' || v.length === 0 || v.length > 100) {
    throw new AuthenticationError(`Token has no valid ${name} claim`);
  }
  return v;
}

function toAuthError(err: unknown): AuthenticationError {
  if (err instanceof AuthenticationError) {
    return err;
  }
  if (err instanceof joseErrors.JWTExpired) {
    return new AuthenticationError('Token has expired');
  }
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    return new AuthenticationError(`Token ${err.claim} claim is not accepted`);
  }
  return new AuthenticationError('Token is not valid');
}
