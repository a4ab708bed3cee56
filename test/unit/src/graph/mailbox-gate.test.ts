import assert from 'node:assert/strict';

import { GraphRetryableError } from '../../../../src/graph/errors';
import { MailboxGate } from '../../../../src/graph/mailbox-gate';

const tick = () => new Promise((r) => setImmediate(r));

describe('MailboxGate', () => {
  it('should let at most the limit through per mailbox and the next in when one leaves', async () => {
    const gate = new MailboxGate(4);
    const releases = await Promise.all([1, 2, 3, 4].map(() => gate.acquire('a@x.example')));
    let fifth = false;
    const waiting = gate.acquire('A@x.example').then((r) => ((fifth = true), r));
    const other = await gate.acquire('b@x.example');
    await tick();
    assert.equal(fifth, false, 'the fifth waits (mailboxes compare case-insensitively)');
    releases[0]();
    (await waiting)();
    assert.equal(fifth, true);
    assert.equal(gate.maxInFlight, 4);
    other();
  });

  it('should hold every request while a mailbox is paused by Retry-After', async () => {
    const gate = new MailboxGate(4);
    gate.pause('a@x.example', 60);
    let through = false;
    const p = gate.acquire('a@x.example').then((r) => ((through = true), r));
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(through, false);
    (await p)();
    assert.equal(through, true);
    assert.equal(gate.pausedFor('a@x.example'), 0);
  });

  it('should refuse to wait longer than asked, without counting as a request sent', async () => {
    const gate = new MailboxGate(4);
    gate.pause('a@x.example', 5000);
    await assert.rejects(gate.acquire('a@x.example', 1, 100), (err: unknown) => err instanceof GraphRetryableError && err.notSent);
  });

  it('should count a weighted request as several places', async () => {
    const gate = new MailboxGate(4);
    const big = await gate.acquire('a@x.example', 3);
    let small = 0;
    const s1 = gate.acquire('a@x.example').then((r) => (small++, r));
    const s2 = gate.acquire('a@x.example').then((r) => (small++, r));
    await tick();
    assert.equal(small, 1);
    big();
    (await s1)();
    (await s2)();
    assert.equal(small, 2);
  });
});
