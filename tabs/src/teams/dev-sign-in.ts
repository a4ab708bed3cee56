import type { DevUserDto } from '../../../src/contracts/identity';

const STORAGE_KEY = 'sl.devToken';

/** @returns the sample users offered by a dev-mode server, or null when the server is not in dev mode */
export async function listDevUsers(): Promise<DevUserDto[] | null> {
  const res = await fetch('/dev/users');
  if (!res.ok) {
    return null;
  }
  return ((await res.json()) as { users: DevUserDto[] }).users;
}

/** Signs in as a sample user and remembers the token for this browser tab. */
export async function devSignIn(userId: string): Promise<string> {
  const res = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!res.ok) {
    throw new Error(`Sign-in failed (${res.status})`);
  }
  const { token } = (await res.json()) as { token: string };
  sessionStorage.setItem(STORAGE_KEY, token);
  return token;
}

/** @returns the remembered dev token, if any */
export function storedDevToken(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

/** Forgets the dev token (sign out). */
export function clearDevToken(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
