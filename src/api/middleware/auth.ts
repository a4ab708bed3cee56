import type { Role } from '../../contracts/identity';
import { hasRole } from '../../domain/caller';
import type { IdentityService } from '../../domain/identity-service';
import type { TokenVerifier } from '../../auth/token-verifier';
import { AuthenticationError, AuthorizationError } from '../../errors';
import type { AppRequest, Handler } from '../http';

/**
 * Checks the bearer token and loads the caller's roles and agency from the database.
 * @throws AuthenticationError (401) for a missing or invalid token
 */
export function authenticate(verifier: TokenVerifier, identity: IdentityService): Handler {
  return async (req) => {
    const token = await verifier.verify(req.headers.authorization);
    req.caller = await identity.resolve(token.oid, token.name);
  };
}

/**
 * Lets the request through only when the caller holds one of the roles.
 * @throws AuthorizationError (403) otherwise
 */
export function requireRole(...roles: Role[]): Handler {
  return async (req) => {
    if (!hasRole(callerOf(req), ...roles)) {
      throw new AuthorizationError(`This needs one of these roles: ${roles.join(', ')}`);
    }
  };
}

/** @returns the authenticated caller; throws 401 if `authenticate` did not run */
export function callerOf(req: AppRequest) {
  if (!req.caller) {
    throw new AuthenticationError();
  }
  return req.caller;
}
