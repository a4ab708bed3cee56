import type { FocusGroupDto, FocusGroupViewDto, SignupDto, SignupResultDto } from '../../contracts/audits';
import type { FocusGroup } from '../../data/entities/focus-group.entity';
import { toEligibility } from '../../domain/focus-groups/read-sessions';
import type { SessionView, SignUpOutcome, SignupView } from '../../domain/focus-groups/types';

/** @returns a session as a practitioner sees it */
export function presentSessionView(v: SessionView): FocusGroupViewDto {
  return {
    id: v.id,
    auditId: v.auditId,
    auditTitle: v.auditTitle,
    theme: v.theme,
    startsAt: v.startsAt.toISOString(),
    durationMinutes: v.durationMinutes,
    location: v.location,
    online: v.online,
    capacity: v.capacity,
    confirmedCount: v.confirmedCount,
    waitlistLength: v.waitlistLength,
    seatsLeft: v.seatsLeft,
    status: v.status,
    past: v.past,
    eligible: v.eligible,
    myStatus: v.myStatus,
    myPosition: v.myPosition,
  };
}

/** @returns a session as the business unit sees it */
export function presentFocusGroup(g: FocusGroup, waitlistLength: number, now: Date): FocusGroupDto {
  return {
    id: g.id,
    auditId: g.auditId,
    startsAt: g.startsAt.toISOString(),
    durationMinutes: g.durationMinutes,
    location: g.location,
    online: g.online,
    capacity: g.capacity,
    confirmedCount: g.confirmedCount,
    waitlistLength,
    seatsLeft: Math.max(0, g.capacity - g.confirmedCount),
    eligibility: toEligibility(g.eligibility),
    status: g.status as FocusGroupDto['status'],
    past: g.startsAt.getTime() <= now.getTime(),
  };
}

/** @returns the sign-up answer: status, and the place when waitlisted */
export function presentSignUp(o: SignUpOutcome): SignupResultDto {
  return o.status === 'waitlisted' && o.position !== null ? { status: o.status, position: o.position } : { status: o.status };
}

/** @returns a sign-up as the business unit sees it */
export function presentSignup(s: SignupView): SignupDto {
  return { ...s, createdAt: s.createdAt.toISOString() };
}
