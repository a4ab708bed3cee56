import { type DataSource, type EntityManager, In } from 'typeorm';

import { ReminderPreference } from '../entities/reminder-preference.entity';

/** People's snooze and mute choices per reminder kind. */
export class ReminderPreferenceRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get repo() {
    return this.db.getRepository(ReminderPreference);
  }

  /** @returns the choices of these people (any kind) */
  async findFor(aads: string[]): Promise<ReminderPreference[]> {
    if (aads.length === 0) {
      return [];
    }
    const rows: ReminderPreference[] = [];
    for (let i = 0; i < aads.length; i += 500) {
      rows.push(...(await this.repo.find({ where: { aad: In(aads.slice(i, i + 500)) } })));
    }
    return rows;
  }

  /** @returns one person's choice for one kind, or null */
  async find(aad: string, kind: string): Promise<ReminderPreference | null> {
    return this.repo.findOne({ where: { aad, kind } });
  }

  /**
   * Sets a person's choice for a kind, creating the row the first time.
   * @param change the fields to set
   */
  async set(
    aad: string,
    kind: string,
    change: { muted?: boolean; snoozedUntil?: Date | null },
    now: Date
  ): Promise<void> {
    // Insert-or-ignore then update: safe when two requests create the row at once.
    await this.repo
      .createQueryBuilder()
      .insert()
      .into(ReminderPreference)
      .values({ aad, kind, muted: false, snoozedUntil: null, updatedAt: now })
      .orIgnore()
      .execute();
    await this.repo.update({ aad, kind }, { ...change, updatedAt: now });
  }
}
