import { randomBytes, randomUUID } from 'node:crypto';

import type { AttendeeResponse, BusyPeriod, FreeBusyStatus, GraphDateTime } from '../types';

/** An attendee as the stand-in keeps it. */
export type StoredAttendee = { email: string; name?: string; type: string; response: AttendeeResponse; time: string };

/** An event in the stand-in's memory. */
export type StoredEvent = {
  id: string;
  mailbox: string;
  transactionId?: string;
  subject: string;
  body: { contentType: string; content: string };
  start: GraphDateTime;
  end: GraphDateTime;
  location: string;
  attendees: StoredAttendee[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  joinUrl: string | null;
  isCancelled: boolean;
  cancelComment?: string;
  created: string;
  modified: string;
  changeKey: string;
};

type Body = Record<string, unknown>;
const NEVER = '0001-01-01T00:00:00Z';
const STATUS_CODE: Record<FreeBusyStatus, string> = { free: '0', tentative: '1', busy: '2', oof: '3', workingElsewhere: '4', unknown: '0' };
const PRIORITY: FreeBusyStatus[] = ['oof', 'busy', 'tentative', 'workingElsewhere'];

/** @returns a Graph dateTimeTimeZone as an instant (the stand-in reads every zone as UTC) */
export function instant(value: GraphDateTime): Date {
  return new Date(`${value.dateTime.replace(/Z$/, '').slice(0, 23)}Z`);
}

function utc(at: Date): GraphDateTime {
  return { dateTime: `${at.toISOString().slice(0, 19)}.0000000`, timeZone: 'UTC' };
}

function attendeesOf(value: unknown, previous: StoredAttendee[] = []): StoredAttendee[] {
  const list = Array.isArray(value) ? (value as Body[]) : [];
  return list.map((a) => {
    const address = String((a.emailAddress as Body | undefined)?.address ?? '');
    const name = (a.emailAddress as Body | undefined)?.name;
    const old = previous.find((p) => p.email.toLowerCase() === address.toLowerCase());
    return {
      email: address,
      ...(typeof name === 'string' ? { name } : {}),
      type: typeof a.type === 'string' ? a.type : 'required',
      response: old?.response ?? 'none',
      time: old?.time ?? NEVER,
    };
  });
}

/** Events by mailbox, `transactionId` de-duplication, and free/busy, all in memory. */
export class CalendarStore {
  readonly events = new Map<string, StoredEvent>();
  private readonly byTransaction = new Map<string, string>();
  private readonly busy = new Map<string, BusyPeriod[]>();
  /** creates per transactionId, counting repeats (tests: "never two events") */
  readonly createsByTransaction = new Map<string, number>();

  /**
   * Creates an event, or returns the one already created with the same `transactionId` (as Graph does).
   * @param withTeams asked only for a new online meeting: whether Graph adds the Teams link this time
   * @returns the event and whether it already existed
   */
  create(mailbox: string, body: Body, withTeams: () => boolean): { event: StoredEvent; existed: boolean } {
    const tx = typeof body.transactionId === 'string' ? body.transactionId : undefined;
    if (tx) {
      this.createsByTransaction.set(tx, (this.createsByTransaction.get(tx) ?? 0) + 1);
      const known = this.byTransaction.get(`${mailbox}|${tx}`);
      if (known) {
        return { event: this.events.get(known) as StoredEvent, existed: true };
      }
    }
    const now = new Date().toISOString();
    const id = `AAMkLocal${randomBytes(12).toString('base64url')}=`;
    const online = body.isOnlineMeeting === true && withTeams();
    const event: StoredEvent = {
      id,
      mailbox,
      transactionId: tx,
      subject: String(body.subject ?? ''),
      body: (body.body as StoredEvent['body'] | undefined) ?? { contentType: 'html', content: '' },
      start: body.start as GraphDateTime,
      end: body.end as GraphDateTime,
      location: String((body.location as Body | undefined)?.displayName ?? ''),
      attendees: attendeesOf(body.attendees),
      isOnlineMeeting: online,
      onlineMeetingProvider: online ? String(body.onlineMeetingProvider ?? 'teamsForBusiness') : 'unknown',
      joinUrl: online ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomUUID()}%40thread.v2/0` : null,
      isCancelled: false,
      created: now,
      modified: now,
      changeKey: randomBytes(8).toString('base64'),
    };
    this.events.set(id, event);
    if (tx) {
      this.byTransaction.set(`${mailbox}|${tx}`, id);
    }
    return { event, existed: false };
  }

  /** @returns the event in that mailbox, if any */
  get(mailbox: string, id: string): StoredEvent | undefined {
    const e = this.events.get(id);
    return e && e.mailbox.toLowerCase() === mailbox.toLowerCase() ? e : undefined;
  }

  /** Applies a PATCH body to an event. */
  update(event: StoredEvent, body: Body): void {
    if (typeof body.subject === 'string') event.subject = body.subject;
    if (body.body) event.body = body.body as StoredEvent['body'];
    if (body.start) event.start = body.start as GraphDateTime;
    if (body.end) event.end = body.end as GraphDateTime;
    if (body.location) event.location = String((body.location as Body).displayName ?? '');
    if (body.attendees) event.attendees = attendeesOf(body.attendees, event.attendees);
    event.modified = new Date().toISOString();
    event.changeKey = randomBytes(8).toString('base64');
  }

  /** Records an attendee's answer (tests and the dev control API). @returns whether the attendee was found */
  respond(eventId: string, email: string, response: AttendeeResponse): boolean {
    const a = this.events.get(eventId)?.attendees.find((x) => x.email.toLowerCase() === email.toLowerCase());
    if (a) {
      a.response = response;
      a.time = new Date().toISOString();
    }
    return Boolean(a);
  }

  /** Sets someone's busy periods (besides the events they are invited to). */
  setBusy(email: string, periods: BusyPeriod[]): void {
    this.busy.set(email.toLowerCase(), periods);
  }

  /** @returns Graph's scheduleInformation for one mailbox over a window */
  schedule(email: string, start: Date, end: Date, intervalMinutes: number): Body {
    const periods = [...(this.busy.get(email.toLowerCase()) ?? []), ...this.eventPeriods(email)].filter(
      (p) => p.start < end && p.end > start
    );
    let view = '';
    for (let t = start.getTime(); t < end.getTime(); t += intervalMinutes * 60_000) {
      const slotEnd = t + intervalMinutes * 60_000;
      const here = periods.filter((p) => p.start.getTime() < slotEnd && p.end.getTime() > t).map((p) => p.status);
      view += STATUS_CODE[PRIORITY.find((s) => here.includes(s)) ?? 'free'];
    }
    return {
      scheduleId: email,
      availabilityView: view,
      scheduleItems: periods.map((p) => ({ isPrivate: false, status: p.status, start: utc(p.start), end: utc(p.end) })),
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '09:00:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: { name: 'GMT Standard Time' },
      },
    };
  }

  private eventPeriods(email: string): BusyPeriod[] {
    const who = email.toLowerCase();
    return [...this.events.values()]
      .filter((e) => !e.isCancelled)
      .flatMap((e) => {
        const a = e.attendees.find((x) => x.email.toLowerCase() === who);
        if (e.mailbox.toLowerCase() !== who && (!a || a.response === 'declined')) {
          return [];
        }
        const status: FreeBusyStatus = a && a.response !== 'accepted' ? 'tentative' : 'busy';
        return [{ start: instant(e.start), end: instant(e.end), status }];
      });
  }

  /** @returns the event as Graph shows it, optionally only the `$select`ed properties */
  toJson(e: StoredEvent, select?: string[]): Body {
    const full: Body = {
      '@odata.etag': `W/"${e.changeKey}"`,
      id: e.id,
      createdDateTime: e.created,
      lastModifiedDateTime: e.modified,
      changeKey: e.changeKey,
      subject: e.subject,
      body: e.body,
      start: { ...e.start, dateTime: instant(e.start).toISOString().slice(0, 19) + '.0000000', timeZone: 'UTC' },
      end: { ...e.end, dateTime: instant(e.end).toISOString().slice(0, 19) + '.0000000', timeZone: 'UTC' },
      location: { displayName: e.location, locationType: 'default' },
      attendees: e.attendees.map((a) => ({
        type: a.type,
        status: { response: a.response, time: a.time },
        emailAddress: { address: a.email, ...(a.name ? { name: a.name } : {}) },
      })),
      organizer: { emailAddress: { address: e.mailbox, name: 'Safeguarding board' } },
      isOrganizer: true,
      isCancelled: e.isCancelled,
      isOnlineMeeting: e.isOnlineMeeting,
      onlineMeetingProvider: e.onlineMeetingProvider,
      onlineMeeting: e.joinUrl ? { joinUrl: e.joinUrl } : null,
      responseRequested: true,
      transactionId: e.transactionId ?? null,
      type: 'singleInstance',
      showAs: 'busy',
      iCalUId: `040000008200E00074C5B7101A82E008${e.id.length}`,
    };
    if (!select?.length) {
      return full;
    }
    return Object.fromEntries(Object.entries(full).filter(([k]) => k === 'id' || k === '@odata.etag' || select.includes(k)));
  }
}
