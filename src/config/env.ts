import { z } from 'zod';

import { REMINDER_ENV, reminderProblems, toReminderConfig, type ReminderConfig } from './reminders';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const csv = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0)
  );

const optionalUrl = z.url().optional();

/** Every environment variable the app reads, with its default. README documents each one. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_HOSTNAME: z.string().min(1).optional(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(256 * 1024),

  DB_TYPE: z.enum(['sqlite', 'mssql']).default('sqlite'),
  DB_PATH: z.string().min(1).default('data/safeguarding.sqlite'),
  DB_URL: z.string().min(1).optional(),
  DB_SEED_SAMPLE_DATA: bool.optional(),
  DB_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),

  MicrosoftAppId: z.string().min(1).optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: z.string().min(1).optional(),
  ToBotFromChannelOpenIdMetadataUrl: optionalUrl,
  ToBotFromEmulatorOpenIdMetadataUrl: optionalUrl,
  ToBotFromChannelTokenIssuer: z.string().min(1).optional(),
  ToChannelFromBotLoginUrl: optionalUrl,
  ToChannelFromBotOAuthScope: z.string().min(1).optional(),
  OAuthUrl: optionalUrl,
  CallerId: z.string().min(1).optional(),
  ValidateAuthority: bool.optional(),

  ENTRA_CLIENT_ID: z.string().min(1).optional(),
  ENTRA_AUDIENCES: csv.optional(),
  ENTRA_ALLOWED_TENANTS: csv.optional(),
  ENTRA_JWKS_URL: z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  ENTRA_ISSUER_TEMPLATES: csv.default([
    'https://login.microsoftonline.com/{tenantid}/v2.0',
    'https://sts.windows.net/{tenantid}/',
  ]),

  BUSINESS_UNIT_CONVERSATION_ID: z.string().min(1).optional(),
  REVIEW_MODEL: z.enum(['2015', 'current']).default('2015'),
  LONG_REVIEW_PERIOD_MONTHS: z.coerce.number().int().min(1).max(240).default(12),
  BANK_HOLIDAYS_FILE: z.string().min(1).optional(),
  BOARD_TIME_ZONE: z.string().min(1).default('Europe/London'),
  ...REMINDER_ENV,
  GRAPH_TENANT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  GRAPH_TOKEN_URL: z.url().optional(),
  GRAPH_ORGANISER_MAILBOX: z.email().optional(),
  GRAPH_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(4).default(4),
  GRAPH_TENANT_DOMAINS: csv.optional(),
  GRAPH_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  GRAPH_OUTBOX_POLL_MS: z.coerce.number().int().min(20).max(600_000).default(1000),
  GRAPH_RESPONSES_POLL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  GRAPH_LOCAL_STANDIN: bool.optional(),
  CALENDAR_WORKING_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM-HH:MM')
    .default('09:00-17:00'),
  RAG_AMBER_WITHIN_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  RAG_STALE_PROGRESS_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  RAG_RECOMPUTE_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
  TEAMS_APP_ID: z.string().min(1).max(100).optional(),
});

/** Raw, validated environment. */
export type Env = z.infer<typeof EnvSchema>;

/** Bot Framework settings, in botbuilder's own variable names. */
export type BotConfig = {
  appId?: string;
  appPassword?: string;
  appType?: string;
  appTenantId?: string;
  /** the ConfigurationBotFrameworkAuthentication settings object, passed through as given */
  authSettings: Record<string, string | boolean | undefined>;
};

/** Entra ID (Teams SSO) token validation settings; absent when not configured. */
export type EntraConfig = {
  clientId: string;
  audiences: string[];
  allowedTenants: string[];
  jwksUrl: string;
  issuerTemplates: string[];
};

/** Microsoft Graph (calendar) settings: app-only credentials and the outbox worker's pacing. */
export type GraphConfig = {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** e.g. `https://graph.microsoft.com/v1.0`; the last path segment is the API version */
  baseUrl: string;
  /** client-credentials token endpoint */
  tokenUrl: string;
  /** the board's organiser mailbox: events are created in its calendar */
  organiserMailbox: string;
  /** most requests in flight to one mailbox (Outlook allows 4) */
  maxConcurrency: number;
  /** email domains whose people are in the organiser's tenant (free/busy is readable) */
  tenantDomains: string[];
  requestTimeoutMs: number;
  outboxPollMs: number;
  responsesPollMinutes: number;
};

