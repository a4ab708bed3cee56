import { addCalendarAttendee, removeCalendarAttendee } from '../../domain/calendar/calendar-attendees';
import type { CalendarRuntime } from '../../domain/calendar/calendar-runtime';
import { cancelCalendarEvent } from '../../domain/calendar/cancel-calendar-event';
import {
  calendarTransaction,
  getCalendarEvent,
  listCalendarEvents,
  listCalendarOutbox,
  retryCalendarOutboxItem,
} from '../../domain/calendar/read-calendar';
import { scheduleCalendarEvent } from '../../domain/calendar/schedule-calendar-event';
import { suggestMeetingTimes } from '../../domain/calendar/suggest-meeting-times';
import { updateCalendarEvent } from '../../domain/calendar/update-calendar-event';
import { ServiceUnavailableError } from '../../errors';
import type { ApiContext } from '../context';
import { parseWith, route, sendJson, type AppRequest } from '../http';
import { callerOf, requireRole } from '../middleware/auth';
import { presentCalendarEvent, presentOutboxItem, presentSuggestions } from './presenter';
import {
  AttendeeBody,
  CancelEventBody,
  CreateEventBody,
  EventsQuery,
  idParam,
  OutboxQuery,
  queryOf,
  SuggestionsInput,
  UpdateEventBody,
} from './schema';

/**
 * Calendar routes, all for the business unit: events in partner calendars (schedule, change,
 * cancel, invite, un-invite, read with attendees' answers), the outbox admin view with retry, and
 * meeting-time suggestions from free/busy.
 * @param ctx the API context
 * @param calendar the running calendar side (worker, Graph client)
 */
export function registerCalendarRoutes(ctx: ApiContext, calendar: CalendarRuntime): void {
  const bu = [ctx.auth, requireRole('business_unit')] as const;
  const { server, db, log } = ctx;
  const eventId = (req: AppRequest) => idParam(req.params?.id, 'calendar event');
  const present = async (res: Parameters<typeof sendJson>[0], status: number, id: number) => {
    calendar.worker?.wake();
    sendJson(res, status, presentCalendarEvent(await getCalendarEvent(db, id)));
  };

  server.get('/api/calendar/events', route(log, ...bu, async (req, res) => {
    const q = parseWith(EventsQuery, queryOf(req.url), 'query');
    sendJson(res, 200, { items: (await listCalendarEvents(db, q)).map(presentCalendarEvent) });
  }));
  server.get('/api/calendar/events/:id', route(log, ...bu, async (req, res) => {
    sendJson(res, 200, presentCalendarEvent(await getCalendarEvent(db, eventId(req))));
  }));
  server.post('/api/calendar/events', route(log, ...bu, async (req, res) => {
    const body = parseWith(CreateEventBody, req.body, 'calendar event');
    const actorId = callerOf(req).id;
    const event = await calendarTransaction(db, (em) => scheduleCalendarEvent(em, { ...body, actorId }));
    await present(res, 201, event.id);
  }));
  server.patch('/api/calendar/events/:id', route(log, ...bu, async (req, res) => {
    const id = eventId(req);
    const body = parseWith(UpdateEventBody, req.body, 'change');
    await calendarTransaction(db, (em) => updateCalendarEvent(em, id, { ...body, actorId: callerOf(req).id }));
    await present(res, 200, id);
  }));
  server.post('/api/calendar/events/:id/cancel', route(log, ...bu, async (req, res) => {
    const id = eventId(req);
    const { message } = parseWith(CancelEventBody, req.body, 'cancellation');
    await calendarTransaction(db, (em) => cancelCalendarEvent(em, id, message, callerOf(req).id));
    await present(res, 200, id);
  }));
  server.post('/api/calendar/events/:id/attendees', route(log, ...bu, async (req, res) => {
    const id = eventId(req);
    const attendee = parseWith(AttendeeBody, req.body, 'attendee');
    await calendarTransaction(db, (em) => addCalendarAttendee(em, id, attendee, callerOf(req).id));
    await present(res, 200, id);
  }));
  server.del('/api/calendar/events/:id/attendees/:email', route(log, ...bu, async (req, res) => {
    const id = eventId(req);
    const email = String(req.params?.email ?? '').slice(0, 320);
    await calendarTransaction(db, (em) => removeCalendarAttendee(em, id, email, callerOf(req).id));
    await present(res, 200, id);
  }));

  server.get('/api/calendar/outbox', route(log, ...bu, async (req, res) => {
    const q = parseWith(OutboxQuery, queryOf(req.url), 'query');
    const { rows, counts } = await listCalendarOutbox(db, q.status, q.limit);
    sendJson(res, 200, { items: rows.map(presentOutboxItem), counts });
  }));
  server.post('/api/calendar/outbox/:id/retry', route(log, ...bu, async (req, res) => {
    await retryCalendarOutboxItem(db, idParam(req.params?.id, 'outbox item'), callerOf(req).id);
    calendar.worker?.wake();
    sendJson(res, 202, { status: 'pending' });
  }));

  const suggest = async (input: unknown, res: Parameters<typeof sendJson>[0]) => {
    const q = parseWith(SuggestionsInput, input, 'request');
    if (!calendar.suggestions) {
      throw new ServiceUnavailableError('Microsoft Graph is not configured, so free/busy cannot be read');
    }
    sendJson(res, 200, presentSuggestions(await suggestMeetingTimes(calendar.suggestions, q)));
  };
  server.get('/api/calendar/suggestions', route(log, ...bu, async (req, res) => suggest(queryOf(req.url), res)));
  server.post('/api/calendar/suggestions', route(log, ...bu, async (req, res) => suggest(req.body, res)));
}
