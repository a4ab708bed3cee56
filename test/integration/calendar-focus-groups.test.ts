import assert from 'node:assert/strict';

import { IsNull } from 'typeorm';

import { CalendarEvent, CalendarIntent, FocusGroup, Person, ThemedAudit } from '../../src/data/entities';
import { processFocusGroupIntents } from '../../src/domain/calendar/focus-group-invitations';
import { createLogger } from '../../src/logging/logger';
import { calendarFixture, drain, senderFor, workerFor, type CalendarFixture } from '../helpers/calendar';

describe('processFocusGroupIntents', () => {
  let f: CalendarFixture;
  let sessionId: number;
  const log = createLogger('silent');
  const now = new Date();

  beforeEach(async () => {
    f = await calendarFixture();
    const audit = await f.db.getRepository(ThemedAudit).save({
      theme: 'neglect', title: 'Neglect audit 2026', periodStart: null, periodEnd: null, agencies: [], team: [], status: 'planned', createdBy: 'test', createdAt: now, updatedAt: now,
    });
    const session = await f.db.getRepository(FocusGroup).save({
      auditId: audit.id, startsAt: new Date('2026-12-08T14:00:00Z'), durationMinutes: 90, location: 'Town hall', online: false, capacity: 8,
      eligibility: { agencies: [], roles: [] }, status: 'open', confirmedCount: 0, signupSeq: 0, createdAt: now, updatedAt: now,
    });
    sessionId = session.id;
    for (const [aad, email] of [['p1', 'pat@board.example'], ['p2', 'sam@partner.example'], ['p3', null]] as const) {
      await f.db.getRepository(Person).save({ aadObjectId: aad, displayName: `Person ${aad}`, email, agencyId: null, roles: 'practitioner', createdAt: now });
    }
  });
  afterEach(async () => {
    await f.close();
  });

  const intent = (kind: string, aad: string) => f.db.getRepository(CalendarIntent).save({ kind, focusGroupId: sessionId, aadObjectId: aad, createdAt: new Date(), processedAt: null });
  const stored = () => [...f.graph.store.events.values()][0];

  it('should invite confirmed seats, un-invite cancelled ones and cancel the event with the session', async () => {
    const worker = workerFor(f.db, senderFor(f.graph), { feed: () => processFocusGroupIntents(f.db, log) });
    await intent('send_invitation', 'p1');
    await intent('send_invitation', 'p2');
    await intent('send_invitation', 'p3');
    await drain(f.db, [worker]);
    const [event] = await f.db.getRepository(CalendarEvent).find();
    assert.equal(event.kind, 'focus_group');
    assert.equal(event.sourceId, String(sessionId));
    assert.equal(event.subject, 'Focus group: Neglect audit 2026');
    assert.deepEqual(stored().attendees.map((a) => a.email), ['pat@board.example', 'sam@partner.example'], 'no email, no invitation');
    assert.equal(stored().location, 'Town hall');

    await intent('remove_attendee', 'p1');
    await drain(f.db, [worker]);
    assert.deepEqual(stored().attendees.map((a) => a.email), ['sam@partner.example']);

    await f.db.getRepository(FocusGroup).update({ id: sessionId }, { status: 'cancelled' });
    await intent('remove_attendee', 'p2');
    await drain(f.db, [worker]);
    assert.equal(stored().isCancelled, true);
    assert.equal(f.graph.store.events.size, 1);
    const waiting = await f.db.getRepository(CalendarIntent).findBy({ processedAt: IsNull() });
    assert.deepEqual(waiting.map((i) => i.aadObjectId), ['p3'], 'the person without an email waits for one');
    assert.equal(await processFocusGroupIntents(f.db, log), 0, 'every other intent handled once');
  });
});
