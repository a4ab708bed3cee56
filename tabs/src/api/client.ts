import type { MeDto } from '../../../src/contracts/identity';

/** Error answered by the API, with its stable code and a message fit to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body?: unknown
  ) {
    super(message);
  }
}

/** Calls the app's REST API with the signed-in user's token. */
export class ApiClient {
  constructor(private readonly getToken: () => Promise<string>) {}

  /** Sends a request and parses the JSON answer; non-2xx answers become ApiError. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.getToken()}` };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const err = (json ?? {}) as { error?: string; message?: string };
      throw new ApiError(res.status, err.error ?? 'error', err.message ?? `Request failed (${res.status})`, json);
    }
    return json as T;
  }

  /** Fetches a file (e.g. an export) with the token; non-2xx answers become ApiError. */
  async download(path: string): Promise<Blob> {
    const res = await fetch(path, { headers: { authorization: `Bearer ${await this.getToken()}` } });
    if (!res.ok) {
      const err = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
      throw new ApiError(res.status, err.error ?? 'error', err.message ?? `Download failed (${res.status})`, err);
    }
    return res.blob();
  }

  /** @returns the signed-in user */
  me(): Promise<MeDto> {
    return this.request<MeDto>('GET', '/api/me');
  }
}
