import type { DataSource, EntityManager } from 'typeorm';

import { ReferenceCounter } from '../entities/reference-counter.entity';
import { ConflictError } from '../../errors';
import { isUniqueViolation } from '../unique-violation';

/** Numbered series for human-friendly references (`N-2026-0042`). */
export class ReferenceCounterRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * Draws the next number of a series; call inside the transaction that uses it, so a rollback
   * gives the number back. The UPDATE comes first: it holds SQL Server's row lock (SQLite's write
   * lock) until commit, so two transactions never draw the same number.
   * @param scope the series, e.g. `notification:2026`
   * @returns the new number, 1 for a new series
   * @throws ConflictError when another transaction started the same new series at the same moment
   *   (retry the whole transaction)
   */
  async next(scope: string): Promise<number> {
    const updated = await this.db
      .createQueryBuilder()
      .update(ReferenceCounter)
      .set({ counter: () => 'counter + 1' })
      .where('scope = :scope', { scope })
      .execute();
    if (!updated.affected) {
      try {
        await this.db.getRepository(ReferenceCounter).insert({ scope, counter: 1 });
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw new ConflictError('A reference series was started twice at once; try again', {
            reason: 'counter_race',
          });
        }
        throw err;
      }
      return 1;
    }
    const row = await this.db.getRepository(ReferenceCounter).findOneByOrFail({ scope });
    return row.counter;
  }
}
