import assert from 'node:assert/strict';
import path from 'node:path';

import type { DataSource, FindOptionsWhere } from 'typeorm';

import { openDatabase } from '../../src/data/data-source';
import { Reminder, ReminderPreference } from '../../src/data/entities';
import {
  actionTargetReminders,
  cancelSubject,
  mute,
  panelMeetingReminders,
  rescheduleSubject,
  scheduleReminders,
  snooze,
  statutoryClockReminders,
  unmute,
  type ReminderItem,
  type ReminderScheduleSettings,
} from '../../src/domain/reminders';
import { loadEnglandBankHolidays } from '../../src/domain/calendar/working-days';
import { ValidationError } from '../../src/errors';
import { tempDir } from '../helpers/start-server';

const settings: ReminderScheduleSettings = {
  timeZone: 'Europe/London',
  localTime: { hour: 9, minute: 0 },
  panelLeadDays: [7, 1],
  infoReportLeadDays: [7, 1, 0],
  eventLeadDays: [1],
  actionLeadDays: [7, 0],
  actionOverdueEveryDays: 7,
  actionOverdueCount: 2,
  clockWarnWorkingDays: [2],
};
const NOW = new Date('2026-01-05T12:00:00Z');
const payload = { reference: 'ACT-42', title: 'Refresh the escalation policy' };
const lead = { aad: 'aad-lead-police' };

function actionItems(targetDate: string, recipients = [lead]): ReminderItem[] {
  return actionTargetReminders({ actionId: 42, targetDate, recipients, payload }, settings, NOW);
}

async function rows(db: DataSource, where: FindOptionsWhere<Reminder> = {}): Promise<Reminder[]> {
  return db.getRepository(Reminder).find({ where, order: { dueAt: 'ASC', id: 'ASC' } });
}

