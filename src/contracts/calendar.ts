/** What a calendar event is for. */
export type CalendarEventKindDto = 'panel' | 'focus_group' | 'learning_event';

/** An invited person and their answer as last read from Outlook. */
export type CalendarAttendeeDto = {
  email: string;
  name: string | null;
  type: 'required' | 'optional';
  /** `none`, `accepted`, `tentativelyAccepted`, `declined`, `notResponded` (null before the first read) */
  response: string | null;
  respondedAt: string | null;
};

/** Where the event's changes are on their way to Outlook. */
export type CalendarSyncDto = {
  /** changes still waiting to be sent */
  pending: number;
  /** changes that failed for good (see the outbox admin view) */
  failed: number;
};

/** `GET /api/calendar/events/:id` and list items. */
export type CalendarEventDto = {
  id: number;
  kind: CalendarEventKindDto;
  sourceId: string;
  subject: string;
  agenda: string | null;
  link: string | null;
  /** ISO instants (UTC) */
  start: string;
  end: string;
  timeZone: string;
  location: string | null;
  attendees: CalendarAttendeeDto[];
  /** `pending` (not yet in Outlook), `scheduled`, `cancelled` */
  status: string;
  joinUrl: string | null;
  /** Graph created the event but without its Teams meeting link */
  missingTeamsLink: boolean;
  responsesCheckedAt: string | null;
  sync: CalendarSyncDto;
};

/** `GET /api/calendar/events`. */
export type CalendarEventListDto = { items: CalendarEventDto[] };

/** An outbox item for the admin view (no attendee details). */
export type CalendarOutboxItemDto = {
  id: number;
  calendarEventId: number;
  operation: 'create' | 'update' | 'cancel' | 'add_attendee' | 'remove_attendee';
  status: 'pending' | 'in_flight' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  /** Graph's error message for failed items */
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  event: { kind: string; sourceId: string; subject: string; start: string } | null;
};

/** `GET /api/calendar/outbox`. */
export type CalendarOutboxListDto = { items: CalendarOutboxItemDto[]; counts: Record<'pending' | 'in_flight' | 'sent' | 'failed', number> };

/** One suggested time. */
export type MeetingSlotDto = {
  start: string;
  end: string;
  /** local date and time in the board's zone, e.g. `2026-12-01 09:30` */
  startLocal: string;
  free: string[];
  tentative: string[];
  busy: string[];
  /** attendees whose availability is unknown (other organisations) */
  unknown: string[];
};

/** `GET/POST /api/calendar/suggestions`. */
export type MeetingSuggestionsDto = {
  timeZone: string;
  workingHours: { start: string; end: string };
  slots: MeetingSlotDto[];
  attendees: { email: string; availability: 'known' | 'unknown'; reason: string | null }[];
};
