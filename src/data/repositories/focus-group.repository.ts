import { In, MoreThan, type DataSource, type EntityManager } from 'typeorm';

import { CalendarIntent } from '../entities/calendar-intent.entity';
import { FocusGroupSignup } from '../entities/focus-group-signup.entity';
import { FocusGroup } from '../entities/focus-group.entity';
import { Person } from '../entities/person.entity';

/** What a new sign-up row holds. */
export type NewSignup = {
  focusGroupId: number;
  personAadId: string;
  agency: string | null;
  role: string;
  accessNeeds: string | null;
  status: 'confirmed' | 'waitlisted';
  position: number | null;
  idempotencyKey: string;
};

/** A calendar intent kind. */
export type CalendarIntentKind = 'send_invitation' | 'remove_attendee';

/**
 * Focus-group sessions, their sign-ups and the calendar intents of confirmed seats. The seat and
 * waiting-list writes are meant to run inside `writeTransaction`, after `lockForSignupChange`.
 */
export class FocusGroupRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get groups() {
    return this.db.getRepository(FocusGroup);
  }

  private get signups() {
    return this.db.getRepository(FocusGroupSignup);
  }

  /**
   * Takes the session's row lock for the rest of the transaction (the first statement of every
   * sign-up change, so it also takes SQLite's write lock up front).
   * @returns whether the session exists
   */
  async lockForSignupChange(id: number): Promise<boolean> {
    const result = await this.groups
      .createQueryBuilder()
      .update(FocusGroup)
      .set({ signupSeq: () => 'signup_seq + 1' })
      .where('id = :id', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Takes one seat if any is left: a single conditional UPDATE, atomic on SQLite and SQL Server.
   * @returns whether a seat was taken
   */
  async takeSeat(id: number): Promise<boolean> {
    const result = await this.groups
      .createQueryBuilder()
      .update(FocusGroup)
      .set({ confirmedCount: () => 'confirmed_count + 1' })
      .where('id = :id AND confirmed_count < capacity', { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Gives one seat back (never below zero). */
  async releaseSeat(id: number): Promise<void> {
    await this.groups
      .createQueryBuilder()
      .update(FocusGroup)
      .set({ confirmedCount: () => 'confirmed_count - 1' })
      .where('id = :id AND confirmed_count > 0', { id })
      .execute();
  }

  /** @returns the session, or null */
  async findById(id: number): Promise<FocusGroup | null> {
    return this.groups.findOne({ where: { id } });
  }

  /** @returns sessions starting after `now` with one of the statuses, soonest first */
  async listUpcoming(now: Date, statuses: string[]): Promise<FocusGroup[]> {
    return this.groups.find({
      where: { startsAt: MoreThan(now), status: In(statuses) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }

  /** @returns the sessions with these ids */
  async listByIds(ids: number[]): Promise<FocusGroup[]> {
    return ids.length === 0 ? [] : this.groups.find({ where: { id: In(ids) } });
  }

  /** @returns an audit's sessions, soonest first */
  async listByAudit(auditId: number): Promise<FocusGroup[]> {
    return this.groups.find({ where: { auditId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  /** @returns the number of sessions per audit id */
  async countByAudit(auditIds: number[]): Promise<Map<number, number>> {
    if (auditIds.length === 0) {
      return new Map();
    }
    const rows = await this.groups
      .createQueryBuilder('g')
      .select('g.audit_id', 'auditId')
      .addSelect('COUNT(*)', 'n')
      .where('g.audit_id IN (:...auditIds)', { auditIds })
      .groupBy('g.audit_id')
      .getRawMany<{ auditId: number; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.auditId), Number(r.n)]));
  }

  /** Inserts a session. */
  async insert(props: Omit<FocusGroup, 'id' | 'confirmedCount' | 'signupSeq'>): Promise<FocusGroup> {
    return this.groups.save(this.groups.create({ ...props, confirmedCount: 0, signupSeq: 0 }));
  }

  /** Updates a session's editable fields (never the seat count). */
  async update(id: number, changes: Partial<Omit<FocusGroup, 'id' | 'confirmedCount' | 'signupSeq'>>): Promise<void> {
    await this.groups.update({ id }, changes);
  }

  /** @returns the waiting-list length per session id */
  async waitlistLengths(ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await this.signups
      .createQueryBuilder('s')
      .select('s.focus_group_id', 'groupId')
      .addSelect('COUNT(*)', 'n')
      .where('s.focus_group_id IN (:...ids)', { ids })
      .andWhere("s.status = 'waitlisted'")
      .groupBy('s.focus_group_id')
      .getRawMany<{ groupId: number; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.groupId), Number(r.n)]));
  }

  /** @returns one person's active (confirmed or waitlisted) sign-up to a session, or null */
  async findActive(focusGroupId: number, personAadId: string): Promise<FocusGroupSignup | null> {
    return this.signups.findOne({
      where: { focusGroupId, personAadId, status: In(['confirmed', 'waitlisted']) },
    });
  }

  /** @returns a person's active sign-ups, keyed by session id */
  async activeForPerson(personAadId: string): Promise<Map<number, FocusGroupSignup>> {
    const rows = await this.signups.find({
      where: { personAadId, status: In(['confirmed', 'waitlisted']) },
    });
    return new Map(rows.map((r) => [r.focusGroupId, r]));
  }

  /** @returns the sign-up made by the request with this key, or null */
  async findByKey(idempotencyKey: string): Promise<FocusGroupSignup | null> {
    return this.signups.findOne({ where: { idempotencyKey } });
  }

  /** @returns a session's sign-ups: confirmed first, then the waiting list in order, then cancelled */
  async listSignups(focusGroupId: number): Promise<FocusGroupSignup[]> {
    const rows = await this.signups.find({ where: { focusGroupId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const rank = (s: FocusGroupSignup) => (s.status === 'confirmed' ? 0 : s.status === 'waitlisted' ? 1 : 2);
    return rows.sort((a, b) => rank(a) - rank(b) || (a.position ?? 0) - (b.position ?? 0));
  }

  /** @returns the session's confirmed sign-ups */
  async listConfirmed(focusGroupId: number): Promise<FocusGroupSignup[]> {
    return this.signups.find({ where: { focusGroupId, status: 'confirmed' } });
  }

  /** @returns how many people are waiting */
  async waitlistLength(focusGroupId: number): Promise<number> {
    return this.signups.count({ where: { focusGroupId, status: 'waitlisted' } });
  }

  /** @returns the first person on the waiting list, or null */
  async firstWaiting(focusGroupId: number): Promise<FocusGroupSignup | null> {
    return this.signups.findOne({
      where: { focusGroupId, status: 'waitlisted' },
      order: { position: 'ASC', id: 'ASC' },
    });
  }

  /** Inserts a sign-up. */
  async insertSignup(props: NewSignup, now: Date): Promise<FocusGroupSignup> {
    return this.signups.save(this.signups.create({ ...props, createdAt: now, updatedAt: now }));
  }

  /** Sets a sign-up's status (position cleared unless waitlisted). */
  async setStatus(id: number, status: 'confirmed' | 'cancelled', now: Date): Promise<void> {
    await this.signups.update({ id }, { status, position: null, updatedAt: now });
  }

  /** Moves everyone behind `position` on the waiting list one place forward, keeping 1..n. */
  async closeWaitlistGap(focusGroupId: number, position: number): Promise<void> {
    await this.signups
      .createQueryBuilder()
      .update(FocusGroupSignup)
      .set({ position: () => 'position - 1' })
      .where("focus_group_id = :focusGroupId AND status = 'waitlisted' AND position > :position", {
        focusGroupId,
        position,
      })
      .execute();
  }

  /** @returns display names by Entra object id, for the people the app knows */
  async namesOf(aadIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(aadIds)];
    const people = ids.length === 0 ? [] : await this.db.getRepository(Person).find({ where: { aadObjectId: In(ids) } });
    return new Map(people.map((p) => [p.aadObjectId, p.displayName]));
  }

  /** Records what the calendar side should do for a seat. */
  async addCalendarIntent(kind: CalendarIntentKind, focusGroupId: number, aadObjectId: string, now: Date): Promise<void> {
    await this.db.getRepository(CalendarIntent).insert({ kind, focusGroupId, aadObjectId, createdAt: now, processedAt: null });
  }
}
