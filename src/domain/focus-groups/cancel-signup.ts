import type { FocusGroup } from '../../data/entities/focus-group.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { FocusGroupRepository } from '../../data/repositories/focus-group.repository';
import { writeTransaction } from '../../data/write-transaction';
import { ConflictError, NotFoundError } from '../../errors';
import type { Caller } from '../caller';
import { fillFreeSeats } from './seats';
import type { FocusGroupDeps } from './types';

/** What a cancellation did. */
export type CancelOutcome = {
  /** the status the place had before it was cancelled */
  was: 'confirmed' | 'waitlisted';
  /** Entra object ids of the people who got the freed seat */
  promoted: string[];
};

/**
 * Cancels the caller's place on a session. A freed seat goes to the first person on the waiting
 * list in the same transaction; they are told in chat after the commit (`focus_group.promoted`).
 * @param deps database, events and clock
 * @param caller the practitioner
 * @param focusGroupId the session
 * @returns what was cancelled and who was promoted
 * @throws NotFoundError when there is no such session or the caller holds no place on it;
 *   ConflictError when the session has already started
 */
export async function cancelFocusGroupSignup(
  deps: FocusGroupDeps,
  caller: Caller,
  focusGroupId: number
): Promise<CancelOutcome> {
  const now = deps.now();
  const outcome = await writeTransaction(deps.db, async (em) => {
    const repo = new FocusGroupRepository(em);
    if (!(await repo.lockForSignupChange(focusGroupId))) {
      throw new NotFoundError('There is no such focus group');
    }
    const group = (await repo.findById(focusGroupId)) as FocusGroup;
    const signup = await repo.findActive(focusGroupId, caller.id);
    if (!signup) {
      throw new NotFoundError('You have no place on this focus group');
    }
    if (group.startsAt.getTime() <= now.getTime()) {
      throw new ConflictError('This focus group has already started, so places can no longer be cancelled here.');
    }
    const was = signup.status === 'confirmed' ? 'confirmed' : 'waitlisted';
    await repo.setStatus(signup.id, 'cancelled', now);
    let promoted: string[] = [];
    if (was === 'confirmed') {
      await repo.releaseSeat(focusGroupId);
      await repo.addCalendarIntent('remove_attendee', focusGroupId, caller.id, now);
      if (group.status !== 'cancelled') {
        promoted = await fillFreeSeats(em, repo, focusGroupId, caller.id, now);
      }
    } else {
      await repo.closeWaitlistGap(focusGroupId, signup.position ?? 0);
    }
    await new AuditRepository(em).append({
      actorId: caller.id,
      action: 'focus_group.signup_cancelled',
      entityType: 'focus_group_signup',
      entityId: String(signup.id),
      detail: { focusGroupId, was, promotedCount: promoted.length },
    });
    return { was, promoted } as CancelOutcome;
  });
  for (const aadObjectId of outcome.promoted) {
    deps.events.emit('focus_group.promoted', { focusGroupId, aadObjectId });
  }
  return outcome;
}
