import assert from 'node:assert/strict';

import type { BrowserContext, Page } from 'playwright-core';

import { hasChromium, launchBrowser, openSignedIn, seriousViolations } from '../helpers/browser';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

/** Signs in as a sample user and opens the tracker page. */
async function openTracker(browser: BrowserContext, server: TestServer, userId: string): Promise<Page> {
  const page = await openSignedIn(browser, server.url, '/tabs/?page=tracker', userId);
  await page.getByRole('heading', { name: 'Action tracker', level: 1 }).waitFor();
  await page.locator('[data-action-id]').first().waitFor();
  return page;
}

/** @returns the ids of the rows shown, in order */
async function rowIds(page: Page): Promise<number[]> {
  return (await page.locator('[data-action-id]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-action-id')))));
}

describe('tracker tab in headless Chromium (dev mode)', function () {
  this.timeout(90_000);
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

  it('should show the RAG counts and list the actions overdue first', async () => {
    const page = await openTracker(browser, server, 'dev-agency-lead-police');
    const [{ n }] = await server.db.query('SELECT COUNT(*) AS n FROM actions');
    await page.getByText(`${n} in total`).waitFor();
    const bar = page.getByRole('img', { name: new RegExp(`^${n} actions: \\d+ red`) });
    assert.equal(await bar.count(), 1);
    const firstRows = await page.locator('[data-action-id]').first().innerText();
    assert.match(firstRows, /overdue/);
    await page.close();
  });

  it('should filter by agency, status, overdue and text', async () => {
    const page = await openTracker(browser, server, 'dev-agency-lead-police');
    await page.getByLabel('Lead agency').selectOption('POLICE');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-action-id]')).every((r) => r.textContent?.includes('County Police')));
    const police = (await server.db.query("SELECT a.id FROM actions a JOIN agencies g ON g.id = a.lead_agency_id WHERE g.code = 'POLICE'")).map((r: { id: number }) => r.id);
    assert.deepEqual((await rowIds(page)).sort(), police.sort());

    await page.getByRole('switch', { name: 'Overdue only' }).click();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-action-id]')).every((r) => r.textContent?.includes('(overdue)')));
    await page.getByRole('switch', { name: 'Overdue only' }).click();

    await page.getByRole('checkbox', { name: 'Green' }).check();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-action-id]')).every((r) => /Green/.test(r.textContent ?? '')));
    await page.getByRole('checkbox', { name: 'Green' }).uncheck();

    await page.getByRole('searchbox').fill('vetting');
    await page.waitForFunction(() => document.querySelectorAll('[data-action-id]').length === 1);
    assert.match(await page.locator('[data-action-id]').innerText(), /vetting renewals/);
    await page.close();
  });

  it('should group by plan and by agency with every action once, under its own heading', async () => {
    const page = await openTracker(browser, server, 'dev-board-chair');
    const all = (await rowIds(page)).sort();
    for (const [groupBy, count] of [['plan', 'SELECT COUNT(DISTINCT plan_id) AS n FROM actions'], ['agency', 'SELECT COUNT(DISTINCT lead_agency_id) AS n FROM actions']]) {
      await page.getByLabel('Group by').selectOption(groupBy);
      const [{ n }] = await server.db.query(count);
      await page.waitForFunction((want) => document.querySelectorAll('section h3').length === want, Number(n));
      assert.deepEqual((await rowIds(page)).sort(), all, groupBy);
    }
    await page.close();
  });

  it('should update an action from the side panel and show the change in its history', async () => {
    const page = await openTracker(browser, server, 'dev-agency-lead-police');
    await page.getByLabel('Lead agency').selectOption('POLICE');
    await page.getByRole('button', { name: /Re-check vetting renewals/ }).click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('heading', { name: 'History' }).waitFor();
    await panel.getByRole('radio', { name: 'Amber' }).check();
    await panel.getByLabel(/Progress note/).fill('Vetting unit has extra staff from next week');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel.getByText('Saved. The change is in the history below.').waitFor();
    const history = await panel.getByRole('list', { name: 'Changes, newest first' }).innerText();
    assert.match(history, /Status: red → amber/);
    assert.match(history, /Vetting unit has extra staff from next week/);
    assert.match(history, /Alex Morgan/);
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    assert.match(await page.locator('[data-action-id]', { hasText: 'Re-check vetting' }).innerText(), /Amber/);
    await page.close();
  });

  it('should say that someone else changed the action and show the latest version on a conflict', async () => {
    const page = await openTracker(browser, server, 'dev-agency-lead-police');
    await page.getByLabel('Lead agency').selectOption('POLICE');
    await page.getByRole('button', { name: /Brief neighbourhood teams/ }).click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('heading', { name: 'History' }).waitFor();
    const [row] = await server.db.query("SELECT id, version FROM actions WHERE description LIKE 'Brief neighbourhood teams%'");
    const bu = await devToken(server, 'dev-business-unit');
    const other = await server.request('PATCH', `/api/actions/${row.id}`, { token: bu, body: { version: row.version, note: 'Changed by the business unit meanwhile' } });
    assert.equal(other.status, 200);
    await panel.getByLabel(/Progress note/).fill('My late note');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel.getByText(/Someone else changed this action/).waitFor();
    assert.match(await panel.innerText(), /Changed by the business unit meanwhile/);
    assert.equal(await panel.getByLabel(/Progress note/).inputValue(), 'My late note', 'the note typed is kept to try again');
    await page.close();
  });

  it('should show the update form disabled, with the reason, to someone who may only read', async () => {
    const page = await openTracker(browser, server, 'dev-practitioner-police');
    await page.locator('[data-action-id] button').first().click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('heading', { name: 'History' }).waitFor();
    assert.equal(await panel.getByRole('button', { name: 'Save changes' }).isDisabled(), true);
    assert.match(await panel.innerText(), /You can read this action/);
    await page.close();
  });

  it('should load more actions with the next page from the server', async () => {
    const bu = await devToken(server, 'dev-business-unit');
    const recs = await server.db.query('SELECT id FROM recommendations ORDER BY id LIMIT 1');
    const actions = Array.from({ length: 60 }, (_, i) => ({ leadAgency: 'HOUSING', description: `Housing follow-up step ${i + 1}`, targetDate: '2031-05-01' }));
    const res = await server.request('POST', `/api/recommendations/${recs[0].id}/actions`, { token: bu, body: { actions } });
    assert.equal(res.status, 201, res.text);
    const page = await openTracker(browser, server, 'dev-board-chair');
    const before = (await rowIds(page)).length;
    assert.equal(before, 50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-action-id]').length > n, before);
    const ids = await rowIds(page);
    assert.equal(new Set(ids).size, ids.length, 'no row twice');
    await page.close();
  });

  it('should have no serious or critical accessibility violation on the tracker or in the side panel (axe-core)', async () => {
    const page = await openTracker(browser, server, 'dev-agency-lead-police');
    assert.deepEqual(await seriousViolations(page), [], 'tracker page');
    await page.getByLabel('Group by').selectOption('plan');
    await page.locator('h3').first().waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'grouped by plan');
    await page.locator('[data-action-id] button').first().click();
    await page.getByRole('dialog').getByRole('heading', { name: 'History' }).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'side panel, read only');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByLabel('Lead agency').selectOption('POLICE');
    await page.locator('[data-action-id] button', { hasText: 'Re-check vetting renewals' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'side panel with the update form');
    await page.close();
  });

  it('should be usable from the keyboard: open an action with Enter and close the panel with Escape', async () => {
    const page = await openTracker(browser, server, 'dev-agency-lead-police');
    const first = page.locator('[data-action-id] button').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('heading', { name: 'History' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.close();
  });
});
