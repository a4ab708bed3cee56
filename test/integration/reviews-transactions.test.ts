import assert from 'node:assert/strict';
import path from 'node:path';

import type { DataSource } from 'typeorm';

import { openDatabase } from '../../src/data/data-source';
import { seedSampleData } from '../../src/data/seed/sample-data';
import type { Caller } from '../../src/domain/caller';
import { loadEnglandBankHolidays } from '../../src/domain/calendar/working-days';
import { IdentityService } from '../../src/domain/identity-service';
import {
  addPanelMember,
  createReview,
  scheduleReviewMeeting,
  type ReviewDeps,
  type ReviewReminderSync,
} from '../../src/domain/reviews';
import { ServiceUnavailableError } from '../../src/errors';
import { tempDir } from '../helpers/start-server';

/** Counts rows of the tables a scheduled meeting writes. */
async function counts(db: DataSource): Promise<{ meetings: number; events: number; outbox: number }> {
  const [row] = await db.query(
    'SELECT (SELECT COUNT(*) FROM review_meetings) AS meetings, (SELECT COUNT(*) FROM calendar_events) AS events, (SELECT COUNT(*) FROM calendar_outbox) AS outbox'
  );
  return { meetings: Number(row.meetings), events: Number(row.events), outbox: Number(row.outbox) };
}

describe('scheduleReviewMeeting (one transaction with the calendar outbox)', function () {
  this.timeout(30_000);
  let db: DataSource;
  let deps: ReviewDeps;
  let bu: Caller;
  let reviewId: number;

  before(async () => {
    db = await openDatabase({ type: 'sqlite', path: path.join(tempDir('sl-reviews-'), 'r.sqlite') });
    await seedSampleData(db);
    const now = () => new Date('2030-06-03T09:00:00Z');
    deps = {
      db,
      model: '2015',
      holidays: loadEnglandBankHolidays(),
      timeZone: 'Europe/London',
      now,
      tracker: { db, rag: { amberWithinDays: 14, staleProgressDays: 30 }, timeZone: 'Europe/London', now },
    };
    bu = await new IdentityService(db).resolve('dev-business-unit', 'Beth Lewis');
    reviewId = (await createReview(deps, bu, { type: 'CASE_REVIEW_1', title: 'Transaction test review', agencies: ['POLICE'] })).id;
    await addPanelMember(deps, bu, reviewId, { aadObjectId: 'dev-panel-member', panelRole: 'Chair', email: 'chair@board.example' });
  });
  after(async () => {
    await db?.destroy();
  });

  const meeting = { kind: 'panel' as const, startsAt: new Date('2030-07-01T09:30:00Z'), durationMinutes: 90, location: 'Board room' };

  it('should commit the meeting, its calendar event and the outbox row together', async () => {
    const before = await counts(db);
    const review = await scheduleReviewMeeting(deps, bu, reviewId, meeting);
    assert.deepEqual(await counts(db), { meetings: before.meetings + 1, events: before.events + 1, outbox: before.outbox + 1 });
    const eventId = review.meetings[0].invitation.calendarEventId;
    const [row] = await db.query('SELECT operation, status FROM calendar_outbox WHERE calendar_event_id = ?', [eventId]);
    assert.deepEqual(row, { operation: 'create', status: 'pending' });
    assert.equal(review.meetings[0].invitation.state, 'pending');
  });

  it('should leave no meeting, event or outbox row when a later step of the same transaction fails', async () => {
    const before = await counts(db);
    const failing: ReviewReminderSync = async () => {
      throw new ServiceUnavailableError('reminders unavailable');
    };
    await assert.rejects(scheduleReviewMeeting({ ...deps, reminders: failing }, bu, reviewId, meeting), /reminders unavailable/);
    assert.deepEqual(await counts(db), before);
  });

  it('should leave nothing when the calendar refuses the event', async () => {
    const before = await counts(db);
    const badAttendee = { ...meeting, attendees: [{ email: 'not-an-email' }] };
    await assert.rejects(scheduleReviewMeeting(deps, bu, reviewId, badAttendee), /calendar event is not valid/);
    assert.deepEqual(await counts(db), before);
  });
});
