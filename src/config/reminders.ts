import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** `7,1` → [7, 1]: whole days, 0–365. */
const dayList = (fallback: string) =>
  z
    .string()
    .regex(/^\s*\d{1,3}\s*(,\s*\d{1,3}\s*)*$/, 'expected whole numbers separated by commas, e.g. 7,1')
    .default(fallback)
    .transform((v) => [...new Set(v.split(',').map((s) => Number(s.trim())))])
    .refine((days) => days.every((d) => d <= 365), 'each number must be 365 or less');

/** `7/1s,60/30s` → [{limit 7, windowMs 1000}, {limit 60, windowMs 30000}]. */
const rateList = (fallback: string) =>
  z
    .string()
    .regex(
      /^\s*\d+\/\d+(\.\d+)?s\s*(,\s*\d+\/\d+(\.\d+)?s\s*)*$/,
      'expected COUNT/SECONDSs pairs separated by commas, e.g. 7/1s,60/30s'
    )
    .default(fallback)
    .transform((v) =>
      v.split(',').map((pair) => {
        const [count, seconds] = pair.trim().replace(/s$/, '').split('/');
        return { limit: Number(count), windowMs: Math.round(Number(seconds) * 1000) };
      })
    )
    .refine((ws) => ws.every((w) => w.limit >= 1 && w.windowMs >= 1), 'counts and windows must be positive');

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** The reminder variables, merged into the app's environment schema. README documents each one. */
export const REMINDER_ENV = {
  REMINDER_WORKER: bool.optional(),
  REMINDER_LOCAL_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
    .default('09:00'),
  REMINDER_PANEL_LEAD_DAYS: dayList('7,1'),
  REMINDER_INFO_REPORT_LEAD_DAYS: dayList('7,1,0'),
  REMINDER_EVENT_LEAD_DAYS: dayList('1'),
  REMINDER_ACTION_LEAD_DAYS: dayList('7,0'),
  REMINDER_ACTION_OVERDUE_EVERY_DAYS: int(1, 365, 7),
  REMINDER_ACTION_OVERDUE_COUNT: int(0, 104, 12),
  REMINDER_CLOCK_WARN_WORKING_DAYS: dayList('2'),
  REMINDER_POLL_MS: int(10, 600_000, 1000),
  REMINDER_BATCH_SIZE: int(1, 1000, 50),
  REMINDER_LEASE_MS: int(1000, 3_600_000, 60_000),
  REMINDER_SEND_TIMEOUT_MS: int(100, 600_000, 15_000),
  REMINDER_MAX_IN_FLIGHT: int(1, 200, 8),
  REMINDER_MAX_ATTEMPTS: int(1, 100, 10),
  REMINDER_RETRY_BASE_MS: int(10, 3_600_000, 2000),
  REMINDER_RETRY_MAX_MS: int(10, 86_400_000, 600_000),
  REMINDER_LIMIT_PER_CONVERSATION: rateList('7/1s,60/30s'),
  REMINDER_LIMIT_PER_TENANT: rateList('30/1s'),
  REMINDER_LIMIT_MARGIN_MS: int(0, 10_000, 0),
};

type ReminderEnv = z.infer<z.ZodObject<typeof REMINDER_ENV>>;

/** A sliding-window rate limit. */
export type RateWindowConfig = { limit: number; windowMs: number };

/** Reminder schedule and worker settings. */
export type ReminderConfig = {
  /** run the sending worker in this process */
  workerEnabled: boolean;
  schedule: {
    localTime: { hour: number; minute: number };
    panelLeadDays: number[];
    infoReportLeadDays: number[];
    eventLeadDays: number[];
    actionLeadDays: number[];
    actionOverdueEveryDays: number;
    actionOverdueCount: number;
    clockWarnWorkingDays: number[];
  };
  worker: {
    pollMs: number;
    batchSize: number;
    leaseMs: number;
    sendTimeoutMs: number;
    maxInFlight: number;
    retry: { baseMs: number; maxMs: number; maxAttempts: number };
    limits: { perConversation: RateWindowConfig[]; perTenant: RateWindowConfig[]; marginMs: number };
  };
};

/** @returns problems with the reminder variables that one variable alone can't show */
export function reminderProblems(e: ReminderEnv & { BOARD_TIME_ZONE: string }): string[] {
  const problems: string[] = [];
  if (e.REMINDER_LEASE_MS < 2 * e.REMINDER_SEND_TIMEOUT_MS) {
    problems.push('REMINDER_LEASE_MS: must be at least twice REMINDER_SEND_TIMEOUT_MS');
  }
  if (e.REMINDER_RETRY_MAX_MS < e.REMINDER_RETRY_BASE_MS) {
    problems.push('REMINDER_RETRY_MAX_MS: must not be less than REMINDER_RETRY_BASE_MS');
  }
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: e.BOARD_TIME_ZONE });
  } catch {
    problems.push('BOARD_TIME_ZONE: not a time zone this runtime knows (use an IANA name such as Europe/London)');
  }
  return problems;
}

/** @returns the typed reminder settings */
export function toReminderConfig(e: ReminderEnv): ReminderConfig {
  const [hour, minute] = e.REMINDER_LOCAL_TIME.split(':').map(Number);
  return {
    workerEnabled: e.REMINDER_WORKER ?? true,
    schedule: {
      localTime: { hour, minute },
      panelLeadDays: e.REMINDER_PANEL_LEAD_DAYS,
      infoReportLeadDays: e.REMINDER_INFO_REPORT_LEAD_DAYS,
      eventLeadDays: e.REMINDER_EVENT_LEAD_DAYS,
      actionLeadDays: e.REMINDER_ACTION_LEAD_DAYS,
      actionOverdueEveryDays: e.REMINDER_ACTION_OVERDUE_EVERY_DAYS,
      actionOverdueCount: e.REMINDER_ACTION_OVERDUE_COUNT,
      clockWarnWorkingDays: e.REMINDER_CLOCK_WARN_WORKING_DAYS,
    },
    worker: {
      pollMs: e.REMINDER_POLL_MS,
      batchSize: e.REMINDER_BATCH_SIZE,
      leaseMs: e.REMINDER_LEASE_MS,
      sendTimeoutMs: e.REMINDER_SEND_TIMEOUT_MS,
      maxInFlight: e.REMINDER_MAX_IN_FLIGHT,
      retry: { baseMs: e.REMINDER_RETRY_BASE_MS, maxMs: e.REMINDER_RETRY_MAX_MS, maxAttempts: e.REMINDER_MAX_ATTEMPTS },
      limits: {
        perConversation: e.REMINDER_LIMIT_PER_CONVERSATION,
        perTenant: e.REMINDER_LIMIT_PER_TENANT,
        marginMs: e.REMINDER_LIMIT_MARGIN_MS,
      },
    },
  };
}