describe('scheduleReminders / rescheduleSubject / cancelSubject', () => {
  let db: DataSource;
  beforeEach(async () => {
    db = await openDatabase({ type: 'sqlite', path: path.join(tempDir(), 'r.sqlite') });
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('should create one row per reminder when the same items are scheduled twice', async () => {
    const first = await scheduleReminders(db, actionItems('2026-03-02'));
    const second = await scheduleReminders(db, actionItems('2026-03-02'));

    assert.deepEqual(first, { created: 4, reopened: 0, unchanged: 0, cancelled: 0 });
    assert.deepEqual(second, { created: 0, reopened: 0, unchanged: 4, cancelled: 0 });
    const stored = await rows(db);
    assert.equal(stored.length, 4);
    assert.ok(stored.every((r) => r.status === 'pending' && r.recipientAad === 'aad-lead-police'));
    assert.deepEqual(
      stored.map((r) => r.dueAt.toISOString()),
      ['2026-02-23T09:00:00.000Z', '2026-03-02T09:00:00.000Z', '2026-03-09T09:00:00.000Z', '2026-03-16T09:00:00.000Z']
    );
  });

  it('should commit or roll back with the caller transaction when given its entity manager', async () => {
    await assert.rejects(
      db.transaction(async (em) => {
        await scheduleReminders(em, actionItems('2026-03-02'));
        throw new Error('the feature change failed');
      }),
      /feature change failed/
    );
    assert.equal((await rows(db)).length, 0);
  });

  it('should cancel the old reminders and add new ones when the target date moves', async () => {
    await scheduleReminders(db, actionItems('2026-03-02'));

    const result = await rescheduleSubject(db, { subjectType: 'action', subjectId: 42 }, actionItems('2026-04-13'));

    assert.deepEqual(result, { created: 4, reopened: 0, unchanged: 0, cancelled: 4 });
    const cancelled = await rows(db, { status: 'cancelled' });
    assert.equal(cancelled.length, 4);
    assert.ok(cancelled.every((r) => r.lastError === 'rescheduled' && r.payload.deadline === '2026-03-02'));
    const pending = await rows(db, { status: 'pending' });
    assert.deepEqual(pending.map((r) => r.payload.deadline), ['2026-04-13', '2026-04-13', '2026-04-13', '2026-04-13']);
    assert.equal(pending[0].dueAt.toISOString(), '2026-04-06T08:00:00.000Z', '09:00 BST after the March change');
  });

  it('should leave reminders already sent alone and re-open cancelled ones when the date moves back', async () => {
    await scheduleReminders(db, actionItems('2026-03-02'));
    const [firstRow] = await rows(db);
    await db.getRepository(Reminder).update({ id: firstRow.id }, { status: 'sent', sentAt: new Date() });
    await rescheduleSubject(db, { subjectType: 'action', subjectId: 42 }, actionItems('2026-04-13'));

    const back = await rescheduleSubject(db, { subjectType: 'action', subjectId: 42 }, actionItems('2026-03-02'));

    assert.deepEqual(back, { created: 0, reopened: 3, unchanged: 1, cancelled: 4 });
    assert.equal((await db.getRepository(Reminder).findOneByOrFail({ id: firstRow.id })).status, 'sent');
    assert.equal((await rows(db, { status: 'pending' })).length, 3);
  });

  it('should touch only the kinds named when a subject has several', async () => {
    const holidays = loadEnglandBankHolidays();
    const clock = (due: string) =>
      statutoryClockReminders(
        {
          clock: { code: 'SCR_COMPLETE', due },
          subjectType: 'review',
          subjectId: 7,
          recipients: [{ conversationId: '19:bu@thread.tacv2' }],
          payload: { reference: 'SCR-7', title: 'Complete the SCR' },
        },
        settings,
        holidays,
        NOW
      );
    const meeting = panelMeetingReminders(
      { meetingId: 7, startsAt: new Date('2026-02-10T10:00:00Z'), recipients: [lead], payload },
      settings,
      NOW
    ).map((i) => ({ ...i, subjectType: 'review', subjectId: '7' }));
    await scheduleReminders(db, [...clock('2026-06-01'), ...meeting]);

    const result = await rescheduleSubject(
      db,
      { subjectType: 'review', subjectId: 7, kinds: ['statutory_clock'] },
      clock('2026-07-01')
    );

    assert.equal(result.cancelled, 2);
    assert.equal((await rows(db, { kind: 'panel_meeting', status: 'pending' })).length, 2);
  });

  it('should refuse items of another subject when rescheduling', async () => {
    await assert.rejects(
      rescheduleSubject(db, { subjectType: 'action', subjectId: 41 }, actionItems('2026-03-02')),
      ValidationError
    );
  });

  it('should refuse a payload field that is not allowed, and write nothing', async () => {
    const [item] = actionItems('2026-03-02');
    const bad = { ...item, payload: { ...item.payload, childName: 'not allowed' } } as ReminderItem;

    await assert.rejects(scheduleReminders(db, [item, bad]), (err: unknown) => {
      assert.ok(err instanceof ValidationError);
      assert.match(err.message, /payload/);
      return true;
    });
    assert.equal((await rows(db)).length, 0);
  });

  it('should cancel every open reminder of a subject when it is cancelled', async () => {
    await scheduleReminders(db, [...actionItems('2026-03-02'), ...actionItems('2026-03-02', [{ aad: 'aad-other' }])]);

    assert.equal(await cancelSubject(db, { subjectType: 'action', subjectId: 42 }), 8);
    assert.equal((await rows(db, { status: 'pending' })).length, 0);
  });
});

describe('snooze / mute / unmute', () => {
  let db: DataSource;
  beforeEach(async () => {
    db = await openDatabase({ type: 'sqlite', path: path.join(tempDir(), 'p.sqlite') });
    await scheduleReminders(db, actionItems('2026-03-02'));
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('should move pending reminders of the kind due before the snooze end to the snooze end', async () => {
    const until = new Date('2026-03-03T09:00:00Z');

    const moved = await snooze(db, 'aad-lead-police', 'action_target', until);

    assert.equal(moved, 2);
    const next = (await rows(db)).map((r) => r.nextAttemptAt.toISOString()).sort();
    assert.deepEqual(next, [
      '2026-03-03T09:00:00.000Z',
      '2026-03-03T09:00:00.000Z',
      '2026-03-09T09:00:00.000Z',
      '2026-03-16T09:00:00.000Z',
    ]);
    const pref = await db.getRepository(ReminderPreference).findOneByOrFail({ aad: 'aad-lead-police', kind: 'action_target' });
    assert.equal(pref.snoozedUntil?.toISOString(), until.toISOString());
  });

  it('should cancel pending reminders of the kind when muted and re-open the ones still to come when unmuted', async () => {
    assert.equal(await mute(db, 'aad-lead-police', 'action_target'), 4);
    assert.ok((await rows(db)).every((r) => r.status === 'cancelled' && r.lastError === 'muted'));
    assert.equal((await db.getRepository(ReminderPreference).findOneByOrFail({ aad: 'aad-lead-police' })).muted, true);

    assert.equal(await unmute(db, 'aad-lead-police', 'action_target', new Date('2026-03-05T00:00:00Z')), 2);
    assert.deepEqual((await rows(db)).map((r) => r.status), ['cancelled', 'cancelled', 'pending', 'pending']);
  });

  it('should leave other kinds and other people alone when muting', async () => {
    await scheduleReminders(db, actionItems('2026-03-02', [{ aad: 'aad-other' }]));

    assert.equal(await mute(db, 'aad-lead-police', 'panel_meeting'), 0);
    assert.equal(await mute(db, 'aad-other', 'action_target'), 4);
    assert.equal((await rows(db, { recipientAad: 'aad-lead-police', status: 'pending' })).length, 4);
  });
});
