import type { CalendarEventDto, CalendarOutboxItemDto, MeetingSuggestionsDto } from '../../contracts/calendar';
import type { CalendarEventWithSync } from '../../domain/calendar/read-calendar';
import type { SuggestionResult } from '../../domain/calendar/suggest-meeting-times';
import { localParts } from '../../domain/time/zoned-time';
import type { OutboxRow } from '../../data/repositories/calendar-outbox.repository';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** @returns the event as the API shows it, with each attendee's last known answer */
export function presentCalendarEvent({ event: e, sync }: CalendarEventWithSync): CalendarEventDto {
  const answers = new Map((e.attendeeResponses ?? []).map((r) => [r.email.toLowerCase(), r]));
  return {
    id: e.id,
    kind: e.kind as CalendarEventDto['kind'],
    sourceId: e.sourceId,
    subject: e.subject,
    agenda: e.agenda,
    link: e.linkUrl,
    start: new Date(e.startUtc).toISOString(),
    end: new Date(e.endUtc).toISOString(),
    timeZone: e.timeZone,
    location: e.location,
    attendees: e.attendees.map((a) => ({
      email: a.email,
      name: a.name ?? null,
      type: a.type,
      response: answers.get(a.email)?.response ?? null,
      respondedAt: answers.get(a.email)?.respondedAt ?? null,
    })),
    status: e.status,
    joinUrl: e.joinUrl,
    missingTeamsLink: e.missingJoinUrl,
    responsesCheckedAt: iso(e.responsesCheckedAt),
    sync,
  };
}

/** @returns an outbox item for the admin view: no payload (it may hold an attendee's email) */
export function presentOutboxItem({ item, event }: OutboxRow): CalendarOutboxItemDto {
  return {
    id: item.id,
    calendarEventId: item.calendarEventId,
    operation: item.operation,
    status: item.status,
    attempts: item.attempts,
    nextAttemptAt: new Date(item.nextAttemptAt).toISOString(),
    lastError: item.lastError,
    createdAt: new Date(item.createdAt).toISOString(),
    sentAt: iso(item.sentAt),
    event: event ? { kind: event.kind, sourceId: event.sourceId, subject: event.subject, start: new Date(event.startUtc).toISOString() } : null,
  };
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** @returns suggestions with local start times and the attendees whose availability is unknown */
export function presentSuggestions(r: SuggestionResult): MeetingSuggestionsDto {
  const unknown = r.attendees.filter((a) => a.availability === 'unknown').map((a) => a.email);
  return {
    timeZone: r.timeZone,
    workingHours: { start: hhmm(r.workingHours.startMinute), end: hhmm(r.workingHours.endMinute) },
    slots: r.slots.map((s) => {
      const local = localParts(s.start, r.timeZone);
      return { start: s.start.toISOString(), end: s.end.toISOString(), startLocal: `${local.date} ${local.time}`, free: s.free, tentative: s.tentative, busy: s.busy, unknown };
    }),
    attendees: r.attendees.map((a) => ({ email: a.email, availability: a.availability, reason: a.reason ?? null })),
  };
}
