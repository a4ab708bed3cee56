/** Graph's date-time with a time zone (`microsoft.graph.dateTimeTimeZone`). */
export type GraphDateTime = { dateTime: string; timeZone: string };

/** How an attendee answered (`microsoft.graph.responseType`). */
export type AttendeeResponse = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

/** Someone to invite. */
export type EventAttendeeInput = { email: string; name?: string; type: 'required' | 'optional' };

/** What the app wants an event in the organiser's calendar to be. Times are instants (UTC). */
export type EventDraft = {
  subject: string;
  /** HTML body: agenda and a link back to the app */
  bodyHtml: string;
  start: Date;
  end: Date;
  location?: string | null;
  attendees: EventAttendeeInput[];
};

/** What creating an event gave back. */
export type CreatedEvent = {
  id: string;
  /** the Teams meeting link; null when Graph left the online meeting out */
  joinUrl: string | null;
  isOnlineMeeting: boolean;
};

/** One attendee's answer as Graph reports it. */
export type AttendeeStatus = {
  email: string;
  name?: string;
  type: string;
  response: AttendeeResponse;
  /** when they answered (ISO), null when they have not */
  respondedAt: string | null;
};

/** An event as read back from Graph. */
export type EventSnapshot = {
  id: string;
  isCancelled: boolean;
  joinUrl: string | null;
  attendees: AttendeeStatus[];
};

/** Free/busy status of a schedule item (`microsoft.graph.freeBusyStatus`). */
export type FreeBusyStatus = 'unknown' | 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere';

/** One busy (or tentative…) period of a schedule, in UTC. */
export type BusyPeriod = { start: Date; end: Date; status: FreeBusyStatus };

/** Free/busy for one schedule over the asked window. */
export type ScheduleAvailability = {
  email: string;
  items: BusyPeriod[];
  /** Graph's `availabilityView` over the whole window, one digit per interval */
  availabilityView: string;
  /** set when Graph could not read this schedule (e.g. unknown mailbox) */
  error?: string;
};
