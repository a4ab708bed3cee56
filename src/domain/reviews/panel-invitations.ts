import { In, type EntityManager } from 'typeorm';

import { Person } from '../../data/entities/person.entity';
import { ReviewRepository } from '../../data/repositories/review.repository';
import { addCalendarAttendee, removeCalendarAttendee } from '../calendar/calendar-attendees';
import type { CalendarAttendee } from '../calendar/calendar-event-types';
import type { ReviewDeps } from './deps';

/**
 * @returns the panel's invitation addresses (the panel entry's email, else the profile's) and how
 *   many members have none
 */
export async function panelAttendees(em: EntityManager, reviewId: number): Promise<{ attendees: CalendarAttendee[]; missing: number }> {
  const panel = await new ReviewRepository(em).panel(reviewId);
  const ids = panel.map((p) => p.aadObjectId);
  const people = ids.length ? await em.getRepository(Person).find({ where: { aadObjectId: In(ids) } }) : [];
  const attendees: CalendarAttendee[] = [];
  for (const p of panel) {
    const person = people.find((x) => x.aadObjectId === p.aadObjectId);
    const email = p.email ?? person?.email;
    if (email) {
      attendees.push({ email, ...(person ? { name: person.displayName.slice(0, 200) } : {}) });
    }
  }
  return { attendees, missing: panel.length - attendees.length };
}

/**
 * Invites a new panel member to, or un-invites a removed one from, the review's upcoming meetings,
 * in the caller's transaction.
 * @param change the member's email and whether they joined or left
 */
export async function syncPanelInvitations(
  em: EntityManager,
  deps: ReviewDeps,
  reviewId: number,
  change: { email: string; name?: string; joined: boolean },
  actorId: string
): Promise<number> {
  const now = deps.now();
  const meetings = await new ReviewRepository(em).meetings(reviewId);
  let changed = 0;
  for (const m of meetings) {
    if (m.status !== 'scheduled' || m.calendarEventId === null || new Date(m.startsAt) <= now) {
      continue;
    }
    if (change.joined) {
      await addCalendarAttendee(em, m.calendarEventId, { email: change.email, ...(change.name ? { name: change.name } : {}) }, actorId);
    } else {
      await removeCalendarAttendee(em, m.calendarEventId, change.email, actorId);
    }
    changed += 1;
  }
  return changed;
}
