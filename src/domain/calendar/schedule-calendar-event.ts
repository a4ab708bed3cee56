import type { EntityManager } from 'typeorm';

import type { CalendarEvent } from '../../data/entities/calendar-event.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { CalendarEventRepository } from '../../data/repositories/calendar-event.repository';
import { CalendarOutboxRepository } from '../../data/repositories/calendar-outbox.repository';
import {
  assertTimes,
  normaliseAttendees,
  SchedulePropsSchema,
  validate,
  type CalendarAttendee,
  type CalendarEventKind,
} from './calendar-event-types';

/** The board's time zone, used when the caller gives none. */
export const DEFAULT_EVENT_TIME_ZONE = 'Europe/London';

/**
 * An event to put in partner calendars. Subject and agenda go to every attendee's calendar (often
 * in other organisations): keep children's personal details out of them; use references.
 */
export type ScheduleCalendarEventProps = {
  kind: CalendarEventKind;
  /** id of the panel / focus group / learning event it belongs to */
  sourceId: string | number;
  subject: string;
  /** plain text, shown in the invitation above a link back to the app */
  agenda?: string | null;
  /** link back to the app (default: the app's tab) */
  link?: string | null;
  start: Date;
  end: Date;
  /** IANA zone to show it in (default Europe/London) */
  timeZone?: string;
  location?: string | null;
  attendees: CalendarAttendee[];
  /** Entra object id of who asked, for the audit log (default `system`) */
  actorId?: string;
};

/**
 * Records a new calendar event and queues its creation in Outlook (organiser mailbox, Teams
 * meeting, invitations), both in the caller's transaction: the invitation goes out only if the
 * caller commits, and exactly once however often the sender has to retry.
 * @param em the caller's transaction
 * @param props the event
 * @returns the stored event (status `pending` until Outlook has it)
 * @throws ValidationError for a bad subject, times, time zone, link or attendee
 */
export async function scheduleCalendarEvent(em: EntityManager, props: ScheduleCalendarEventProps): Promise<CalendarEvent> {
  const p = validate(SchedulePropsSchema, props);
  assertTimes(p.start, p.end);
  const now = new Date();
  const event = await new CalendarEventRepository(em).insert({
    kind: p.kind,
    sourceId: p.sourceId,
    subject: p.subject,
    agenda: p.agenda ?? null,
    linkUrl: p.link ?? null,
    startUtc: p.start,
    endUtc: p.end,
    timeZone: p.timeZone ?? DEFAULT_EVENT_TIME_ZONE,
    location: p.location || null,
    attendees: normaliseAttendees(p.attendees),
    graphEventId: null,
    joinUrl: null,
    missingJoinUrl: false,
    status: 'pending',
    cancelMessage: null,
    attendeeResponses: null,
    responsesCheckedAt: null,
    createdBy: p.actorId ?? 'system',
    createdAt: now,
    updatedAt: now,
  });
  await new CalendarOutboxRepository(em).enqueue(event.id, 'create', {});
  await new AuditRepository(em).append({
    actorId: p.actorId ?? 'system',
    action: 'calendar.event_scheduled',
    entityType: 'calendar_event',
    entityId: String(event.id),
    detail: { kind: p.kind, sourceId: p.sourceId, attendees: event.attendees.length },
  });
  return event;
}
