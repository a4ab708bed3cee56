import { z } from 'zod';

import { GraphRetryableError } from './errors';
import type { GraphHttp } from './graph-http';
import type { GraphCall, GraphResponse } from './responses';
import { mergeAvailability, splitScheduleAsk, type ScheduleAsk } from './schedule-split';
import type {
  AttendeeResponse,
  CreatedEvent,
  EventAttendeeInput,
  EventDraft,
  EventSnapshot,
  FreeBusyStatus,
  GraphDateTime,
  ScheduleAvailability,
} from './types';

const WRITE = 'Calendars.ReadWrite';
const READ_SCHEDULE = 'Calendars.ReadBasic (or Calendars.Read)';

/** Fields of an event to change; attendees replace the whole list (Graph then invites or un-invites). */
export type EventPatch = Partial<Pick<EventDraft, 'subject' | 'bodyHtml' | 'start' | 'end' | 'location' | 'attendees'>>;

const EventAnswer = z.object({
  id: z.string().min(1),
  isCancelled: z.boolean().nullish(),
  isOnlineMeeting: z.boolean().nullish(),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
  attendees: z
    .array(
      z.object({
        type: z.string().nullish(),
        emailAddress: z.object({ address: z.string().nullish(), name: z.string().nullish() }).nullish(),
        status: z.object({ response: z.string().nullish(), time: z.string().nullish() }).nullish(),
      })
    )
    .nullish(),
});

const ScheduleAnswer = z.object({
  value: z.array(
    z.object({
      scheduleId: z.string(),
      availabilityView: z.string().nullish(),
      scheduleItems: z
        .array(z.object({ status: z.string().nullish(), start: z.object({ dateTime: z.string(), timeZone: z.string().nullish() }), end: z.object({ dateTime: z.string(), timeZone: z.string().nullish() }) }))
        .nullish(),
      error: z.object({ message: z.string().nullish(), responseCode: z.string().nullish() }).nullish(),
    })
  ),
});

/** @returns an instant as Graph's dateTimeTimeZone in UTC */
export function graphDateTime(at: Date): GraphDateTime {
  return { dateTime: at.toISOString().slice(0, 19), timeZone: 'UTC' };
}

function fromGraphUtc(value: { dateTime: string }): Date {
  return new Date(`${value.dateTime.replace(/Z$/, '').slice(0, 23)}Z`);
}

function attendeesJson(attendees: EventAttendeeInput[]) {
  return attendees.map((a) => ({ emailAddress: { address: a.email, ...(a.name ? { name: a.name } : {}) }, type: a.type }));
}

function patchJson(patch: EventPatch): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (patch.subject !== undefined) body.subject = patch.subject;
  if (patch.bodyHtml !== undefined) body.body = { contentType: 'html', content: patch.bodyHtml };
  if (patch.start !== undefined) body.start = graphDateTime(patch.start);
  if (patch.end !== undefined) body.end = graphDateTime(patch.end);
  if (patch.location !== undefined) body.location = { displayName: patch.location ?? '' };
  if (patch.attendees !== undefined) body.attendees = attendeesJson(patch.attendees);
  return body;
}

/**
 * Reads the answer to a create: the event id and whether Graph added the Teams meeting.
 * @throws GraphRetryableError (`malformed`) when the body is not an event
 */
export function readCreatedEvent(res: GraphResponse): CreatedEvent {
  const parsed = EventAnswer.safeParse(res.body);
  if (!parsed.success) {
    throw new GraphRetryableError('malformed', 'Graph answered the create without a readable event', res.status);
  }
  const joinUrl = parsed.data.onlineMeeting?.joinUrl ?? null;
  return { id: parsed.data.id, joinUrl: joinUrl || null, isOnlineMeeting: parsed.data.isOnlineMeeting === true };
}

/**
 * Reads an event: cancellation, Teams link and each attendee's answer.
 * @throws GraphRetryableError (`malformed`) when the body is not an event
 */
export function readEventSnapshot(res: GraphResponse): EventSnapshot {
  const parsed = EventAnswer.safeParse(res.body);
  if (!parsed.success) {
    throw new GraphRetryableError('malformed', 'Graph answered with an unreadable event', res.status);
  }
  const e = parsed.data;
  return {
    id: e.id,
    isCancelled: e.isCancelled === true,
    joinUrl: e.onlineMeeting?.joinUrl || null,
    attendees: (e.attendees ?? [])
      .filter((a) => a.emailAddress?.address)
      .map((a) => ({
        email: String(a.emailAddress?.address),
        ...(a.emailAddress?.name ? { name: a.emailAddress.name } : {}),
        type: a.type ?? 'required',
        response: (a.status?.response ?? 'none') as AttendeeResponse,
        respondedAt: a.status?.time && !a.status.time.startsWith('0001-') ? a.status.time : null,
      })),
  };
}

/**
 * The calendar operations the app needs, in the organiser mailbox, app-only. Each operation has a
 * `…Call` builder (so the outbox can put several into one `$batch`) and a direct method.
 */
export class GraphCalendarClient {
  constructor(readonly http: GraphHttp, readonly organiser: string) {}

