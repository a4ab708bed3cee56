import assert from 'node:assert/strict';

import type { BrowserContext, Page } from 'playwright-core';

import { hasChromium, launchBrowser, openSignedIn, seriousViolations } from '../helpers/browser';
import { buildNoReviewAnswers, buildNotificationAnswers } from '../helpers/notifications';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

describe('Notifications tab page in headless Chromium', function () {
  this.timeout(60_000);
  let server: TestServer;
  let browser: BrowserContext;
  let scrRef: string;
  let overdueRef: string;
  let decidedRef: string;

  before(async function () {
    if (!hasChromium()) {
      throw new Error('chromium is not installed: run `apt-get install -y chromium` (see .ci/run)');
    }
    server = await startTestServer();
    const police = await devToken(server, 'dev-practitioner-police');
    const bu = await devToken(server, 'dev-business-unit');
    const create = async (body: unknown) =>
      (await server.request('POST', '/api/notifications', { token: police, body })).body.reference as string;
    scrRef = await create(buildNotificationAnswers());
    // aware in January: its notification clock is long past, so it is overdue
    overdueRef = await create(buildNotificationAnswers({ incidentDate: '2026-01-05', awareDate: '2026-01-06' }));
    decidedRef = await create(buildNoReviewAnswers());
    const decided = await server.request('POST', `/api/notifications/${decidedRef}/decision`, {
      token: bu,
      body: { action: 'accept' },
    });
    assert.equal(decided.status, 200);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openAs(userId: string): Promise<Page> {
    const page = await openSignedIn(browser, server.url, '/tabs/?page=notifications', userId);
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    return page;
  }

  it('should group the pipeline by status with overdue notifications first and working days shown', async () => {
    const page = await openAs('dev-business-unit');
    const newGroup = page.getByRole('region', { name: /^New/ });
    const labels = await newGroup.locator('[aria-label^="Notification "]').evaluateAll((els) =>
      els.map((e) => e.getAttribute('aria-label'))
    );
    assert.deepEqual(labels.slice(0, 2), [`Notification ${overdueRef}`, `Notification ${scrRef}`]);
    const overdueText = await newGroup.locator(`[aria-label="Notification ${overdueRef}"]`).innerText();
    assert.match(overdueText, /Overdue/);
    assert.match(overdueText, /working days? overdue/);
    const decidedGroup = await page.getByRole('region', { name: /^Decided/ }).innerText();
    assert.match(decidedGroup, new RegExp(decidedRef));
    assert.match(decidedGroup, /Route accepted: No review by Beth Lewis/);
    await page.close();
  });

  it('should have no serious or critical accessibility violation, with a decision form open (axe-core)', async () => {
    const page = await openAs('dev-business-unit');
    assert.deepEqual(await seriousViolations(page), [], 'pipeline');
    await page.locator(`[aria-label="Notification ${overdueRef}"]`).getByRole('button', { name: 'Choose another route' }).click();
    await page.getByLabel(`Route for ${overdueRef}`).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'decision form');
    await page.close();
  });

  it('should let the business unit accept a route from the page', async () => {
    const page = await openAs('dev-business-unit');
    const card = page.locator(`[aria-label="Notification ${scrRef}"]`);
    await card.getByRole('button', { name: /^Accept Serious Case Review/ }).click();
    await page.getByRole('region', { name: /^Decided/ }).locator(`[aria-label="Notification ${scrRef}"]`).waitFor();
    const [row] = await server.db.query('SELECT status, decided_by FROM notifications WHERE reference = ?', [scrRef]);
    assert.deepEqual(row, { status: 'decided', decided_by: 'dev-business-unit' });
    await page.close();
  });

  it('should show the board the pipeline without decision controls', async () => {
    const page = await openAs('dev-board-chair');
    await page.locator(`[aria-label="Notification ${overdueRef}"]`).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Accept/ }).count(), 0);
    await page.close();
  });

  it('should not offer the page to a practitioner', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tabs/?page=notifications`);
    await page.getByLabel('Sample user').selectOption('dev-practitioner-police');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/Signed in as/).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Notifications' }).count(), 0);
    await page.close();
  });
});
