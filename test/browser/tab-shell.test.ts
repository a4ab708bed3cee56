import assert from 'node:assert/strict';

import type { BrowserContext } from 'playwright-core';

import { hasChromium, launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/start-server';

describe('tab shell in headless Chromium (dev mode)', function () {
  let server: TestServer;
  let browser: BrowserContext;

  before(async function () {
    if (!hasChromium()) {
      throw new Error('chromium is not installed: run `apt-get install -y chromium` (see .ci/run)');
    }
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('should let a person pick a sample user and show who they are signed in as', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tabs/`);
    await page.getByRole('heading', { name: /Sign in \(development mode\)/ }).waitFor();
    await page.getByLabel('Sample user').selectOption('dev-agency-lead-police');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/Signed in as/).waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /Alex Morgan/);
    assert.match(text, /County Police/);
    assert.match(text, /Agency lead/);
    await page.close();
  });

  it('should serve the tab with a CSP that only lets Teams frame it', async () => {
    const res = await fetch(`${server.url}/tabs/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors [^;]*teams\.microsoft\.com/);
    assert.doesNotMatch(csp, /frame-ancestors \*/);
  });
});
