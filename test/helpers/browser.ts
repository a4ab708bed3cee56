import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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

/**
 * Serious and critical axe-core violations (WCAG 2.1 A/AA) once animations have settled. One known
 * false positive is set aside, as Accessibility Insights does: Fluent UI's focus manager (tabster)
 * adds `<i data-tabster-dummy aria-hidden tabindex=0>` guards that only pass focus on
 * (microsoft/tabster#288); every other node of that rule still counts.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy'))),
    }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Opens a tab page in a new browser page and signs in as a dev-mode sample user.
 * @param path the tab path and query, e.g. `/tabs/?page=tracker`
 * @returns the page, signed in (the caller waits for what the page shows)
 */
export async function openSignedIn(browser: BrowserContext, baseUrl: string, path: string, userId: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Sample user').selectOption(userId);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}
