import type { ClockStatusDto, RouteOptionDto } from '../../src/contracts/notification';
import type { ClockLine } from '../cards/notify-sent';

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** @returns a `YYYY-MM-DD` date as e.g. `3 Dec 2026` */
export function formatDay(isoDate: string): string {
  return DAY.format(new Date(`${isoDate}T00:00:00Z`));
}

/** @returns how far off a clock is, e.g. `5 working days left`, `due today`, `2 working days overdue` */
export function daysLeftText(clock: Pick<ClockStatusDto, 'workingDaysLeft' | 'overdue' | 'met'>): string {
  if (clock.met) {
    return 'done';
  }
  const n = clock.workingDaysLeft;
  const days = (k: number) => `${k} working day${k === 1 ? '' : 's'}`;
  if (clock.overdue) {
    return n < 0 ? `${days(-n)} overdue` : 'overdue';
  }
  return n === 0 ? 'due today' : `${days(n)} left`;
}

/** @returns clocks as card lines: name, and due date with the working days left */
export function clockLines(clocks: ClockStatusDto[]): ClockLine[] {
  return clocks.map((c) => ({ label: c.label, due: `${formatDay(c.due)} (${daysLeftText(c)})` }));
}

/** @returns route names joined for a card, or '' */
export function routeNames(routes: RouteOptionDto[]): string {
  return routes.map((r) => r.label).join(', ');
}
