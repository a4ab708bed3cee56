import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/** A loopback stand-in for the Entra ID token endpoint that the bot's MSAL client calls. */
export type FakeLogin = {
  /** MSAL network module sending every request to this server instead of login.microsoftonline.com */
  networkClient: INetworkModule;
  /** the access token it hands out */
  accessToken: string;
  tokenRequests: number;
  close: () => Promise<void>;
};

/** Starts the stand-in. It answers instance discovery, OpenID metadata and client-credential grants. */
export async function startFakeLogin(accessToken = 'fake-bot-access-token'): Promise<FakeLogin> {
  const state = { tokenRequests: 0 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'https://login.microsoftonline.com');
    const tenant = url.pathname.split('/')[1] || 'common';
    const authority = `https://login.microsoftonline.com/${tenant}`;
    res.setHeader('content-type', 'application/json');
    req.resume();
    if (url.pathname.endsWith('/discovery/instance')) {
      res.end(
        JSON.stringify({
          tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
          metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.microsoftonline.com', aliases: ['login.microsoftonline.com'] }],
        })
      );
      return;
    }
    if (url.pathname.endsWith('/.well-known/openid-configuration')) {
      res.end(
        JSON.stringify({
          token_endpoint: `${authority}/oauth2/v2.0/token`,
          authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
          issuer: `${authority}/v2.0`,
          jwks_uri: `${authority}/discovery/v2.0/keys`,
        })
      );
      return;
    }
    if (url.pathname.endsWith('/oauth2/v2.0/token') && req.method === 'POST') {
      state.tokenRequests++;
      res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: accessToken }));
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const send = async <T>(method: string, target: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const u = new URL(target);
    const res = await fetch(`${base}${u.pathname}${u.search}`, {
      method,
      headers: options?.headers,
      body: method === 'POST' ? options?.body : undefined,
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    return { headers, status: res.status, body: (await res.json()) as T };
  };
  return {
    networkClient: {
      sendGetRequestAsync: (url, options) => send('GET', url, options),
      sendPostRequestAsync: (url, options) => send('POST', url, options),
    },
    accessToken,
    get tokenRequests() {
      return state.tokenRequests;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
