import assert from 'node:assert/strict';

import { suggestMeetingTimes, type SuggestionDeps } from '../../../../../src/domain/calendar/suggest-meeting-times';
import { loadEnglandBankHolidays } from '../../../../../src/domain/calendar/working-days';
import type { GraphCalendarClient } from '../../../../../src/graph/calendar';
import type { ScheduleAsk } from '../../../../../src/graph/schedule-split';
import type { BusyPeriod } from '../../../../../src/graph/types';

function deps(busy: Record<string, BusyPeriod[]>, asks: ScheduleAsk[] = []): SuggestionDeps {
  const calendar = {
    getSchedule: async (ask: ScheduleAsk) => {
      asks.push(ask);
      return ask.schedules.map((email) => ({ email, items: busy[email] ?? [], availabilityView: '' }));
    },
  } as unknown as GraphCalendarClient;
  return {
    calendar,
    tenantDomains: ['board.example'],
    timeZone: 'Europe/London',
    workingHours: { startMinute: 9 * 60, endMinute: 17 * 60 },
    holidays: loadEnglandBankHolidays(),
    now: () => new Date('2026-01-01T00:00:00Z'),
  };
}

const busy = (start: string, end: string, status: BusyPeriod['status'] = 'busy'): BusyPeriod => ({ start: new Date(start), end: new Date(end), status });

describe('suggestMeetingTimes', () => {
  it('should skip weekends and bank holidays and stay within working hours', async () => {
    const r = await suggestMeetingTimes(deps({}), { attendees: ['a@board.example'], from: '2026-12-24', to: '2026-12-29', durationMinutes: 120, maxSuggestions: 50 });
    const days = new Set(r.slots.map((s) => s.start.toISOString().slice(0, 10)));
    assert.deepEqual([...days].sort(), ['2026-12-24', '2026-12-29'], '25th, 28th are bank holidays; 26th–27th a weekend');
    for (const s of r.slots) {
      assert.ok(s.start.getUTCHours() >= 9 && s.end.getUTCHours() * 60 + s.end.getUTCMinutes() <= 17 * 60);
    }
  });

  it('should put slots where everyone is free first, then tentative, then busy', async () => {
    const d = deps({
      'a@board.example': [busy('2026-12-01T09:00:00Z', '2026-12-01T11:00:00Z')],
      'b@board.example': [busy('2026-12-01T11:00:00Z', '2026-12-01T12:00:00Z', 'tentative')],
    });
    const r = await suggestMeetingTimes(d, { attendees: ['a@board.example', 'b@board.example'], from: '2026-12-01', to: '2026-12-01', durationMinutes: 60, maxSuggestions: 8 });
    assert.equal(r.slots[0].start.toISOString(), '2026-12-01T12:00:00.000Z');
    assert.deepEqual(r.slots[0].free, ['a@board.example', 'b@board.example']);
    const tentative = r.slots.find((s) => s.tentative.length > 0);
    const busiest = r.slots.at(-1);
    assert.ok(tentative && busiest && busiest.busy.length > 0);
    assert.ok(r.slots.indexOf(tentative) < r.slots.indexOf(busiest));
    for (let i = 0; i < r.slots.length; i++) {
      for (let j = i + 1; j < r.slots.length; j++) {
        assert.ok(!(r.slots[i].start < r.slots[j].end && r.slots[j].start < r.slots[i].end), 'suggestions do not overlap');
      }
    }
  });

  it('should list other organisations as availability unknown without asking Graph about them', async () => {
    const asks: ScheduleAsk[] = [];
    const r = await suggestMeetingTimes(deps({}, asks), { attendees: ['A@board.example', 'x@police.example'], from: '2026-12-01', to: '2026-12-01', durationMinutes: 60 });
    assert.deepEqual(asks.map((a) => a.schedules), [['a@board.example']]);
    assert.deepEqual(r.attendees, [
      { email: 'a@board.example', availability: 'known' },
      { email: 'x@police.example', availability: 'unknown', reason: 'outside the organisation: availability unknown' },
    ]);
  });

  it('should refuse a backwards range or a meeting longer than the working day', async () => {
    await assert.rejects(suggestMeetingTimes(deps({}), { attendees: ['a@board.example'], from: '2026-12-02', to: '2026-12-01', durationMinutes: 60 }), /range/);
    await assert.rejects(suggestMeetingTimes(deps({}), { attendees: ['a@board.example'], from: '2026-12-01', to: '2026-12-01', durationMinutes: 600 }), /longer than the working day/);
  });
});