/** Calendar settings; `graph` is absent when Graph credentials are not configured. */
export type CalendarConfig = {
  graph?: GraphConfig;
  /** dev mode without credentials: start the local Graph stand-in and send to it */
  localStandIn: boolean;
  /** organiser mailbox and same-tenant domains the stand-in uses */
  standIn: { organiserMailbox: string; tenantDomains: string[] };
  /** pacing for the worker (same meaning as in GraphConfig; used with the stand-in) */
  maxConcurrency: number;
  requestTimeoutMs: number;
  outboxPollMs: number;
  responsesPollMinutes: number;
  /** working hours in the board's time zone, in minutes after midnight */
  workingHours: { startMinute: number; endMinute: number };
};

/** The app's configuration, read once at start-up. */
export type Config = {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  publicHostname?: string;
  maxBodyBytes: number;
  devMode: boolean;
  db: { type: 'sqlite'; path: string; busyTimeoutMs?: number } | { type: 'mssql'; url: string };
  seedSampleData: boolean;
  bot: BotConfig;
  entra?: EntraConfig;
  businessUnitConversationId?: string;
  reviewModel: Env['REVIEW_MODEL'];
  longReviewPeriodMonths: number;
  bankHolidaysFile?: string;
  boardTimeZone: string;
  reminders: ReminderConfig;
  calendar: CalendarConfig;
  /** RAG rule thresholds and how often the rule is re-applied (0 = only at start and on change) */
  rag: { amberWithinDays: number; staleProgressDays: number; recomputeIntervalMinutes: number };
  /** the Teams app id (manifest `id`), for deep links into the tabs; absent in dev mode */
  teamsAppId?: string;
};

/** Raised when the environment is invalid; its message names every bad variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Parses and validates the environment.
 * @param source the variables to read, normally `process.env`
 * @returns the typed configuration
 * @throws ConfigError naming each invalid or missing variable (never its value)
 */
export function loadConfig(source: NodeJS.ProcessEnv): Config {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== '')
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.DB_TYPE === 'mssql' && !e.DB_URL) {
    problems.push('DB_URL: required when DB_TYPE=mssql');
  }
  if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  if (e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: required when MicrosoftAppType=SingleTenant');
  }
  if (e.ENTRA_CLIENT_ID && !e.ENTRA_ALLOWED_TENANTS?.length) {
    problems.push('ENTRA_ALLOWED_TENANTS: required when ENTRA_CLIENT_ID is set');
  }
  problems.push(...reminderProblems(e));
  problems.push(...graphProblems(e));
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return toConfig(e);
}

function toConfig(e: Env): Config {
  const devMode = !e.MicrosoftAppId && !e.ENTRA_CLIENT_ID;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    publicHostname: e.PUBLIC_HOSTNAME,
    maxBodyBytes: e.MAX_BODY_BYTES,
    devMode,
    db:
      e.DB_TYPE === 'mssql'
        ? { type: 'mssql', url: e.DB_URL ?? '' }
        : { type: 'sqlite', path: e.DB_PATH, busyTimeoutMs: e.DB_BUSY_TIMEOUT_MS },
    seedSampleData: e.DB_SEED_SAMPLE_DATA ?? devMode,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      appTenantId: e.MicrosoftAppTenantId,
      authSettings: {
        MicrosoftAppId: e.MicrosoftAppId,
        MicrosoftAppPassword: e.MicrosoftAppPassword,
        MicrosoftAppType: e.MicrosoftAppType,
        MicrosoftAppTenantId: e.MicrosoftAppTenantId,
        ToBotFromChannelOpenIdMetadataUrl: e.ToBotFromChannelOpenIdMetadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: e.ToBotFromEmulatorOpenIdMetadataUrl,
        ToBotFromChannelTokenIssuer: e.ToBotFromChannelTokenIssuer,
        ToChannelFromBotLoginUrl: e.ToChannelFromBotLoginUrl,
        ToChannelFromBotOAuthScope: e.ToChannelFromBotOAuthScope,
        OAuthUrl: e.OAuthUrl,
        CallerId: e.CallerId,
        ValidateAuthority: e.ValidateAuthority,
      },
    },
    entra: e.ENTRA_CLIENT_ID
      ? {
          clientId: e.ENTRA_CLIENT_ID,
          audiences: e.ENTRA_AUDIENCES?.length ? e.ENTRA_AUDIENCES : [e.ENTRA_CLIENT_ID],
          allowedTenants: e.ENTRA_ALLOWED_TENANTS ?? [],
          jwksUrl: e.ENTRA_JWKS_URL,
          issuerTemplates: e.ENTRA_ISSUER_TEMPLATES,
        }
      : undefined,
    businessUnitConversationId: e.BUSINESS_UNIT_CONVERSATION_ID,
    reviewModel: e.REVIEW_MODEL,
    longReviewPeriodMonths: e.LONG_REVIEW_PERIOD_MONTHS,
    bankHolidaysFile: e.BANK_HOLIDAYS_FILE,
    boardTimeZone: e.BOARD_TIME_ZONE,
    reminders: toReminderConfig(e),
    calendar: toCalendarConfig(e, devMode),
    rag: {
      amberWithinDays: e.RAG_AMBER_WITHIN_DAYS,
      staleProgressDays: e.RAG_STALE_PROGRESS_DAYS,
      recomputeIntervalMinutes: e.RAG_RECOMPUTE_INTERVAL_MINUTES,
    },
    teamsAppId: e.TEAMS_APP_ID,
  };
}

