import assert from 'node:assert/strict';

import type { BrowserContext, Page } from 'playwright-core';

import { hasChromium, launchBrowser, openSignedIn, seriousViolations } from '../helpers/browser';
import { buildNotificationAnswers } from '../helpers/notifications';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

describe('Reviews tab page in headless Chromium', function () {
  this.timeout(90_000);
  let server: TestServer;
  let browser: BrowserContext;
  let scr: { id: number; reference: string };
  let overdue: { id: number; reference: string };

  before(async function () {
    if (!hasChromium()) {
      throw new Error('chromium is not installed: run `apt-get install -y chromium` (see .ci/run)');
    }
    server = await startTestServer();
    const police = await devToken(server, 'dev-practitioner-police');
    const bu = await devToken(server, 'dev-business-unit');
    const ref = (await server.request('POST', '/api/notifications', { token: police, body: buildNotificationAnswers() })).body.reference;
    await server.request('POST', `/api/notifications/${ref}/decision`, { token: bu, body: { action: 'accept' } });
    const [row] = await server.db.query('SELECT r.id FROM reviews r JOIN notifications n ON n.id = r.notification_id WHERE n.reference = ?', [ref]);
    const panel = await server.request('POST', `/api/reviews/${row.id}/panel`, {
      token: bu,
      body: { aadObjectId: 'dev-panel-member', panelRole: 'Health representative', email: 'mo.hussain@board.example' },
    });
    scr = { id: row.id, reference: panel.body.reference };
    const meeting = await server.request('POST', `/api/reviews/${row.id}/meetings`, {
      token: bu,
      body: { kind: 'panel', date: '2031-03-04', time: '10:00', durationMinutes: 90, location: 'Board room' },
    });
    assert.equal(meeting.status, 201, meeting.text);
    const old = await server.request('POST', '/api/reviews', {
      token: bu,
      body: { type: 'LEARNING_LESSONS_REVIEW', title: 'Learning review of neglect referrals', agencies: ['EDUCATION'], startsOn: '2026-01-05' },
    });
    overdue = { id: old.body.id, reference: old.body.reference };
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openAs(userId: string, query = ''): Promise<Page> {
    const page = await openSignedIn(browser, server.url, `/tabs/?page=reviews${query}`, userId);
    await page.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
    return page;
  }

  async function openReview(page: Page, reference: string): Promise<void> {
    await page.getByRole('button', { name: new RegExp(`^${reference}:`) }).click();
    await page.getByRole('heading', { name: new RegExp(`^${reference}:`), level: 2 }).waitFor();
  }

  it('should list overdue reviews first with their status and next milestone', async () => {
    const page = await openAs('dev-business-unit');
    const rows = await page.getByRole('table', { name: 'Reviews' }).locator('tbody tr').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.deepEqual(rows.slice(0, 2), [`Review ${overdue.reference}`, `Review ${scr.reference}`]);
    const first = await page.getByRole('row', { name: `Review ${overdue.reference}` }).innerText();
    assert.match(first, /Overdue/);
    assert.match(first, /Learning Lessons Review/);
    assert.match(first, /Scoping and terms of reference, .* days? overdue/);
    await page.close();
  });

  it('should show a review with its panel, milestones and the meeting invitation from the calendar outbox', async () => {
    // the outbox worker sends to the local Graph stand-in; wait (bounded) until Outlook has the event
    const sent = async () => {
      const [row] = await server.db.query(
        "SELECT e.join_url AS joinUrl, (SELECT COUNT(*) FROM calendar_outbox o WHERE o.calendar_event_id = e.id AND o.status <> 'sent') AS waiting FROM review_meetings m JOIN calendar_events e ON e.id = m.calendar_event_id WHERE m.review_id = ? AND m.kind = 'panel'",
        [scr.id]
      );
      return Boolean(row.joinUrl) && Number(row.waiting) === 0;
    };
    for (let i = 0; i < 100 && !(await sent()); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(await sent(), 'the stand-in has the event');
    const page = await openAs('dev-business-unit');
    await openReview(page, scr.reference);
    assert.match(await page.getByRole('table', { name: 'Panel' }).innerText(), /Mo Hussain\s+Integrated Care Board\s+Health representative/);
    assert.equal(await page.getByRole('table', { name: 'Milestones' }).locator('tbody tr').count(), 8);
    const meeting = await page.getByRole('table', { name: 'Meetings' }).innerText();
    assert.match(meeting, /2031-03-04 10:00 \(90 min\)/);
    assert.match(meeting, /Invitation sent\s+1 invited/);
    assert.match(meeting, /Join in Teams/);
    await page.close();
  });

  it('should move a milestone with a reason from the page and record it', async () => {
    const page = await openAs('dev-business-unit', `&review=${scr.id}`);
    await page.getByRole('heading', { name: new RegExp(`^${scr.reference}:`), level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Move the date of Draft report' }).click();
    await page.getByLabel('New target date for Draft report').fill('2031-01-10');
    const save = page.getByRole('button', { name: 'Save date' });
    assert.equal(await save.isDisabled(), true, 'no reason yet');
    await page.getByLabel('Reason for the change').fill('Awaiting the health trust chronology');
    await save.click();
    await page.getByRole('row', { name: 'Draft report' }).getByText('Moved: Awaiting the health trust chronology').waitFor();
    const [row] = await server.db.query("SELECT target_date, edited_reason FROM review_milestones WHERE review_id = ? AND code = 'draft_report'", [scr.id]);
    assert.deepEqual(row, { target_date: '2031-01-10', edited_reason: 'Awaiting the health trust chronology' });
    await page.close();
  });

  it('should schedule a practitioner event from the page and queue its invitation', async () => {
    const page = await openAs('dev-business-unit', `&review=${scr.id}`);
    await page.getByRole('heading', { name: new RegExp(`^${scr.reference}:`), level: 2 }).waitFor();
    const form = page.getByRole('form', { name: 'Schedule a meeting' });
    await form.getByLabel('Meeting').selectOption('practitioner_event');
    await form.getByLabel('Date').fill('2031-05-12');
    await form.getByLabel('Start time (UK)').fill('13:30');
    await form.getByLabel('Length (minutes)').fill('120');
    await form.getByLabel('Location').fill('Training room 2');
    await form.getByRole('button', { name: 'Schedule and invite the panel' }).click();
    await page.getByRole('table', { name: 'Meetings' }).getByText('2031-05-12 13:30 (120 min)').waitFor();
    const [row] = await server.db.query(
      "SELECT m.calendar_event_id AS eventId, (SELECT COUNT(*) FROM calendar_outbox o WHERE o.calendar_event_id = m.calendar_event_id) AS outbox FROM review_meetings m WHERE m.review_id = ? AND m.kind = 'practitioner_event'",
      [scr.id]
    );
    assert.ok(row.eventId > 0);
    assert.ok(Number(row.outbox) >= 1);
    await page.close();
  });

  it('should have no serious or critical accessibility violation on the list and an open review with its forms (axe-core)', async () => {
    const page = await openAs('dev-business-unit');
    assert.deepEqual(await seriousViolations(page), [], 'list');
    await openReview(page, scr.reference);
    await page.getByRole('button', { name: 'Move the date of Publication' }).click();
    await page.getByLabel('New target date for Publication').waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'review with the milestone and meeting forms');
    await page.close();
  });

  it('should show a panel member only the reviews they sit on, without controls', async () => {
    const page = await openAs('dev-panel-member');
    const rows = await page.getByRole('table', { name: 'Reviews' }).locator('tbody tr').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.deepEqual(rows, [`Review ${scr.reference}`]);
    await openReview(page, scr.reference);
    assert.equal(await page.getByRole('form', { name: 'Schedule a meeting' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Move the date/ }).count(), 0);
    assert.deepEqual(await seriousViolations(page), [], 'panel member view');
    await page.close();
  });

  it('should not offer the page to a practitioner', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tabs/?page=reviews`);
    await page.getByLabel('Sample user').selectOption('dev-practitioner-police');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/Signed in as/).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Reviews' }).count(), 0);
    await page.close();
  });
});
