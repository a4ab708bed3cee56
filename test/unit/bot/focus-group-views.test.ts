import assert from 'node:assert/strict';

import { buildFocusGroupsCard } from '../../../bot/cards/focus-groups';
import { formatLength, formatSeats, formatWhen, toListView } from '../../../bot/handlers/focus-group-views';
import type { SessionView } from '../../../src/domain/focus-groups/types';
import { assertSchemaValid, validateAdaptiveCard } from '../../helpers/schemas';

function session(overrides: Partial<SessionView> = {}): SessionView {
  return {
    id: 4,
    auditId: 1,
    auditTitle: 'Neglect audit',
    theme: 'Neglect',
    startsAt: new Date('2026-01-15T14:00:00Z'),
    durationMinutes: 60,
    location: 'Room 2',
    online: false,
    capacity: 10,
    confirmedCount: 10,
    waitlistLength: 3,
    seatsLeft: 0,
    status: 'open',
    past: false,
    eligibility: { agencies: [], roles: [] },
    eligible: true,
    myStatus: null,
    myPosition: null,
    ...overrides,
  };
}

describe('focus-group card views', () => {
  it('should show times in the board\'s zone, in winter (GMT) and summer (BST)', () => {
    assert.equal(formatWhen(new Date('2026-01-15T14:00:00Z'), 'Europe/London'), 'Thu 15 Jan 2026, 14:00');
    assert.equal(formatWhen(new Date('2026-07-15T14:00:00Z'), 'Europe/London'), 'Wed 15 Jul 2026, 15:00');
    assert.equal(formatWhen(new Date('2026-07-15T23:30:00Z'), 'Europe/London'), 'Thu 16 Jul 2026, 00:30');
  });

  it('should put lengths and seats in words', () => {
    assert.equal(formatLength(90), '1 hour 30 minutes');
    assert.equal(formatLength(120), '2 hours');
    assert.equal(formatLength(45), '45 minutes');
    assert.equal(formatSeats({ seatsLeft: 2, capacity: 10, waitlistLength: 0 }), '2 of 10');
    assert.equal(formatSeats({ seatsLeft: 0, capacity: 10, waitlistLength: 3 }), 'Full (3 waiting)');
  });

  it('should offer the button that fits each user\'s state', () => {
    const view = toListView(
      [
        session({ id: 1 }),
        session({ id: 2, seatsLeft: 1 }),
        session({ id: 3, myStatus: 'waitlisted', myPosition: 2 }),
        session({ id: 4, myStatus: 'confirmed' }),
        session({ id: 5, status: 'closed' }),
      ],
      { userMri: '29:x', timeZone: 'Europe/London' }
    );
    assert.deepEqual(
      view.sessions.map((s) => [s.mine, s.actions.map((a) => `${a.title}:${a.verb}`)]),
      [
        ['Not signed up', ['Join waiting list:focusGroup.form']],
        ['Not signed up', ['Sign up:focusGroup.form']],
        ['Waiting list, number 2', ['Leave the waiting list:focusGroup.cancel']],
        ['Confirmed', ['Cancel my place:focusGroup.cancel']],
        ['Not signed up', []],
      ]
    );
  });

  it('should build a valid card with no refresh user when the user\'s Teams id is unknown', () => {
    const card = buildFocusGroupsCard(toListView([session()], { userMri: null, timeZone: 'Europe/London' }));
    assertSchemaValid(validateAdaptiveCard(card), 'list card');
    assert.deepEqual((card.refresh as { userIds: string[] }).userIds, []);
  });
});
