import assert from 'node:assert/strict';
import path from 'node:path';

import type { DataSource } from 'typeorm';

import { openDatabase } from '../../src/data/data-source';
import { NotificationDraft } from '../../src/data/entities/notification-draft.entity';
import { Person } from '../../src/data/entities/person.entity';
import { findOneByFast } from '../../src/data/portable-sql';
import { PersonRepository } from '../../src/data/repositories/person.repository';
import { seedSampleData } from '../../src/data/seed/sample-data';
import { tempDir } from '../helpers/start-server';

describe('hand-written hot-path reads on SQLite', () => {
  let db: DataSource;
  before(async () => {
    db = await openDatabase({ type: 'sqlite', path: path.join(tempDir(), 'p.sqlite') });
    await seedSampleData(db);
    await db.getRepository(NotificationDraft).insert({
      aadObjectId: 'u1',
      conversationId: 'a:c1',
      draftKey: 'k1',
      step: 'incident',
      answersJson: '{"summary":"x"}',
      status: 'open',
      notificationReference: null,
      version: 3,
      createdAt: new Date('2026-11-02T09:15:30.123Z'),
      updatedAt: new Date('2026-11-03T10:00:00.000Z'),
    });
  });
  after(async () => db.destroy());

  it('should hydrate exactly what TypeORM findOne gives, dates included', async () => {
    const fast = await findOneByFast(db, NotificationDraft, { aadObjectId: 'u1', conversationId: 'a:c1' });
    const typeorm = await db.getRepository(NotificationDraft).findOne({ where: { aadObjectId: 'u1', conversationId: 'a:c1' } });
    assert.ok(fast?.createdAt instanceof Date);
    assert.deepEqual({ ...fast }, { ...typeorm });
    assert.equal(await findOneByFast(db, NotificationDraft, { draftKey: 'nope' }), null);
  });

  it('should read the caller with roles and agency as the entity relation does', async () => {
    const people = new PersonRepository(db);
    const caller = await people.findCaller('dev-agency-lead-police');
    const full = await people.findByAadObjectId('dev-agency-lead-police');
    assert.deepEqual(caller, {
      id: full?.id,
      displayName: full?.displayName,
      roles: full?.roles,
      agency: { id: full?.agency?.id, code: 'POLICE', name: full?.agency?.name, sector: full?.agency?.sector },
    });
    assert.equal((await people.findCaller('dev-board-chair'))?.agency, null);
    assert.equal(await people.findCaller('nobody'), null);
    assert.ok(await findOneByFast(db, Person, { aadObjectId: 'dev-business-unit' }));
  });
});
