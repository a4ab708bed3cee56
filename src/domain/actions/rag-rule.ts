import type { ActionStatus, RagStatus } from '../../contracts/actions';
import { toDayNumber } from '../calendar/iso-date';
import { localDateOf } from '../time/zoned-time';

/** Thresholds of the RAG rule (configuration: RAG_AMBER_WITHIN_DAYS, RAG_STALE_PROGRESS_DAYS). */
export type RagThresholds = {
  /** an action due within this many days (0 = only on the day) may turn amber */
  amberWithinDays: number;
  /** … when its last progress update is older than this many days (or there is none) */
  staleProgressDays: number;
};

/** What the rule reads from an action. Dates are `YYYY-MM-DD` in the board's time zone. */
export type RagInput = {
  targetDate: string;
  revisedTargetDate: string | null;
  /** the date of the last progress update, or null when there has been none */
  lastProgressDate: string | null;
  /** signed off by the business unit or the board */
  signedOff: boolean;
};

/** @returns the date that counts: the revised (agreed) target if there is one, else the target */
export function dueDateOf(input: Pick<RagInput, 'targetDate' | 'revisedTargetDate'>): string {
  return input.revisedTargetDate ?? input.targetDate;
}

/**
 * The board's RAG rule (DOMAIN.md §6, thresholds from configuration):
 * 1. signed off ⇒ `complete`;
 * 2. past the due date (the revised target if agreed, else the target) ⇒ `red`;
 * 3. due within `amberWithinDays` days (today included) and no progress update in the last
 *    `staleProgressDays` days (an update exactly that many days ago still counts) ⇒ `amber`;
 * 4. otherwise ⇒ `green`.
 * @param input the action's dates and sign-off
 * @param today today's date in the board's time zone
 * @param thresholds the configured thresholds
 * @returns the status the rule gives
 */
export function ruleStatus(input: RagInput, today: string, thresholds: RagThresholds): ActionStatus {
  if (input.signedOff) {
    return 'complete';
  }
  const todayN = toDayNumber(today);
  const daysLeft = toDayNumber(dueDateOf(input)) - todayN;
  if (daysLeft < 0) {
    return 'red';
  }
  if (daysLeft <= thresholds.amberWithinDays) {
    const stale =
      input.lastProgressDate === null ||
      todayN - toDayNumber(input.lastProgressDate) > thresholds.staleProgressDays;
    if (stale) {
      return 'amber';
    }
  }
  return 'green';
}

/**
 * The status an action shows: complete once signed off, else a human override, else the rule.
 * @param rule what the rule says
 * @param override the override's status, if any
 * @returns the effective status
 */
export function effectiveStatus(rule: ActionStatus, override: RagStatus | null): ActionStatus {
  if (rule === 'complete') {
    return 'complete';
  }
  return override ?? rule;
}

/** @returns whether an action is past its due date and not complete */
export function isOverdue(dueDate: string, status: ActionStatus, today: string): boolean {
  return status !== 'complete' && dueDate < today;
}

/**
 * @param now an instant
 * @param timeZone an IANA time zone, e.g. `Europe/London`
 * @returns the `YYYY-MM-DD` calendar date of the instant in that zone (UTC if the zone is unknown)
 */
export function dateInZone(now: Date, timeZone: string): string {
  try {
    return localDateOf(now, timeZone);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
