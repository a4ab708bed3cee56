import assert from 'node:assert/strict';

import { loadEnglandBankHolidays } from '../../../../../src/domain/calendar/working-days';
import {
  actionTargetReminders,
  dayWithWorkingDaysLeft,
  eventReminders,
  informationReportReminders,
  panelMeetingReminders,
  statutoryClockReminders,
} from '../../../../../src/domain/reminders/schedule';
import type { ReminderItem, ReminderScheduleSettings } from '../../../../../src/domain/reminders/types';

const england = loadEnglandBankHolidays();
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

function settings(over: Partial<ReminderScheduleSettings> = {}): ReminderScheduleSettings {
  return {
    timeZone: 'Europe/London',
    localTime: { hour: 9, minute: 0 },
    panelLeadDays: [7, 1],
    infoReportLeadDays: [7, 1, 0],
    eventLeadDays: [1],
    actionLeadDays: [7, 0],
    actionOverdueEveryDays: 7,
    actionOverdueCount: 3,
    clockWarnWorkingDays: [2],
    ...over,
  };
}

const payload = { reference: 'SCR-2026-004', title: 'Case review panel', link: 'https://sl.example.org/tabs/' };
const alice = { aad: 'aad-alice' };
const bob = { aad: 'aad-bob' };
const channel = { conversationId: '19:bu-channel@thread.tacv2' };

const due = (items: ReminderItem[]) => items.map((i) => i.dueAt.toISOString());
const headlines = (items: ReminderItem[]) => items.map((i) => i.payload.headline);

describe('panelMeetingReminders', () => {
  it('should remind 7 days (GMT) and 1 day (BST) before a meeting just after the March clock change', () => {
    // Thu 2 Apr 2026 10:00 BST; clocks went forward on Sun 29 Mar.
    const items = panelMeetingReminders(
      { meetingId: 12, startsAt: new Date('2026-04-02T09:00:00Z'), recipients: [alice], payload },
      settings(),
      LONG_AGO
    );
    assert.deepEqual(due(items), ['2026-03-26T09:00:00.000Z', '2026-04-01T08:00:00.000Z']);
    assert.deepEqual(headlines(items), ['Panel meeting in 7 days', 'Panel meeting tomorrow']);
    assert.equal(items[0].payload.deadline, '2026-04-02T09:00:00.000Z');
    assert.equal(items[0].subjectType, 'panel_meeting');
    assert.equal(items[0].subjectId, '12');
  });

  it('should remind at 09:00 BST a week before and 09:00 GMT the day before a meeting after the October change', () => {
    // Mon 26 Oct 2026 14:00 GMT; clocks went back on Sun 25 Oct.
    const items = panelMeetingReminders(
      { meetingId: 13, startsAt: new Date('2026-10-26T14:00:00Z'), recipients: [alice], payload },
      settings(),
      LONG_AGO
    );
    assert.deepEqual(due(items), ['2026-10-19T08:00:00.000Z', '2026-10-25T09:00:00.000Z']);
  });

  it('should send one reminder per panel member and slot, once per member when listed twice', () => {
    const items = panelMeetingReminders(
      { meetingId: 1, startsAt: new Date('2026-06-10T09:00:00Z'), recipients: [alice, bob, alice], payload },
      settings(),
      LONG_AGO
    );
    assert.equal(items.length, 4);
    assert.equal(new Set(items.map((i) => i.dedupeKey)).size, 4);
  });

  it('should drop reminders already in the past and any that would come after the meeting starts', () => {
    const startsAt = new Date('2026-06-10T07:30:00Z'); // 08:30 BST, before the 09:00 reminder time
    const items = panelMeetingReminders(
      { meetingId: 1, startsAt, recipients: [alice], payload },
      settings({ panelLeadDays: [7, 1, 0] }),
      new Date('2026-06-05T12:00:00Z')
    );
    assert.deepEqual(headlines(items), ['Panel meeting tomorrow']);
  });
});

describe('informationReportReminders', () => {
  it('should remind the agency contact 7 days, 1 day and on the day a report is due', () => {
    const items = informationReportReminders(
      { reportId: 'r-9', dueDate: '2026-05-20', recipients: [alice], payload },
      settings(),
      LONG_AGO
    );
    assert.deepEqual(due(items), ['2026-05-13T08:00:00.000Z', '2026-05-19T08:00:00.000Z', '2026-05-20T08:00:00.000Z']);
    assert.deepEqual(headlines(items), [
      'Information report due in 7 days',
      'Information report due tomorrow',
      'Information report due today',
    ]);
    assert.equal(items[0].kind, 'info_report_due');
    assert.equal(items[0].payload.deadline, '2026-05-20');
  });
});

