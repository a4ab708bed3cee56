import assert from 'node:assert/strict';

import type { DataSource } from 'typeorm';

import { createDataSource } from '../../src/data/data-source';
import { FocusGroupRepository } from '../../src/data/repositories/focus-group.repository';
import { gateSqliteConnection } from '../../src/data/sqlite-gate';
import { writeTransaction } from '../../src/data/write-transaction';
import type { Caller } from '../../src/domain/caller';
import { signUpForFocusGroup } from '../../src/domain/focus-groups/sign-up';
import { devToken, startTestServer, type TestServer } from '../helpers/start-server';

const school: Caller = {
  id: 'dev-practitioner-school',
  name: 'Sam Okafor',
  personId: 2,
  agency: { id: 6, code: 'EDUCATION', name: 'Schools and Education', sector: 'education' },
  roles: ['practitioner'],
};

describe('signUpForFocusGroup with a second database connection (as another process would have)', function () {
  this.timeout(30_000);
  let server: TestServer;
  let other: DataSource;
  let focusGroupId: number;

  before(async () => {
    server = await startTestServer();
    other = createDataSource({ type: 'sqlite', path: server.dbPath });
    await other.initialize();
    gateSqliteConnection(other);
    // wait briefly, so a lock held by the first connection shows up as SQLITE_BUSY quickly
    await other.query('PRAGMA busy_timeout = 100');
    const bu = await devToken(server, 'dev-business-unit');
    const audit = await server.request('POST', '/api/audits', { token: bu, body: { theme: 'Neglect', title: 'Lock audit' } });
    const group = await server.request('POST', '/api/focus-groups', {
      token: bu,
      body: {
        auditId: audit.body.id,
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        durationMinutes: 60,
        capacity: 1,
        location: 'Room',
      },
    });
    focusGroupId = group.body.id;
  });
  after(async () => {
    await other?.destroy();
    await server?.stop();
  });

  it('should wait for the session lock another connection holds, then see the seat it took and join the waiting list', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // the first connection takes the last seat and keeps its transaction open
    const first = writeTransaction(server.db, async (em) => {
      const repo = new FocusGroupRepository(em);
      await repo.lockForSignupChange(focusGroupId);
      assert.equal(await repo.takeSeat(focusGroupId), true);
      await repo.insertSignup(
        {
          focusGroupId,
          personAadId: 'dev-practitioner-police',
          agency: 'POLICE',
          role: 'PC',
          accessNeeds: null,
          status: 'confirmed',
          position: null,
          idempotencyKey: 'lock-test-holder',
        },
        new Date()
      );
      await held;
    });
    // count the second connection's attempts; let the first commit once the second has been turned away
    let attempts = 0;
    const transaction = other.transaction.bind(other) as (...args: unknown[]) => Promise<unknown>;
    (other as unknown as { transaction: typeof transaction }).transaction = async (...args: unknown[]) => {
      attempts++;
      try {
        return await transaction(...args);
      } catch (err) {
        release();
        throw err;
      }
    };

    const outcome = await signUpForFocusGroup(
      { db: other, events: server.events, now: () => new Date() },
      school,
      { focusGroupId, role: 'Teacher', agency: 'EDUCATION' }
    );
    await first;

    assert.ok(attempts >= 2, `the first attempt was turned away while the lock was held (attempts: ${attempts})`);
    assert.deepEqual(outcome, { status: 'waitlisted', position: 1, replayed: false });
    const [group] = await server.db.query('SELECT confirmed_count FROM focus_groups WHERE id = ?', [focusGroupId]);
    assert.equal(group.confirmed_count, 1, 'the seat was not given twice');
  });
});
