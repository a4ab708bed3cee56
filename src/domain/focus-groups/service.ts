import type { Caller } from '../caller';
import { cancelFocusGroupSignup, type CancelOutcome } from './cancel-signup';
import { createFocusGroup, updateFocusGroup, type NewSession, type SessionChanges } from './manage-sessions';
import type { FocusGroup } from '../../data/entities/focus-group.entity';
import { PersonRepository } from '../../data/repositories/person.repository';
import {
  getSessionForBusinessUnit,
  getSessionForCaller,
  listJoinableSessions,
  listSessionSignups,
} from './read-sessions';
import { signUpForFocusGroup, type SignUpInput } from './sign-up';
import type { FocusGroupDeps, SessionView, SignUpOutcome, SignupView } from './types';

/** The focus-group use-cases bound to their dependencies, shared by the REST API and the bot. */
export class FocusGroupService {
  constructor(private readonly deps: FocusGroupDeps) {}

  /** @see listJoinableSessions */
  listJoinable(caller: Caller, options: { includeMine?: boolean } = {}): Promise<SessionView[]> {
    return listJoinableSessions(this.deps, caller, options);
  }

  /** @see getSessionForCaller */
  get(caller: Caller, id: number): Promise<SessionView> {
    return getSessionForCaller(this.deps, caller, id);
  }

  /** @see getSessionForBusinessUnit */
  getForBusinessUnit(id: number): Promise<{ group: FocusGroup; waitlistLength: number }> {
    return getSessionForBusinessUnit(this.deps, id);
  }

  /** @see listSessionSignups */
  signups(id: number): Promise<SignupView[]> {
    return listSessionSignups(this.deps, id);
  }

  /** @see signUpForFocusGroup */
  signUp(caller: Caller, input: SignUpInput): Promise<SignUpOutcome> {
    return signUpForFocusGroup(this.deps, caller, input);
  }

  /** @see cancelFocusGroupSignup */
  cancel(caller: Caller, focusGroupId: number): Promise<CancelOutcome> {
    return cancelFocusGroupSignup(this.deps, caller, focusGroupId);
  }

  /** @see createFocusGroup */
  create(caller: Caller, input: NewSession): Promise<number> {
    return createFocusGroup(this.deps, caller, input);
  }

  /** @see updateFocusGroup */
  update(caller: Caller, id: number, changes: SessionChanges): Promise<void> {
    return updateFocusGroup(this.deps, caller, id, changes);
  }

  /** @returns the partnership's agencies (code and name), by name, for sign-up forms */
  async agencies(): Promise<{ code: string; name: string }[]> {
    const rows = await new PersonRepository(this.deps.db).listAgencies();
    return rows.map((a) => ({ code: a.code, name: a.name }));
  }

  /** @returns the current time of the service's clock */
  now(): Date {
    return this.deps.now();
  }
}
