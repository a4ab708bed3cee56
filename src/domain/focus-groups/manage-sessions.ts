import type { EligibilityDto, FocusGroupStatus } from '../../contracts/audits';
import type { FocusGroup } from '../../data/entities/focus-group.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { FocusGroupRepository } from '../../data/repositories/focus-group.repository';
import { PersonRepository } from '../../data/repositories/person.repository';
import { ThemedAuditRepository } from '../../data/repositories/themed-audit.repository';
import { writeTransaction } from '../../data/write-transaction';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Caller } from '../caller';
import { fillFreeSeats } from './seats';
import type { FocusGroupDeps } from './types';

/** A new session. */
export type NewSession = {
  auditId: number;
  startsAt: Date;
  durationMinutes: number;
  capacity: number;
  location: string;
  online: boolean;
  eligibility: EligibilityDto;
  /** take sign-ups straight away (default) */
  open: boolean;
};

/** Changes to a session; absent fields stay as they are. */
export type SessionChanges = Partial<Omit<NewSession, 'auditId' | 'open'>> & { status?: FocusGroupStatus };

/**
 * Adds a focus-group session to an audit.
 * @returns the new session's id
 * @throws ValidationError for an unknown audit or agency, or a start in the past
 */
export async function createFocusGroup(deps: FocusGroupDeps, caller: Caller, input: NewSession): Promise<number> {
  const now = deps.now();
  if (!(await new ThemedAuditRepository(deps.db).findById(input.auditId))) {
    throw new ValidationError(`There is no audit ${input.auditId}`, { fields: [{ field: 'auditId', message: 'unknown audit' }] });
  }
  await assertKnownAgencies(deps, input.eligibility.agencies);
  if (input.startsAt.getTime() <= now.getTime()) {
    throw new ValidationError('The session must start in the future', { fields: [{ field: 'startsAt', message: 'in the past' }] });
  }
  return writeTransaction(deps.db, async (em) => {
    const group = await new FocusGroupRepository(em).insert({
      auditId: input.auditId,
      startsAt: input.startsAt,
      durationMinutes: input.durationMinutes,
      location: input.location,
      online: input.online,
      capacity: input.capacity,
      eligibility: input.eligibility,
      status: input.open ? 'open' : 'closed',
      createdAt: now,
      updatedAt: now,
    });
    await new AuditRepository(em).append({
      actorId: caller.id,
      action: 'focus_group.created',
      entityType: 'focus_group',
      entityId: String(group.id),
      detail: { auditId: input.auditId, capacity: input.capacity, status: group.status },
    });
    return group.id;
  });
}

/**
 * Changes a session: details, capacity, or opening, closing and cancelling sign-up. More seats go to
 * the waiting list at once (they are told in chat); cancelling records calendar removals.
 * @throws NotFoundError (no such session), ConflictError (cancelled session, capacity below the
 *   confirmed seats, reopening a past session), ValidationError (unknown agency, start in the past)
 */
export async function updateFocusGroup(
  deps: FocusGroupDeps,
  caller: Caller,
  id: number,
  changes: SessionChanges
): Promise<void> {
  const now = deps.now();
  if (changes.eligibility) {
    await assertKnownAgencies(deps, changes.eligibility.agencies);
  }
  if (changes.startsAt && changes.startsAt.getTime() <= now.getTime()) {
    throw new ValidationError('The session must start in the future', { fields: [{ field: 'startsAt', message: 'in the past' }] });
  }
  const promoted = await writeTransaction(deps.db, async (em) => {
    const repo = new FocusGroupRepository(em);
    if (!(await repo.lockForSignupChange(id))) {
      throw new NotFoundError('There is no such focus group');
    }
    const group = (await repo.findById(id)) as FocusGroup;
    assertChangeAllowed(group, changes, now);
    const { status, ...fields } = changes;
    await repo.update(id, { ...fields, ...(status ? { status } : {}), updatedAt: now });
    if (status === 'cancelled') {
      for (const s of await repo.listConfirmed(id)) {
        await repo.addCalendarIntent('remove_attendee', id, s.personAadId, now);
      }
    }
    const upcoming = (changes.startsAt ?? group.startsAt).getTime() > now.getTime();
    const filled = status === 'cancelled' || !upcoming ? [] : await fillFreeSeats(em, repo, id, caller.id, now);
    await new AuditRepository(em).append({
      actorId: caller.id,
      action: 'focus_group.updated',
      entityType: 'focus_group',
      entityId: String(id),
      detail: { fields: Object.keys(changes), status: status ?? group.status, promotedCount: filled.length },
    });
    return filled;
  });
  for (const aadObjectId of promoted) {
    deps.events.emit('focus_group.promoted', { focusGroupId: id, aadObjectId });
  }
}

function assertChangeAllowed(group: FocusGroup, changes: SessionChanges, now: Date): void {
  if (group.status === 'cancelled') {
    throw new ConflictError('This focus group has been cancelled and can no longer be changed.');
  }
  if (changes.capacity !== undefined && changes.capacity < group.confirmedCount) {
    throw new ConflictError(
      `${group.confirmedCount} people already have a confirmed seat: the capacity cannot go below that.`,
      { confirmedCount: group.confirmedCount }
    );
  }
  const startsAt = changes.startsAt ?? group.startsAt;
  if (changes.status === 'open' && startsAt.getTime() <= now.getTime()) {
    throw new ConflictError('This focus group has already started, so sign-up cannot be opened.');
  }
}

async function assertKnownAgencies(deps: FocusGroupDeps, codes: string[]): Promise<void> {
  const known = new Set((await new PersonRepository(deps.db).listAgencies()).map((a) => a.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new ValidationError(`Unknown agency code: ${unknown.join(', ')}`, {
      fields: [{ field: 'eligibility.agencies', message: 'unknown agency code' }],
    });
  }
}
