import assert from 'node:assert/strict';

import { CalendarOutboxRepository } from '../../src/data/repositories/calendar-outbox.repository';
import { openDatabase } from '../../src/data/data-source';
import { updateCalendarEvent } from '../../src/domain/calendar/update-calendar-event';
import { calendarFixture, scheduleMany, type CalendarFixture } from '../helpers/calendar';

describe('CalendarOutboxRepository.claimDue', () => {
  let f: CalendarFixture;
  afterEach(async () => {
    await f?.close();
  });

  it('should give a contested item to only one instance when both chose it at the same moment', async () => {
    f = await calendarFixture();
    const other = await openDatabase({ type: 'sqlite', path: f.dbPath });
    try {
      await scheduleMany(f.db, 3);
      const a = new CalendarOutboxRepository(f.db);
      const b = new CalendarOutboxRepository(other);
      let claimedByB: number[] = [];
      const claimedByA = await a.claimDue('a#1', 10, 60_000, async () => {
        claimedByB = (await b.claimDue('b#1', 10, 60_000)).map((i) => i.id);
      });
      assert.deepEqual(claimedByB, [1, 2, 3], 'B claimed while A was between choosing and claiming');
      assert.deepEqual(claimedByA, [], 'A could not take them over');
    } finally {
      await other.destroy();
    }
  });

  it('should hand out only the earliest unsent item of an event, and the next only after it is sent', async () => {
    f = await calendarFixture();
    const [id] = await scheduleMany(f.db, 1);
    await f.db.transaction((em) => updateCalendarEvent(em, id, { subject: 'Second' }));
    await f.db.transaction((em) => updateCalendarEvent(em, id, { subject: 'Third' }));
    const repo = new CalendarOutboxRepository(f.db);
    const first = await repo.claimDue('w#1', 10, 60_000);
    assert.deepEqual(first.map((i) => i.operation), ['create']);
    assert.deepEqual(await repo.claimDue('w#2', 10, 60_000), [], 'nothing else while the create is in flight');
    assert.equal(await repo.markSent(first[0].id, 'w#1'), true);
    const second = await repo.claimDue('w#3', 10, 60_000);
    assert.deepEqual(second.map((i) => i.id), [first[0].id + 1]);
  });

  it('should let another instance take over an item whose lease ran out, and refuse the old owner', async () => {
    f = await calendarFixture();
    await scheduleMany(f.db, 1);
    const repo = new CalendarOutboxRepository(f.db);
    const [item] = await repo.claimDue('old#1', 10, 1);
    await new Promise((r) => setTimeout(r, 20));
    const [again] = await repo.claimDue('new#1', 10, 60_000);
    assert.equal(again.id, item.id);
    assert.equal(again.attempts, 2);
    assert.equal(await repo.markSent(item.id, 'old#1'), false);
    assert.equal(await repo.markSent(item.id, 'new#1'), true);
  });
});
