import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian's chromium lives (installed by .ci/run; never downloaded by a test tool). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** @returns whether headless Chromium is available on this machine */
export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM);
}

/**
 * Launches headless Debian Chromium with a fresh profile and the flags this closed network needs.
 * Requests to hosts other than 127.0.0.1 are aborted so nothing leaves the machine.
 */
export async function launchBrowser(): Promise<BrowserContext> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
  return context;
}
