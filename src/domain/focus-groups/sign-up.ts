import { randomUUID } from 'node:crypto';

import type { FocusGroupSignup } from '../../data/entities/focus-group-signup.entity';
import type { FocusGroup } from '../../data/entities/focus-group.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { FocusGroupRepository } from '../../data/repositories/focus-group.repository';
import { PersonRepository } from '../../data/repositories/person.repository';
import { writeTransaction } from '../../data/write-transaction';
import { AuthorizationError, ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Caller } from '../caller';
import { describeEligibility, isEligible } from './eligibility';
import { toEligibility } from './read-sessions';
import type { FocusGroupDeps, SignUpOutcome } from './types';

/** What a practitioner gives when signing up. */
export type SignUpInput = {
  focusGroupId: number;
  /** their job role, e.g. "Health visitor" */
  role: string;
  /** agency code; defaults to the caller's agency */
  agency?: string | null;
  accessNeeds?: string | null;
  /** the client's request id (card nonce or Idempotency-Key header); repeats change nothing */
  requestKey?: string | null;
};

/**
 * Signs the caller up to a session: a confirmed seat while any is left, otherwise the next place on
 * the waiting list. Safe under concurrent requests from several server processes: the seat is
 * taken by one conditional UPDATE inside a transaction that holds the session's write lock.
 * A repeated request (same key, or a person who already holds a place) returns the existing place.
 * @param deps database and clock
 * @param caller the practitioner (roles and agency from their profile)
 * @param input the session and the practitioner's answers
 * @returns the place, after the commit
 * @throws NotFoundError (no such session), AuthorizationError (not eligible), ConflictError (closed,
 *   cancelled or past session), ValidationError (unknown agency)
 */
export async function signUpForFocusGroup(
  deps: FocusGroupDeps,
  caller: Caller,
  input: SignUpInput
): Promise<SignUpOutcome> {
  const agency = input.agency ?? caller.agency?.code ?? null;
  if (agency && !(await new PersonRepository(deps.db).findAgency(agency))) {
    throw new ValidationError(`Unknown agency code: ${agency}`);
  }
  const id = input.focusGroupId;
  const key = `${caller.id}:${id}:${input.requestKey ?? randomUUID()}`;
  const now = deps.now();
  return writeTransaction(deps.db, async (em) => {
    const repo = new FocusGroupRepository(em);
    if (!(await repo.lockForSignupChange(id))) {
      throw new NotFoundError('There is no such focus group');
    }
    const group = (await repo.findById(id)) as FocusGroup;
    const earlier = (await repo.findByKey(key)) ?? (await repo.findActive(id, caller.id));
    if (earlier) {
      return replay(earlier);
    }
    assertCanJoin(group, caller, now);
    const confirmed = await repo.takeSeat(id);
    const position = confirmed ? null : (await repo.waitlistLength(id)) + 1;
    const signup = await repo.insertSignup(
      {
        focusGroupId: id,
        personAadId: caller.id,
        agency,
        role: input.role,
        accessNeeds: input.accessNeeds ?? null,
        status: confirmed ? 'confirmed' : 'waitlisted',
        position,
        idempotencyKey: key,
      },
      now
    );
    if (confirmed) {
      await repo.addCalendarIntent('send_invitation', id, caller.id, now);
    }
    await new AuditRepository(em).append({
      actorId: caller.id,
      action: 'focus_group.signed_up',
      entityType: 'focus_group_signup',
      entityId: String(signup.id),
      detail: { focusGroupId: id, status: signup.status, position },
    });
    return { status: confirmed ? 'confirmed' : 'waitlisted', position, replayed: false };
  });
}

function replay(signup: FocusGroupSignup): SignUpOutcome {
  if (signup.status === 'cancelled') {
    throw new ConflictError('That sign-up was cancelled after it was made. Sign up again for a new place.');
  }
  return {
    status: signup.status === 'confirmed' ? 'confirmed' : 'waitlisted',
    position: signup.position,
    replayed: true,
  };
}

/**
 * @throws AuthorizationError when the caller may not join; ConflictError when the session does not
 *   take sign-ups (cancelled, started, or closed)
 */
export function assertCanJoin(group: FocusGroup, caller: Caller, now: Date): void {
  if (!isEligible(caller, group.eligibility)) {
    throw new AuthorizationError(
      `This focus group is only for: ${describeEligibility(toEligibility(group.eligibility))}. You cannot sign up to it.`
    );
  }
  if (group.status === 'cancelled') {
    throw new ConflictError('This focus group has been cancelled, so it takes no sign-ups.');
  }
  if (group.startsAt.getTime() <= now.getTime()) {
    throw new ConflictError('This focus group has already started, so sign-up has closed.');
  }
  if (group.status !== 'open') {
    throw new ConflictError('Sign-up for this focus group has closed.');
  }
}
