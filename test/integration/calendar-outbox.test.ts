import assert from 'node:assert/strict';

import { CalendarEvent, CalendarOutboxItem } from '../../src/data/entities';
import { addCalendarAttendee, removeCalendarAttendee } from '../../src/domain/calendar/calendar-attendees';
import { cancelCalendarEvent } from '../../src/domain/calendar/cancel-calendar-event';
import { retryCalendarOutboxItem } from '../../src/domain/calendar/read-calendar';
import { openDatabase } from '../../src/data/data-source';
import { scheduleCalendarEvent } from '../../src/domain/calendar/schedule-calendar-event';
import { updateCalendarEvent } from '../../src/domain/calendar/update-calendar-event';
import {
  calendarFixture,
  drain,
  eventProps,
  outboxCounts,
  scheduleMany,
  senderFor,
  workerFor,
  type CalendarFixture,
} from '../helpers/calendar';

describe('calendar outbox worker', function () {
  this.timeout(60_000);
  let f: CalendarFixture;

  afterEach(async () => {
    await f?.close();
  });

  it('should create, update, re-invite and cancel an event in the organiser calendar when the changes are committed', async () => {
    f = await calendarFixture();
    const worker = workerFor(f.db, senderFor(f.graph));
    const event = await f.db.transaction((em) => scheduleCalendarEvent(em, eventProps(1)));
    await drain(f.db, [worker]);
    const created = await f.db.getRepository(CalendarEvent).findOneByOrFail({ id: event.id });
    assert.equal(created.status, 'scheduled');
    const stored = f.graph.store.events.get(created.graphEventId ?? '');
    assert.ok(stored, 'the stand-in has the event under the recorded id');
    assert.equal(stored.subject, 'Panel meeting 1');
    assert.equal(stored.isOnlineMeeting, true);
    assert.equal(created.joinUrl, stored.joinUrl);
    assert.match(stored.body.content, /Review of learning<br>Actions/);
    assert.match(stored.body.content, /href="https:\/\/sl\.example\/tabs\/\?event=/);

    const later = new Date(Date.UTC(2026, 11, 3, 14, 0));
    await f.db.transaction((em) => updateCalendarEvent(em, event.id, { start: later, end: new Date(later.getTime() + 3_600_000), location: 'Room 9' }));
    await f.db.transaction((em) => addCalendarAttendee(em, event.id, { email: 'New.Person@board.example', name: 'New Person' }));
    await f.db.transaction((em) => removeCalendarAttendee(em, event.id, 'member0@board.example'));
    await drain(f.db, [worker]);
    assert.equal(stored.location, 'Room 9');
    assert.equal(stored.start.dateTime.slice(0, 16), '2026-12-03T14:00');
    assert.deepEqual(stored.attendees.map((a) => a.email).sort(), ['new.person@board.example', 'partner1@partner.example']);

    await f.db.transaction((em) => cancelCalendarEvent(em, event.id, 'The panel has moved to next month'));
    await drain(f.db, [worker]);
    assert.equal(stored.isCancelled, true);
    assert.equal(stored.cancelComment, 'The panel has moved to next month');
    assert.equal(f.graph.stats.rejectedBodies, 0, `bodies the stand-in refused: ${f.graph.stats.rejections.join('; ')}`);
    assert.deepEqual(await outboxCounts(f.db), { pending: 0, in_flight: 0, sent: 5, failed: 0 });
  });

  it('should queue nothing when the caller rolls its transaction back', async () => {
    f = await calendarFixture();
    await assert.rejects(
      f.db.transaction(async (em) => {
        await scheduleCalendarEvent(em, eventProps(1));
        throw new Error('caller failed after scheduling');
      })
    );
    assert.equal(await f.db.getRepository(CalendarOutboxItem).count(), 0);
    assert.equal(await f.db.getRepository(CalendarEvent).count(), 0);
  });

  it('should create exactly one event when the sender crashed between sending and recording', async () => {
    f = await calendarFixture();
    await scheduleMany(f.db, 3);
    const first = workerFor(f.db, senderFor(f.graph), { workerId: 'crashed', leaseMs: 150 });
    const round = await first.claim();
    assert.equal(round.items.length, 3);
    await first.send(round); // Graph created the events; the process "dies" before record()
    assert.equal(f.graph.store.events.size, 3);
    assert.equal((await outboxCounts(f.db)).in_flight, 3, 'nothing was recorded');

    const restarted = workerFor(f.db, senderFor(f.graph), { workerId: 'restarted' });
    assert.equal(await restarted.runOnce(), 0, 'the lease still holds');
    await new Promise((r) => setTimeout(r, 200));
    await drain(f.db, [restarted]);
    assert.equal(f.graph.store.events.size, 3, 'no second event');
    for (const [tx, creates] of f.graph.store.createsByTransaction) {
      assert.equal(creates, 2, `transaction ${tx} was sent twice, answered with the same event`);
    }
    const events = await f.db.getRepository(CalendarEvent).find();
    assert.deepEqual(new Set(events.map((e) => e.graphEventId)), new Set(f.graph.store.events.keys()));
    assert.equal(await first.record(round, new Map()).then(() => first.counts.lostLeases), 3, 'the crashed lease cannot overwrite');
  });

  it('should honour Retry-After through a storm of 429s and still send everything', async () => {
    f = await calendarFixture();
    await scheduleMany(f.db, 6);
    f.graph.injectFault({ kind: 'throttle', count: 5, retryAfterSeconds: 0.2 });
    const worker = workerFor(f.db, senderFor(f.graph));
    await drain(f.db, [worker]);
    const s = f.graph.stats;
    assert.equal(s.throttled, 5);
    assert.equal(s.earlyRequests, 0, 'nothing sent to the mailbox while Graph said to wait');
    assert.ok(s.httpRequests <= 6 + 5 + 4, `requests ${s.httpRequests}: the sends, one per 429, and at most the in-flight ones`);
    assert.equal(f.graph.store.events.size, 6);
    assert.equal((await outboxCounts(f.db)).sent, 6);
  });

  it('should retry 503 answers and time-outs without creating a second event', async () => {
    f = await calendarFixture();
    await scheduleMany(f.db, 2);
    f.graph.injectFault({ kind: 'unavailable', count: 2, retryAfterSeconds: 0.05 });
    f.graph.injectFault({ kind: 'timeout', count: 1, afterProcessing: true });
    f.graph.injectFault({ kind: 'malformed', count: 1 });
    const worker = workerFor(f.db, senderFor(f.graph, { timeoutMs: 300 }), { requestTimeoutMs: 300 });
    await drain(f.db, [worker]);
    assert.equal(f.graph.stats.unavailable, 2);
    assert.ok(worker.counts.retried >= 4, `retried ${worker.counts.retried}`);
    assert.equal(f.graph.store.events.size, 2, 'time-outs and broken answers after processing did not duplicate');
    assert.equal((await outboxCounts(f.db)).sent, 2);
  });

  it('should send N due items as ceil(N/20) batch requests', async () => {
    f = await calendarFixture();
    await scheduleMany(f.db, 45);
    const worker = workerFor(f.db, senderFor(f.graph));
    await drain(f.db, [worker]);
    assert.equal(f.graph.stats.batchRequests, Math.ceil(45 / 20));
    assert.equal(f.graph.stats.httpRequests, 3);
    assert.equal(f.graph.stats.operations, 45);
    assert.equal(f.graph.store.events.size, 45);
    assert.equal(f.graph.stats.rejectedBodies, 0, f.graph.stats.rejections.join('; '));
  });

  it('should never have more than 4 requests in flight to the mailbox', async () => {
    f = await calendarFixture({ latencyMs: 5, maxConcurrentPerMailbox: 4 });
    await scheduleMany(f.db, 100);
    const worker = workerFor(f.db, senderFor(f.graph));
    await drain(f.db, [worker]);
    await f.db.transaction(async (em) => {
      for (let id = 1; id <= 4; id++) {
        await updateCalendarEvent(em, id, { location: `Room ${id + 10}` });
      }
    });
    await drain(f.db, [worker]);
    assert.ok(f.graph.stats.maxInFlight <= 4, `max in flight ${f.graph.stats.maxInFlight}`);
    assert.ok(f.graph.stats.maxInFlight >= 2, 'the test did run requests side by side');
    assert.equal(f.graph.stats.concurrencyViolations, 0);
    assert.equal(f.graph.store.events.size, 100);
  });

  it('should send every item exactly once when two instances share one database', async () => {
    // slow enough answers and no batching, so one instance cannot drain the outbox before the
    // other's first look (the sharing assertion below would otherwise depend on timing)
    f = await calendarFixture({ latencyMs: 25 });
    const otherDb = await openDatabase({ type: 'sqlite', path: f.dbPath });
    try {
      await scheduleMany(f.db, 120);
      const a = workerFor(f.db, senderFor(f.graph), { workerId: 'instance-a', batchAbove: 1000 });
      const b = workerFor(otherDb, senderFor(f.graph), { workerId: 'instance-b', batchAbove: 1000 });
      a.start();
      b.start();
      for (let i = 0; i < 500 && (await outboxCounts(f.db)).sent < 120; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await Promise.all([a.stop(), b.stop()]);
      assert.equal((await outboxCounts(f.db)).sent, 120);
      assert.equal(f.graph.store.events.size, 120);
      assert.ok([...f.graph.store.createsByTransaction.values()].every((n) => n === 1), 'no item was sent twice');
      assert.ok(a.counts.sent > 0 && b.counts.sent > 0, `both instances worked (a ${a.counts.sent}, b ${b.counts.sent})`);
      assert.equal(a.counts.sent + b.counts.sent, 120);
    } finally {
      await otherDb.destroy();
    }
  });

  it('should record a permanent 4xx as failed with the Graph message, and block the event until retried', async () => {
    f = await calendarFixture();
    const event = await f.db.transaction((em) => scheduleCalendarEvent(em, eventProps(1)));
    await f.db.transaction((em) => updateCalendarEvent(em, event.id, { subject: 'Renamed panel' }));
    f.graph.injectFault({ kind: 'error', scope: 'operation', status: 400, code: 'ErrorInvalidRecipients', message: 'At least one recipient is not valid.' });
    const worker = workerFor(f.db, senderFor(f.graph));
    assert.equal(await worker.runOnce(), 1);
    assert.equal(await worker.runOnce(), 0, 'the update waits behind the failed create');
    const items = await f.db.getRepository(CalendarOutboxItem).find({ order: { id: 'ASC' } });
    assert.deepEqual(items.map((i) => i.status), ['failed', 'pending']);
    assert.match(items[0].lastError ?? '', /400 ErrorInvalidRecipients: At least one recipient is not valid\./);
    assert.equal(f.graph.store.events.size, 0);

    await retryCalendarOutboxItem(f.db, items[0].id, 'dev-business-unit');
    await drain(f.db, [worker]);
    assert.deepEqual(await outboxCounts(f.db), { pending: 0, in_flight: 0, sent: 2, failed: 0 });
    assert.equal([...f.graph.store.events.values()][0].subject, 'Renamed panel');
  });

  it('should flag an event whose Teams link Graph left out', async () => {
    f = await calendarFixture();
    f.graph.injectFault({ kind: 'no_teams_link' });
    const [id] = await scheduleMany(f.db, 1);
    await drain(f.db, [workerFor(f.db, senderFor(f.graph))]);
    const event = await f.db.getRepository(CalendarEvent).findOneByOrFail({ id });
    assert.equal(event.status, 'scheduled');
    assert.equal(event.joinUrl, null);
    assert.equal(event.missingJoinUrl, true);
  });

  it('should send nothing for an event cancelled before it reached Outlook', async () => {
    f = await calendarFixture();
    const [id] = await scheduleMany(f.db, 1);
    await f.db.transaction((em) => cancelCalendarEvent(em, id, 'No longer needed'));
    await drain(f.db, [workerFor(f.db, senderFor(f.graph))]);
    assert.equal(f.graph.stats.httpRequests, 0);
    assert.deepEqual(await outboxCounts(f.db), { pending: 0, in_flight: 0, sent: 2, failed: 0 });
  });
});
