import type { FocusGroupRepository } from '../../data/repositories/focus-group.repository';
import { AuditRepository } from '../../data/repositories/audit.repository';
import type { EntityManager } from 'typeorm';

/**
 * Gives free seats to the waiting list in order, inside the caller's transaction (after
 * `lockForSignupChange`). Each promoted person gets a calendar invitation intent.
 * @param em the transaction
 * @param repo the focus-group repository on that transaction
 * @param focusGroupId the session
 * @param actorId who caused the seats to free up (for the audit log)
 * @param now the current time
 * @returns the Entra object ids of the people promoted, first first
 */
export async function fillFreeSeats(
  em: EntityManager,
  repo: FocusGroupRepository,
  focusGroupId: number,
  actorId: string,
  now: Date
): Promise<string[]> {
  const promoted: string[] = [];
  // bounded by the waiting list: each pass confirms one person or stops
  for (;;) {
    const next = await repo.firstWaiting(focusGroupId);
    if (!next || !(await repo.takeSeat(focusGroupId))) {
      return promoted;
    }
    await repo.setStatus(next.id, 'confirmed', now);
    await repo.closeWaitlistGap(focusGroupId, next.position ?? 0);
    await repo.addCalendarIntent('send_invitation', focusGroupId, next.personAadId, now);
    await new AuditRepository(em).append({
      actorId,
      action: 'focus_group.promoted',
      entityType: 'focus_group_signup',
      entityId: String(next.id),
      detail: { focusGroupId, fromPosition: next.position },
    });
    promoted.push(next.personAadId);
  }
}
