import assert from 'node:assert/strict';

import type { CalendarEvent } from '../../../../../src/data/entities/calendar-event.entity';
import { eventDraft, invitationHtml } from '../../../../../src/domain/calendar/event-draft';

const event = {
  id: 7,
  subject: 'Panel <b>',
  agenda: 'Item 1 & 2\n<script>x</script>',
  startUtc: new Date('2026-07-01T09:00:00Z'),
  endUtc: new Date('2026-07-01T10:30:00Z'),
  timeZone: 'Europe/London',
  location: 'Room 1',
  attendees: [{ email: 'a@board.example', type: 'required' }],
} as unknown as CalendarEvent;

describe('invitationHtml', () => {
  it('should escape the agenda, keep its lines, show local times and link back to the app', () => {
    const html = invitationHtml(event, 'https://sl.example/tabs/?a=1&b=2');
    assert.match(html, /Item 1 &amp; 2<br>&lt;script&gt;x&lt;\/script&gt;/);
    assert.match(html, /10:00–11:30 \(Europe\/London\)/, 'BST wall-clock times');
    assert.match(html, /<a href="https:\/\/sl\.example\/tabs\/\?a=1&amp;b=2">Open in Safeguarding Learning<\/a>/);
  });

  it('should give Graph the subject as text and the attendees as recorded', () => {
    const d = eventDraft(event, 'https://sl.example/');
    assert.equal(d.subject, 'Panel <b>');
    assert.deepEqual(d.attendees, [{ email: 'a@board.example', type: 'required' }]);
  });
});
