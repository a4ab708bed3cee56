import type { CalendarEvent } from '../../data/entities/calendar-event.entity';
import type { EventDraft } from '../../graph/types';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** @returns text safe to put in HTML */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** @returns when the event takes place, in its own time zone, e.g. `Tuesday 1 December 2026, 10:00–11:30 (Europe/London)` */
export function describeWhen(event: Pick<CalendarEvent, 'startUtc' | 'endUtc' | 'timeZone'>): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: event.timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: event.timeZone, hour: '2-digit', minute: '2-digit' });
  return `${day.format(event.startUtc)}, ${time.format(event.startUtc)}–${time.format(event.endUtc)} (${event.timeZone})`;
}

/**
 * The invitation body: when, the agenda (plain text, escaped, line breaks kept) and a link back
 * to the app.
 * @param event the app's record
 * @param link where "Open in Safeguarding Learning" points
 * @returns HTML
 */
export function invitationHtml(event: CalendarEvent, link: string): string {
  const agenda = event.agenda?.trim()
    ? `<h3>Agenda</h3><p>${escapeHtml(event.agenda.trim()).replace(/\r?\n/g, '<br>')}</p>`
    : '';
  return (
    `<p>${escapeHtml(describeWhen(event))}</p>` +
    agenda +
    `<p><a href="${escapeHtml(link)}">Open in Safeguarding Learning</a></p>`
  );
}

/**
 * @param event the app's record
 * @param link the link back to the app
 * @returns what Outlook should show for it
 */
export function eventDraft(event: CalendarEvent, link: string): EventDraft {
  return {
    subject: event.subject,
    bodyHtml: invitationHtml(event, link),
    start: event.startUtc,
    end: event.endUtc,
    location: event.location,
    attendees: event.attendees.map((a) => ({ email: a.email, ...(a.name ? { name: a.name } : {}), type: a.type })),
  };
}