const GRAPH_CREDENTIALS = ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET'] as const;

/** @returns whether a URL may carry a secret or token: https, or plain http to this machine only */
function isSafeSecretUrl(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

function graphProblems(e: Env): string[] {
  const problems: string[] = [];
  const given = GRAPH_CREDENTIALS.filter((k) => e[k] !== undefined);
  if (given.length > 0 && given.length < GRAPH_CREDENTIALS.length) {
    const missing = GRAPH_CREDENTIALS.filter((k) => e[k] === undefined);
    problems.push(`${missing.join(', ')}: required with ${given.join(', ')}`);
  }
  if (given.length > 0 && !e.GRAPH_ORGANISER_MAILBOX) {
    problems.push('GRAPH_ORGANISER_MAILBOX: required with Graph credentials');
  }
  for (const key of ['GRAPH_BASE_URL', 'GRAPH_TOKEN_URL'] as const) {
    const url = e[key];
    if (url && !isSafeSecretUrl(url)) {
      problems.push(`${key}: must be https (plain http only to 127.0.0.1 or localhost)`);
    }
  }
  if (e.GRAPH_LOCAL_STANDIN && (e.MicrosoftAppId || e.ENTRA_CLIENT_ID)) {
    problems.push('GRAPH_LOCAL_STANDIN: only allowed in dev mode');
  }
  const [start, end] = e.CALENDAR_WORKING_HOURS.split('-');
  if (minutesOf(end) <= minutesOf(start)) {
    problems.push('CALENDAR_WORKING_HOURS: the end must be after the start');
  }
  return problems;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function toCalendarConfig(e: Env, devMode: boolean): CalendarConfig {
  const [start, end] = e.CALENDAR_WORKING_HOURS.split('-');
  const organiser = e.GRAPH_ORGANISER_MAILBOX ?? 'safeguarding-board@board.example';
  const tenantDomains = e.GRAPH_TENANT_DOMAINS?.map((d) => d.toLowerCase()) ?? [
    organiser.split('@')[1].toLowerCase(),
  ];
  const pacing = {
    maxConcurrency: e.GRAPH_MAX_CONCURRENCY,
    requestTimeoutMs: e.GRAPH_REQUEST_TIMEOUT_MS,
    outboxPollMs: e.GRAPH_OUTBOX_POLL_MS,
    responsesPollMinutes: e.GRAPH_RESPONSES_POLL_MINUTES,
  };
  const { GRAPH_TENANT_ID: tenantId, GRAPH_CLIENT_ID: clientId, GRAPH_CLIENT_SECRET: clientSecret } = e;
  const graph: GraphConfig | undefined =
    tenantId && clientId && clientSecret
      ? {
          tenantId,
          clientId,
          clientSecret,
          baseUrl: e.GRAPH_BASE_URL,
          tokenUrl: (e.GRAPH_TOKEN_URL ?? 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token').replace(
            '{tenant}',
            encodeURIComponent(tenantId)
          ),
          organiserMailbox: organiser,
          tenantDomains,
          ...pacing,
        }
      : undefined;
  return {
    graph,
    localStandIn: !graph && (e.GRAPH_LOCAL_STANDIN ?? devMode),
    standIn: { organiserMailbox: organiser, tenantDomains },
    ...pacing,
    workingHours: { startMinute: minutesOf(start), endMinute: minutesOf(end) },
  };
}
