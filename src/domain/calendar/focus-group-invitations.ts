import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';

import { CalendarEvent } from '../../data/entities/calendar-event.entity';
import { CalendarIntent } from '../../data/entities/calendar-intent.entity';
import { FocusGroup } from '../../data/entities/focus-group.entity';
import { Person } from '../../data/entities/person.entity';
import { ThemedAudit } from '../../data/entities/themed-audit.entity';
import { writeTransaction } from '../../data/write-transaction';
import type { Logger } from '../../logging/logger';
import { addCalendarAttendee, removeCalendarAttendee } from './calendar-attendees';
import { AttendeeSchema } from './calendar-event-types';
import { cancelCalendarEvent } from './cancel-calendar-event';
import { scheduleCalendarEvent } from './schedule-calendar-event';

/** Intents handled per transaction. */
const PER_RUN = 50;

/** @returns the session's event that is not cancelled, if any */
async function focusGroupEvent(em: EntityManager, focusGroupId: number): Promise<CalendarEvent | null> {
  return em.getRepository(CalendarEvent).findOne({
    where: { kind: 'focus_group', sourceId: String(focusGroupId), status: In(['pending', 'scheduled']) },
    order: { id: 'DESC' },
  });
}

async function invite(em: EntityManager, session: FocusGroup, attendee: { email: string; name: string }): Promise<void> {
  const existing = await focusGroupEvent(em, session.id);
  if (existing) {
    await addCalendarAttendee(em, existing.id, attendee);
    return;
  }
  const audit = await em.getRepository(ThemedAudit).findOneBy({ id: session.auditId });
  await scheduleCalendarEvent(em, {
    kind: 'focus_group',
    sourceId: session.id,
    subject: `Focus group: ${audit?.title ?? 'multi-agency audit'}`,
    agenda: `Multi-agency audit focus group${audit ? ` (${audit.theme})` : ''}. Please bring your experience of the audited cases; do not bring case files.`,
    start: session.startsAt,
    end: new Date(new Date(session.startsAt).getTime() + session.durationMinutes * 60_000),
    location: session.online ? `${session.location} (Microsoft Teams)` : session.location,
    attendees: [attendee],
  });
}

/**
 * Turns focus-group seat intents (`calendar_intents`, written by the focus-group use-cases with
 * each confirmed or cancelled seat) into calendar changes: the first confirmed seat schedules the
 * session's event, later ones invite, a cancelled seat un-invites, and a cancelled session cancels
 * the event. Intents of people without an email in their profile wait until they have one. Each
 * intent is claimed by a conditional update in the same transaction as its calendar change, so
 * several instances never apply one twice.
 * @param db the database
 * @param log where skipped intents are noted
 * @returns how many intents were handled
 */
export async function processFocusGroupIntents(db: DataSource, log: Logger): Promise<number> {
  // Only intents of people with an email: the others wait until their profile has one.
  const pending = await db
    .getRepository(CalendarIntent)
    .createQueryBuilder('i')
    .innerJoin(Person, 'p', 'p.aad_object_id = i.aad_object_id AND p.email IS NOT NULL')
    .where('i.processed_at IS NULL')
    .orderBy('i.id', 'ASC')
    .limit(PER_RUN)
    .getMany();
  if (pending.length === 0) {
    return 0;
  }
  return writeTransaction(db, async (em) => {
    let handled = 0;
    for (const intent of pending) {
      const claimed = await em.getRepository(CalendarIntent).update({ id: intent.id, processedAt: IsNull() }, { processedAt: new Date() });
      if (claimed.affected !== 1) {
        continue;
      }
      handled += 1;
      const session = await em.getRepository(FocusGroup).findOneBy({ id: intent.focusGroupId });
      const person = await em.getRepository(Person).findOneBy({ aadObjectId: intent.aadObjectId });
      const attendee = AttendeeSchema.safeParse({ email: person?.email ?? '', name: person?.displayName.slice(0, 200) || undefined });
      if (!session || !attendee.success) {
        log.warn('focus-group calendar intent skipped: no session, or no usable email for the person', { intentId: intent.id });
        continue;
      }
      const { email, name } = attendee.data;
      if (intent.kind === 'send_invitation' && session.status !== 'cancelled') {
        await invite(em, session, { email, name: name ?? email });
      } else if (intent.kind === 'remove_attendee') {
        const event = await focusGroupEvent(em, session.id);
        if (event && session.status === 'cancelled') {
          await cancelCalendarEvent(em, event.id, 'This focus-group session has been cancelled.');
        } else if (event) {
          await removeCalendarAttendee(em, event.id, email);
        }
      }
    }
    return handled;
  });
}
