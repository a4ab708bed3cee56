import type { EligibilityDto, FocusGroupStatus, SignupStatus } from '../../contracts/audits';
import type { Role } from '../../contracts/identity';
import type { FocusGroupSignup } from '../../data/entities/focus-group-signup.entity';
import type { FocusGroup } from '../../data/entities/focus-group.entity';
import { FocusGroupRepository } from '../../data/repositories/focus-group.repository';
import { ThemedAuditRepository } from '../../data/repositories/themed-audit.repository';
import { NotFoundError } from '../../errors';
import type { Caller } from '../caller';
import { isEligible } from './eligibility';
import type { FocusGroupDeps, SessionView, SignupView } from './types';

/**
 * Lists upcoming open sessions the caller may join, soonest first, with their own place on each.
 * @param deps database and clock
 * @param caller the practitioner
 * @param options `includeMine` also lists closed upcoming sessions where the caller holds a place
 * @returns the sessions
 */
export async function listJoinableSessions(
  deps: FocusGroupDeps,
  caller: Caller,
  options: { includeMine?: boolean } = {}
): Promise<SessionView[]> {
  const repo = new FocusGroupRepository(deps.db);
  const now = deps.now();
  const groups = await repo.listUpcoming(now, options.includeMine ? ['open', 'closed'] : ['open']);
  const mine = await repo.activeForPerson(caller.id);
  const chosen = groups.filter(
    (g) => (g.status === 'open' && isEligible(caller, g.eligibility)) || (options.includeMine && mine.has(g.id))
  );
  return buildViews(deps, caller, chosen, mine);
}

/**
 * @returns one session as the caller sees it (any status)
 * @throws NotFoundError when there is no such session
 */
export async function getSessionForCaller(deps: FocusGroupDeps, caller: Caller, id: number): Promise<SessionView> {
  const repo = new FocusGroupRepository(deps.db);
  const group = await repo.findById(id);
  if (!group) {
    throw new NotFoundError('There is no such focus group');
  }
  const mine = await repo.activeForPerson(caller.id);
  const [view] = await buildViews(deps, caller, [group], mine);
  return view;
}

/**
 * @returns a session with its waiting-list length, as the business unit manages it
 * @throws NotFoundError when there is no such session
 */
export async function getSessionForBusinessUnit(
  deps: FocusGroupDeps,
  id: number
): Promise<{ group: FocusGroup; waitlistLength: number }> {
  const repo = new FocusGroupRepository(deps.db);
  const group = await repo.findById(id);
  if (!group) {
    throw new NotFoundError('There is no such focus group');
  }
  return { group, waitlistLength: await repo.waitlistLength(id) };
}

/**
 * @returns a session's sign-ups with names (business unit)
 * @throws NotFoundError when there is no such session
 */
export async function listSessionSignups(deps: FocusGroupDeps, id: number): Promise<SignupView[]> {
  const repo = new FocusGroupRepository(deps.db);
  if (!(await repo.findById(id))) {
    throw new NotFoundError('There is no such focus group');
  }
  const signups = await repo.listSignups(id);
  const names = await repo.namesOf(signups.map((s) => s.personAadId));
  return signups.map((s) => ({
    id: s.id,
    name: names.get(s.personAadId) ?? 'Unknown person',
    agency: s.agency,
    role: s.role,
    accessNeeds: s.accessNeeds,
    status: s.status as SignupStatus,
    position: s.position,
    createdAt: s.createdAt,
  }));
}

async function buildViews(
  deps: FocusGroupDeps,
  caller: Caller,
  groups: FocusGroup[],
  mine: Map<number, FocusGroupSignup>
): Promise<SessionView[]> {
  const repo = new FocusGroupRepository(deps.db);
  const waitlists = await repo.waitlistLengths(groups.map((g) => g.id));
  const audits = await new ThemedAuditRepository(deps.db).findByIds([...new Set(groups.map((g) => g.auditId))]);
  const now = deps.now().getTime();
  return groups.map((g) => {
    const audit = audits.get(g.auditId);
    const my = mine.get(g.id);
    return {
      id: g.id,
      auditId: g.auditId,
      auditTitle: audit?.title ?? '',
      theme: audit?.theme ?? '',
      startsAt: g.startsAt,
      durationMinutes: g.durationMinutes,
      location: g.location,
      online: g.online,
      capacity: g.capacity,
      confirmedCount: g.confirmedCount,
      waitlistLength: waitlists.get(g.id) ?? 0,
      seatsLeft: Math.max(0, g.capacity - g.confirmedCount),
      status: g.status as FocusGroupStatus,
      past: g.startsAt.getTime() <= now,
      eligibility: toEligibility(g.eligibility),
      eligible: isEligible(caller, g.eligibility),
      myStatus: my ? (my.status as SignupStatus) : null,
      myPosition: my?.position ?? null,
    };
  });
}

/** @returns the stored eligibility rule, typed */
export function toEligibility(stored: { agencies?: string[]; roles?: string[] } | null): EligibilityDto {
  return { agencies: stored?.agencies ?? [], roles: (stored?.roles ?? []) as Role[] };
}
