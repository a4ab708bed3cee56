import assert from 'node:assert/strict';

import type { BrowserContext, Page } from 'playwright-core';

import { hasChromium, launchBrowser, openSignedIn, seriousViolations } from '../helpers/browser';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

describe('Audits tab page in headless Chromium', function () {
  this.timeout(60_000);
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

  async function openAs(userId: string): Promise<Page> {
    const page = await openSignedIn(browser, server.url, '/tabs/?page=audits', userId);
    await page.getByText(/Signed in as|Themed audits/).first().waitFor();
    return page;
  }

  it('should let the business unit create an audit, add a session, close sign-up, see sign-ups and grade a case', async () => {
    const page = await openAs('dev-business-unit');
    await page.getByRole('heading', { name: 'Themed audits', level: 1 }).waitFor();
    const rows = await page.getByRole('table', { name: 'Audits' }).innerText();
    assert.match(rows, /Neglect: multi-agency themed audit/, 'the sample audits are listed');

    await page.getByRole('button', { name: 'New audit' }).click();
    const form = page.getByRole('form', { name: 'New audit' });
    await form.getByLabel('Theme').fill('Children in need');
    await form.getByLabel('Title').fill('Browser audit');
    await form.getByLabel('Cases to audit').fill('B-01\nB-02');
    await form.getByRole('button', { name: 'Create audit' }).click();
    await page.getByRole('heading', { name: 'Browser audit (Children in need)' }).waitFor();

    const session = page.getByRole('form', { name: 'New focus-group session' });
    await session.getByLabel('Starts at').fill('2030-03-05T10:00');
    await session.getByLabel('Seats').fill('1');
    await session.getByLabel('Venue, or the online meeting').fill('Council House');
    await session.getByRole('button', { name: 'Add session' }).click();
    await page.getByText('Session added.').waitFor();
    const table = page.getByRole('table', { name: 'Focus-group sessions' });
    assert.match(await table.innerText(), /Council House/);

    const audit = (await server.request('GET', '/api/audits', { token: await devToken(server, 'dev-business-unit') })).body.audits.find(
      (a: { title: string }) => a.title === 'Browser audit'
    );
    const detail = await server.request('GET', `/api/audits/${audit.id}`, { token: await devToken(server, 'dev-business-unit') });
    const focusGroupId = detail.body.focusGroups[0].id;
    for (const user of ['dev-practitioner-police', 'dev-practitioner-school']) {
      await server.request('POST', `/api/focus-groups/${focusGroupId}/signups`, { token: await devToken(server, user), body: { role: 'Practitioner' } });
    }
    await page.reload();
    await page.getByRole('button', { name: 'Browser audit' }).click();
    const reloaded = page.getByRole('table', { name: 'Focus-group sessions' });
    await reloaded.getByRole('button', { name: 'Sign-ups' }).click();
    const signups = await page.getByRole('list', { name: 'Sign-ups' }).innerText();
    assert.match(signups, /Priya Patel \(Practitioner, POLICE\): confirmed/);
    assert.match(signups, /Sam Okafor \(Practitioner, EDUCATION\): waiting list, number 1/);
    assert.match(await reloaded.innerText(), /1 of 1\s+1/, 'confirmed and waiting counts');

    await reloaded.getByRole('button', { name: 'Close sign-up' }).click();
    await reloaded.getByRole('button', { name: 'Open sign-up' }).waitFor();
    const [group] = await server.db.query('SELECT status FROM focus_groups WHERE id = ?', [focusGroupId]);
    assert.equal(group.status, 'closed');

    const b01 = page.getByRole('group', { name: 'Case B-01' });
    await b01.getByLabel('Multi-agency working').selectOption('requires_improvement');
    await b01.getByLabel('What worked well').fill('Shared chronology');
    await b01.getByRole('button', { name: 'Save grades for B-01' }).click();
    await page.getByText('Saved.').waitFor();
    const saved = await server.request('GET', `/api/audits/${audit.id}`, { token: await devToken(server, 'dev-business-unit') });
    const b01Row = saved.body.cases.find((c: { caseRef: string }) => c.caseRef === 'B-01');
    assert.deepEqual(b01Row.grades, { multi_agency_working: 'requires_improvement' });
    assert.equal(b01Row.whatWorkedWell, 'Shared chronology');
    await page.close();
  });

  it('should have no serious or critical accessibility violation with an audit open (axe-core)', async () => {
    const page = await openAs('dev-business-unit');
    await page.getByRole('button', { name: 'Neglect: multi-agency themed audit' }).click();
    await page.getByRole('group', { name: 'Case NEG-01' }).waitFor();
    await page.getByRole('table', { name: 'Focus-group sessions' }).getByRole('button', { name: 'Sign-ups' }).first().click();
    await page.getByText('Nobody has signed up yet.').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await page.close();
  });

  it('should not offer the Audits page to a practitioner', async () => {
    const page = await openAs('dev-practitioner-police');
    await page.getByText(/Signed in as/).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Audits' }).count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Themed audits' }).count(), 0);
    await page.close();
  });
});