  private get events(): string {
    return `/users/${encodeURIComponent(this.organiser)}/events`;
  }

  /** `POST /users/{organiser}/events` with a Teams meeting; `transactionId` makes a retry return the same event. */
  createEventCall(id: string, draft: EventDraft, transactionId: string): GraphCall {
    const body = {
      ...patchJson({ ...draft, location: draft.location ?? undefined }),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      responseRequested: true,
      allowNewTimeProposals: true,
      transactionId,
    };
    return { id, mailbox: this.organiser, method: 'POST', path: this.events, body, permission: WRITE, what: 'create an event' };
  }

  /** `PATCH /users/{organiser}/events/{id}`. */
  updateEventCall(id: string, eventId: string, patch: EventPatch): GraphCall {
    const path = `${this.events}/${encodeURIComponent(eventId)}`;
    return { id, mailbox: this.organiser, method: 'PATCH', path, body: patchJson(patch), permission: WRITE, what: 'update an event' };
  }

  /** `POST /users/{organiser}/events/{id}/cancel` with a message to attendees. */
  cancelEventCall(id: string, eventId: string, comment: string): GraphCall {
    const path = `${this.events}/${encodeURIComponent(eventId)}/cancel`;
    return { id, mailbox: this.organiser, method: 'POST', path, body: { comment }, permission: WRITE, what: 'cancel an event' };
  }

  /** `GET /users/{organiser}/events/{id}` with only what the app reads. */
  getEventCall(id: string, eventId: string): GraphCall {
    const path = `${this.events}/${encodeURIComponent(eventId)}?$select=id,isCancelled,isOnlineMeeting,onlineMeeting,attendees`;
    return { id, mailbox: this.organiser, method: 'GET', path, permission: 'Calendars.Read', what: 'read an event' };
  }

  /** `POST /users/{organiser}/calendar/getSchedule` for ≤20 schedules and a window under 62 days. */
  getScheduleCall(id: string, ask: ScheduleAsk): GraphCall {
    const body = { schedules: ask.schedules, startTime: graphDateTime(ask.start), endTime: graphDateTime(ask.end), availabilityViewInterval: ask.intervalMinutes };
    const path = `/users/${encodeURIComponent(this.organiser)}/calendar/getSchedule`;
    const headers = { Prefer: 'outlook.timezone="UTC"' };
    return { id, mailbox: this.organiser, method: 'POST', path, body, headers, permission: READ_SCHEDULE, what: 'read free/busy' };
  }

  /** Creates an event. @returns its id and Teams link (null when Graph left it out) */
  async createEvent(draft: EventDraft, transactionId: string): Promise<CreatedEvent> {
    return readCreatedEvent(await this.http.send(this.createEventCall('1', draft, transactionId)));
  }

  /** Changes an event. */
  async updateEvent(eventId: string, patch: EventPatch): Promise<void> {
    await this.http.send(this.updateEventCall('1', eventId, patch));
  }

  /** Cancels an event and tells the attendees. */
  async cancelEvent(eventId: string, comment: string): Promise<void> {
    await this.http.send(this.cancelEventCall('1', eventId, comment));
  }

  /** @returns the event's attendees' answers, cancellation and Teams link */
  async getEvent(eventId: string): Promise<EventSnapshot> {
    return readEventSnapshot(await this.http.send(this.getEventCall('1', eventId)));
  }

  /**
   * Free/busy for any number of schedules over any window: split into calls Graph accepts (≤20
   * schedules, <62 days), sent through the mailbox gate, joined back.
   * @param ask schedules (same-tenant emails), window and interval in minutes
   * @param maxWaitMs fail rather than wait longer than this for a Graph-imposed pause
   * @returns one availability per schedule, in the order asked
   */
  async getSchedule(ask: ScheduleAsk, maxWaitMs?: number): Promise<ScheduleAvailability[]> {
    const parts = splitScheduleAsk(ask);
    const answers = await Promise.all(
      parts.map(async (part, i) => readSchedule(await this.http.send(this.getScheduleCall(String(i + 1), part), maxWaitMs)))
    );
    return mergeAvailability(answers, ask.schedules);
  }

  /** Sends ≤20 calls as one `$batch` (see GraphHttp.batch). */
  batch(calls: GraphCall[], sequential: boolean): Promise<Map<string, GraphResponse>> {
    return this.http.batch(calls, sequential);
  }
}

function readSchedule(res: GraphResponse): ScheduleAvailability[] {
  const parsed = ScheduleAnswer.safeParse(res.body);
  if (!parsed.success) {
    throw new GraphRetryableError('malformed', 'Graph answered getSchedule with an unreadable body', res.status);
  }
  return parsed.data.value.map((s) => ({
    email: s.scheduleId,
    availabilityView: s.availabilityView ?? '',
    items: (s.scheduleItems ?? []).map((i) => ({ start: fromGraphUtc(i.start), end: fromGraphUtc(i.end), status: (i.status ?? 'busy') as FreeBusyStatus })),
    ...(s.error ? { error: s.error.message ?? s.error.responseCode ?? 'free/busy not available' } : {}),
  }));
}
