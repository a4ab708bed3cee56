import assert from 'node:assert/strict';

import { AuditEntry, CalendarOutboxItem } from '../../src/data/entities';
import { addCalendarAttendee, removeCalendarAttendee } from '../../src/domain/calendar/calendar-attendees';
import { cancelCalendarEvent } from '../../src/domain/calendar/cancel-calendar-event';
import { scheduleCalendarEvent } from '../../src/domain/calendar/schedule-calendar-event';
import { updateCalendarEvent } from '../../src/domain/calendar/update-calendar-event';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors';
import { calendarFixture, eventProps, type CalendarFixture } from '../helpers/calendar';

describe('calendar event use-cases', () => {
  let f: CalendarFixture;
  beforeEach(async () => {
    f = await calendarFixture();
  });
  afterEach(async () => {
    await f.close();
  });
  const ops = async () => (await f.db.getRepository(CalendarOutboxItem).find({ order: { id: 'ASC' } })).map((i) => i.operation);

  it('should refuse a bad attendee, an event ending before it starts and an unknown time zone', async () => {
    await assert.rejects(f.db.transaction((em) => scheduleCalendarEvent(em, { ...eventProps(1), attendees: [{ email: 'nope' }] })), ValidationError);
    await assert.rejects(f.db.transaction((em) => scheduleCalendarEvent(em, { ...eventProps(1), end: eventProps(1).start })), ValidationError);
    await assert.rejects(f.db.transaction((em) => scheduleCalendarEvent(em, { ...eventProps(1), timeZone: 'Mars/Olympus' })), ValidationError);
    assert.deepEqual(await ops(), []);
  });

  it('should queue only real changes: no row for an unchanged field, a known attendee or a second cancel', async () => {
    const e = await f.db.transaction((em) => scheduleCalendarEvent(em, { ...eventProps(1), attendees: [{ email: 'Ann@Board.example' }, { email: 'ann@board.example' }] }));
    assert.deepEqual(e.attendees, [{ email: 'ann@board.example', type: 'required' }], 'duplicates dropped, emails lower-cased');
    await f.db.transaction((em) => updateCalendarEvent(em, e.id, { subject: e.subject, location: e.location }));
    await f.db.transaction((em) => addCalendarAttendee(em, e.id, { email: 'ANN@board.example' }));
    await f.db.transaction((em) => removeCalendarAttendee(em, e.id, 'nobody@board.example'));
    assert.deepEqual(await ops(), ['create']);
    await f.db.transaction((em) => addCalendarAttendee(em, e.id, { email: 'bob@board.example' }));
    await f.db.transaction((em) => removeCalendarAttendee(em, e.id, 'ANN@board.example'));
    await f.db.transaction((em) => cancelCalendarEvent(em, e.id, 'Called off'));
    await f.db.transaction((em) => cancelCalendarEvent(em, e.id, 'Called off again'));
    assert.deepEqual(await ops(), ['create', 'add_attendee', 'remove_attendee', 'cancel']);
    await assert.rejects(f.db.transaction((em) => updateCalendarEvent(em, e.id, { subject: 'Too late' })), ConflictError);
    await assert.rejects(f.db.transaction((em) => cancelCalendarEvent(em, 9999, 'x')), NotFoundError);
  });

  it('should audit each change without attendees’ emails', async () => {
    const e = await f.db.transaction((em) => scheduleCalendarEvent(em, { ...eventProps(1), actorId: 'dev-business-unit' }));
    await f.db.transaction((em) => addCalendarAttendee(em, e.id, { email: 'carol@board.example' }, 'dev-business-unit'));
    const audit = await f.db.getRepository(AuditEntry).find({ where: { entityType: 'calendar_event' }, order: { id: 'ASC' } });
    assert.deepEqual(audit.map((a) => a.action), ['calendar.event_scheduled', 'calendar.attendee_added']);
    assert.ok(audit.every((a) => a.actorId === 'dev-business-unit' && !(a.detailJson ?? '').includes('@')));
  });
});