describe('eventReminders', () => {
  it('should remind people signed up to a focus group at 09:00 local the day before', () => {
    const items = eventReminders(
      { kind: 'focus_group', eventId: 4, startsAt: new Date('2026-11-03T13:30:00Z'), recipients: [alice, bob], payload },
      settings(),
      LONG_AGO
    );
    assert.deepEqual(due(items), ['2026-11-02T09:00:00.000Z', '2026-11-02T09:00:00.000Z']);
    assert.deepEqual(headlines(items), ['Focus group tomorrow', 'Focus group tomorrow']);
  });

  it('should remind about a learning event on the Sunday of the October change at 09:00 GMT', () => {
    const items = eventReminders(
      { kind: 'learning_event', eventId: 5, startsAt: new Date('2026-10-26T10:00:00Z'), recipients: [alice], payload },
      settings(),
      LONG_AGO
    );
    assert.deepEqual(due(items), ['2026-10-25T09:00:00.000Z']);
    assert.equal(items[0].kind, 'learning_event');
    assert.equal(items[0].subjectType, 'learning_event');
  });
});

describe('actionTargetReminders', () => {
  it('should remind before, on the day and weekly while overdue, across the October change', () => {
    const items = actionTargetReminders(
      { actionId: 42, targetDate: '2026-10-30', recipients: [alice], payload },
      settings(),
      LONG_AGO
    );
    assert.deepEqual(due(items), [
      '2026-10-23T08:00:00.000Z',
      '2026-10-30T09:00:00.000Z',
      '2026-11-06T09:00:00.000Z',
      '2026-11-13T09:00:00.000Z',
      '2026-11-20T09:00:00.000Z',
    ]);
    assert.deepEqual(headlines(items), [
      'Action due in 7 days',
      'Action due today',
      'Action overdue by 1 week',
      'Action overdue by 2 weeks',
      'Action overdue by 3 weeks',
    ]);
  });

  it('should schedule only the overdue reminders still to come when the action is already late', () => {
    const items = actionTargetReminders(
      { actionId: 42, targetDate: '2026-10-30', recipients: [alice], payload },
      settings(),
      new Date('2026-11-10T12:00:00Z')
    );
    assert.deepEqual(headlines(items), ['Action overdue by 2 weeks', 'Action overdue by 3 weeks']);
  });

  it('should give the same dedupe keys for the same input and new ones when the target date moves', () => {
    const make = (targetDate: string) =>
      actionTargetReminders({ actionId: 42, targetDate, recipients: [alice], payload }, settings(), LONG_AGO).map(
        (i) => i.dedupeKey
      );
    assert.deepEqual(make('2026-10-30'), make('2026-10-30'));
    const moved = new Set(make('2026-11-06'));
    assert.ok(make('2026-10-30').every((k) => !moved.has(k)));
    assert.match(make('2026-10-30')[0], /^action_target:action:42:2026-10-30:-7d:u=aad-alice$/);
  });
});

describe('statutoryClockReminders', () => {
  const clock = { code: 'SCR_DECISION', label: 'Decide on an SCR', due: '2026-06-01' };

  it('should warn the business unit when 2 working days are left and report the breach on the next working day', () => {
    const items = statutoryClockReminders(
      { clock, subjectType: 'notification', subjectId: 'N-7', recipients: [channel], payload },
      settings(),
      england,
      LONG_AGO
    );
    // Due Mon 1 Jun: 2 working days left (Fri 29 May, Mon 1 Jun) from Thu 28 May; breached Tue 2 Jun.
    assert.deepEqual(due(items), ['2026-05-28T08:00:00.000Z', '2026-06-02T08:00:00.000Z']);
    assert.deepEqual(headlines(items), ['Decide on an SCR: 2 working days left', 'Decide on an SCR: deadline passed']);
    assert.deepEqual(items[0].recipient, channel);
    assert.equal(items[0].kind, 'statutory_clock');
  });

  it('should skip the spring bank holiday when counting working days left', () => {
    // Due Tue 26 May 2026; Mon 25 May is a bank holiday: left are Fri 22 and Tue 26 ⇒ warn Thu 21 May.
    assert.equal(dayWithWorkingDaysLeft('2026-05-26', 2, england), '2026-05-21');
  });

  it('should warn on the Wednesday when the clock falls due on a Saturday', () => {
    assert.equal(dayWithWorkingDaysLeft('2026-06-06', 2, england), '2026-06-03');
  });

  it('should report a Christmas Eve breach on the first working day after the Christmas bank holidays', () => {
    const items = statutoryClockReminders(
      { clock: { code: 'RAPID_REVIEW', due: '2026-12-24' }, subjectType: 'review', subjectId: 3, recipients: [channel], payload },
      settings(),
      england,
      LONG_AGO
    );
    assert.equal(items[1].dueAt.toISOString(), '2026-12-29T09:00:00.000Z');
    assert.equal(items[1].payload.headline, 'RAPID_REVIEW: deadline passed');
  });

  it('should keep dedupe keys short enough for the column when the channel id is long', () => {
    const longChannel = { conversationId: `19:${'x'.repeat(380)}@thread.tacv2` };
    const items = statutoryClockReminders(
      { clock, subjectType: 'notification', subjectId: 'N-7', recipients: [longChannel, channel], payload },
      settings(),
      england,
      LONG_AGO
    );
    assert.ok(items.every((i) => i.dedupeKey.length <= 200));
    assert.equal(new Set(items.map((i) => i.dedupeKey)).size, items.length);
  });
});
