import assert from 'node:assert/strict';
import path from 'node:path';

import type { DataSource } from 'typeorm';

import { openDatabase } from '../../src/data/data-source';
import { AuditEntry } from '../../src/data/entities';
import { tempDir } from '../helpers/start-server';

const entry = (entityId: string) => ({
  at: new Date(),
  actorId: 'test',
  action: 'test.write',
  entityType: 'gate',
  entityId,
  detailJson: null,
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ids(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query("SELECT entity_id FROM audit_log WHERE entity_type = 'gate' ORDER BY entity_id")) as {
    entity_id: string;
  }[];
  return rows.map((r) => r.entity_id);
}

describe('gateSqliteConnection (via openDatabase)', () => {
  let ds: DataSource;
  beforeEach(async () => {
    ds = await openDatabase({ type: 'sqlite', path: path.join(tempDir(), 'gate.sqlite') });
  });
  afterEach(async () => {
    await ds.destroy();
  });

  it('should run overlapping transactions one after another, keeping commits and undoing rollbacks', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        ds.transaction(async (em) => {
          await em.getRepository(AuditEntry).insert(entry(`t${i}`));
          await pause(i % 4);
          if (i % 3 === 0) {
            throw new Error(`rollback ${i}`);
          }
        })
      )
    );

    const failures = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
    assert.deepEqual(failures.sort(), ['Error: rollback 0', 'Error: rollback 3', 'Error: rollback 6', 'Error: rollback 9']);
    assert.deepEqual(await ids(ds), ['t1', 't2', 't4', 't5', 't7', 't8']);
  });

  it('should keep a statement from outside out of a transaction that rolls back', async () => {
    let inside!: () => void;
    const started = new Promise<void>((r) => (inside = r));
    const tx = ds
      .transaction(async (em) => {
        await em.getRepository(AuditEntry).insert(entry('in-tx'));
        inside();
        await pause(20);
        throw new Error('undo');
      })
      .catch(() => 'rolled back');
    await started;
    await ds.getRepository(AuditEntry).insert(entry('outside'));

    assert.equal(await tx, 'rolled back');
    assert.deepEqual(await ids(ds), ['outside']);
  });

  it('should let repository saves (their own transactions) run alongside managed transactions', async () => {
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => ds.getRepository(AuditEntry).save(entry(`s${i}`))),
      ...Array.from({ length: 5 }, (_, i) =>
        ds.transaction(async (em) => {
          await pause(1);
          await em.getRepository(AuditEntry).insert(entry(`m${i}`));
        })
      ),
    ]);

    assert.equal((await ids(ds)).length, 10);
  });

  it('should nest a transaction started inside another as a savepoint instead of waiting forever', async () => {
    await ds.transaction(async (em) => {
      await em.getRepository(AuditEntry).insert(entry('outer'));
      await ds.transaction(async (inner) => {
        await inner.getRepository(AuditEntry).insert(entry('inner'));
      });
    });

    assert.deepEqual(await ids(ds), ['inner', 'outer']);
  });
});
