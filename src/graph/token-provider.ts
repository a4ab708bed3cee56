import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';

import { GraphPermissionError, GraphRetryableError } from './errors';

/** Where and how to ask Entra ID for an app-only token. */
export type ClientCredentials = {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** e.g. `https://graph.microsoft.com/.default` */
  scope: string;
  timeoutMs: number;
};

/** Renew this long before the token expires, so a request never leaves with a dying token. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/** National-cloud Graph hosts whose token audience is their own origin. */
const SOVEREIGN_GRAPH_HOSTS = new Set(['graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn']);

/** @returns the `.default` scope for a Graph base URL (global Graph unless a national cloud is used) */
export function graphScopeFor(baseUrl: string): string {
  const url = new URL(baseUrl);
  return SOVEREIGN_GRAPH_HOSTS.has(url.hostname) ? `${url.origin}/.default` : 'https://graph.microsoft.com/.default';
}

/**
 * App-only access tokens by the OAuth 2.0 client-credentials grant, posted with `fetch` to a
 * configurable token endpoint (a loopback stand-in in tests), cached until shortly before expiry.
 * Concurrent callers share one token request. Never logs or exposes the secret or the token.
 */
export class ClientCredentialsTokenProvider implements AuthenticationProvider {
  private cached?: { token: string; renewAt: number };
  private pending?: Promise<string>;
  /** token requests made so far (tests, benchmark) */
  requests = 0;

  constructor(private readonly credentials: ClientCredentials) {}

  /**
   * @returns a valid access token
   * @throws GraphPermissionError when Entra ID refuses the credentials; GraphRetryableError when it
   *   cannot be reached or answers 429/5xx
   */
  async getAccessToken(): Promise<string> {
    if (this.cached && Date.now() < this.cached.renewAt) {
      return this.cached.token;
    }
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const { tokenUrl, clientId, clientSecret, scope, timeoutMs } = this.credentials;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope });
    this.requests += 1;
    let res: Response;
    let body: Record<string, unknown>;
    try {
      res = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    } catch (err) {
      const timeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      throw new GraphRetryableError(timeout ? 'timeout' : 'network', `The Entra ID token endpoint could not be reached (${timeout ? 'time-out' : 'network error'})`);
    }
    if (res.ok && typeof body.access_token === 'string') {
      const lifetimeMs = Number(body.expires_in ?? 3599) * 1000;
      this.cached = { token: body.access_token, renewAt: Date.now() + Math.max(0, lifetimeMs - EXPIRY_MARGIN_MS) };
      return body.access_token;
    }
    throw tokenFailure(res.status, body);
  }
}

function tokenFailure(status: number, body: Record<string, unknown>): Error {
  const code = typeof body.error === 'string' ? body.error : `HTTP${status}`;
  // Entra's descriptions name the AADSTS code and carry no secret; keep only their first line.
  const description = typeof body.error_description === 'string' ? body.error_description.split(/\r?\n/)[0] : '';
  if (status === 429 || status >= 500) {
    return new GraphRetryableError(status === 429 ? 'throttled' : 'unavailable', `The Entra ID token endpoint answered ${status}`, status);
  }
  return new GraphPermissionError(
    status,
    `Entra ID refused the app's client credentials (${status} ${code}). Check GRAPH_TENANT_ID, GRAPH_CLIENT_ID and ` +
      `GRAPH_CLIENT_SECRET (client secrets expire) and that the app registration has the Microsoft Graph application ` +
      `permissions Calendars.ReadWrite and Calendars.ReadBasic with admin consent. ${description}`.trim()
  );
}
