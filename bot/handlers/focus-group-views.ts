import type { Caller } from '../../src/domain/caller';
import type { SessionView } from '../../src/domain/focus-groups/types';
import type { FocusGroupSignupView } from '../cards/focus-group-signup';
import { FOCUS_GROUP_VERBS, type FocusGroupItemView, type FocusGroupsView } from '../cards/focus-groups';

/** @returns a UTC instant as the board's local time, e.g. "Tue 3 Mar 2026, 10:00" */
export function formatWhen(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')}`;
}

/** @returns a duration in words, e.g. "1 hour 30 minutes" */
export function formatLength(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 0 ? '' : `${h} hour${h === 1 ? '' : 's'}`;
  const mins = m === 0 ? '' : `${m} minute${m === 1 ? '' : 's'}`;
  return [hours, mins].filter(Boolean).join(' ');
}

/** @returns the seats line, e.g. "4 of 10" or "Full (2 waiting)" */
export function formatSeats(s: Pick<SessionView, 'seatsLeft' | 'capacity' | 'waitlistLength'>): string {
  return s.seatsLeft > 0 ? `${s.seatsLeft} of ${s.capacity}` : `Full (${s.waitlistLength} waiting)`;
}

function formatMine(s: SessionView): string {
  if (s.myStatus === 'confirmed') {
    return 'Confirmed';
  }
  if (s.myStatus === 'waitlisted') {
    return `Waiting list, number ${s.myPosition ?? '?'}`;
  }
  return 'Not signed up';
}

function actionsFor(s: SessionView): FocusGroupItemView['actions'] {
  const data = { focusGroupId: s.id };
  if (s.myStatus === 'confirmed' || s.myStatus === 'waitlisted') {
    const title = s.myStatus === 'confirmed' ? 'Cancel my place' : 'Leave the waiting list';
    return s.past ? [] : [{ title, verb: FOCUS_GROUP_VERBS.cancel, data }];
  }
  if (s.status !== 'open' || s.past || !s.eligible) {
    return [];
  }
  return [{ title: s.seatsLeft > 0 ? 'Sign up' : 'Join waiting list', verb: FOCUS_GROUP_VERBS.form, data }];
}

/** @returns the session's title line: audit title and theme */
export function sessionTitle(s: Pick<SessionView, 'auditTitle' | 'theme' | 'online'>): string {
  return `${s.auditTitle} (${s.theme})${s.online ? ', online' : ''}`;
}

/**
 * @returns the list card's view of these sessions for one user
 * @param sessions the sessions as that user sees them
 * @param options the user's Teams id, the board's time zone and a message to show
 */
export function toListView(
  sessions: SessionView[],
  options: { userMri: string | null; timeZone: string; success?: string; problem?: string; heading?: string }
): FocusGroupsView {
  return {
    userMri: options.userMri,
    heading: options.heading ?? 'Audit focus groups you can join',
    success: options.success,
    problem: options.problem,
    timeZoneNote: `Times are ${options.timeZone === 'Europe/London' ? 'UK' : options.timeZone} time.`,
    sessions: sessions.map((s) => ({
      id: s.id,
      title: sessionTitle(s),
      when: formatWhen(s.startsAt, options.timeZone),
      length: formatLength(s.durationMinutes),
      where: s.location,
      seats: formatSeats(s),
      mine: formatMine(s),
      actions: actionsFor(s),
    })),
  };
}

/** @returns the sign-up form's view, prefilled from the caller's profile or their last answers */
export function toFormView(
  s: SessionView,
  caller: Caller,
  options: {
    timeZone: string;
    requestId: string;
    agencies: { code: string; name: string }[];
    answers?: { role?: string; agency?: string; accessNeeds?: string };
    notice?: string;
  }
): FocusGroupSignupView {
  return {
    focusGroupId: s.id,
    requestId: options.requestId,
    title: sessionTitle(s),
    when: formatWhen(s.startsAt, options.timeZone),
    length: formatLength(s.durationMinutes),
    where: s.location,
    seats: formatSeats(s),
    waitlist: s.seatsLeft === 0,
    role: options.answers?.role ?? '',
    agency: options.answers?.agency ?? caller.agency?.code ?? '',
    accessNeeds: options.answers?.accessNeeds ?? '',
    agencies: options.agencies,
    notice: options.notice,
  };
}
