import { randomBytes } from 'node:crypto';

import type { DataSource } from 'typeorm';

import type { Config } from '../../config/env';
import type { CalendarEvent } from '../../data/entities/calendar-event.entity';
import { GraphCalendarClient } from '../../graph/calendar';
import { GraphHttp } from '../../graph/graph-http';
import type { LocalGraphServer } from '../../graph/local-graph-server';
import { MailboxGate } from '../../graph/mailbox-gate';
import { ClientCredentialsTokenProvider, graphScopeFor } from '../../graph/token-provider';
import type { Logger } from '../../logging/logger';
import { AttendeeResponseReader } from './attendee-responses';
import { processFocusGroupIntents } from './focus-group-invitations';
import { CalendarOutboxWorker } from './outbox-worker';
import type { SuggestionDeps } from './suggest-meeting-times';
import { DEFAULT_BANK_HOLIDAYS_FILE, loadEnglandBankHolidays } from './working-days';

/** The calendar side of a running app. Everything but `stop` is null when Graph is not set up. */
export type CalendarRuntime = {
  calendar: GraphCalendarClient | null;
  worker: CalendarOutboxWorker | null;
  responses: AttendeeResponseReader | null;
  /** the local Graph stand-in (dev mode without Graph credentials) */
  standIn: LocalGraphServer | null;
  /** what `suggestMeetingTimes` needs, or null without Graph */
  suggestions: SuggestionDeps | null;
  /** stops the worker and the reader, then the stand-in */
  stop: () => Promise<void>;
};

/** What starting the calendar side needs. */
export type CalendarRuntimeOptions = {
  config: Config;
  db: DataSource;
  log: Logger;
  /** the app's own base URL (known once listening), for links in invitations */
  appUrl: () => string;
};

/** @returns the link back to the app for an event: its own link, a Teams deep link, or the tab URL */
export function appLinkFor(config: Config, appUrl: () => string): (event: CalendarEvent) => string {
  return (event) => {
    if (event.linkUrl) {
      return event.linkUrl;
    }
    if (config.teamsAppId) {
      const context = encodeURIComponent(JSON.stringify({ subEntityId: `calendar-event-${event.id}` }));
      return `https://teams.microsoft.com/l/entity/${encodeURIComponent(config.teamsAppId)}/tracker?context=${context}`;
    }
    const base = config.publicHostname ? `https://${config.publicHostname}` : appUrl();
    return `${base}/tabs/`;
  };
}

/**
 * Starts the calendar side: with Graph credentials, the Graph client, the outbox worker and the
 * attendee-response reader; in dev mode without them, the same against a local Graph stand-in
 * it starts on 127.0.0.1 (logged with its URL); otherwise nothing (changes wait in the outbox).
 * @param o configuration, database, logger, app URL
 * @returns the runtime
 */
export async function startCalendarRuntime(o: CalendarRuntimeOptions): Promise<CalendarRuntime> {
  const c = o.config.calendar;
  let standIn: LocalGraphServer | null = null;
  let graph = c.graph;
  if (!graph && c.localStandIn) {
    // Loaded only here (require, not import(): it must work under every TypeScript loader): the
    // stand-in needs Ajv, a development dependency.
    const { startLocalGraphServer } = require('../../graph/local-graph-server') as typeof import('../../graph/local-graph-server');
    const secret = randomBytes(16).toString('hex');
    standIn = await startLocalGraphServer({ tenantDomains: c.standIn.tenantDomains, clientSecret: secret, log: o.log.child('local-graph') });
    graph = {
      tenantId: 'local-tenant',
      clientId: 'local-client',
      clientSecret: secret,
      baseUrl: standIn.baseUrl,
      tokenUrl: standIn.tokenUrl(),
      organiserMailbox: c.standIn.organiserMailbox,
      tenantDomains: c.standIn.tenantDomains,
      maxConcurrency: c.maxConcurrency,
      requestTimeoutMs: c.requestTimeoutMs,
      outboxPollMs: c.outboxPollMs,
      responsesPollMinutes: c.responsesPollMinutes,
    };
    o.log.info('local Graph stand-in started: calendar changes go to it, not to Microsoft Graph', {
      url: standIn.url,
      controlApi: `${standIn.url}/_control/stats`,
      organiser: graph.organiserMailbox,
    });
  }
  if (!graph) {
    o.log.warn('Microsoft Graph is not configured (GRAPH_TENANT_ID/GRAPH_CLIENT_ID/GRAPH_CLIENT_SECRET): calendar changes wait in the outbox');
    return { calendar: null, worker: null, responses: null, standIn: null, suggestions: null, stop: async () => undefined };
  }
  const log = o.log.child('graph');
  const gate = new MailboxGate(graph.maxConcurrency);
  const auth = new ClientCredentialsTokenProvider({
    tokenUrl: graph.tokenUrl,
    clientId: graph.clientId,
    clientSecret: graph.clientSecret,
    scope: graphScopeFor(graph.baseUrl),
    timeoutMs: graph.requestTimeoutMs,
  });
  const http = new GraphHttp({ baseUrl: graph.baseUrl, auth, gate, timeoutMs: graph.requestTimeoutMs, log });
  const calendar = new GraphCalendarClient(http, graph.organiserMailbox);
  const worker = new CalendarOutboxWorker({
    db: o.db,
    calendar,
    gate,
    log: o.log.child('calendar-outbox'),
    link: appLinkFor(o.config, o.appUrl),
    maxConcurrency: graph.maxConcurrency,
    pollMs: graph.outboxPollMs,
    requestTimeoutMs: graph.requestTimeoutMs,
    feed: () => processFocusGroupIntents(o.db, o.log.child('calendar-intents')),
  });
  const responses = new AttendeeResponseReader({ db: o.db, calendar, log: o.log.child('calendar-responses'), intervalMs: graph.responsesPollMinutes * 60_000 });
  worker.start();
  responses.start();
  const holidays = loadEnglandBankHolidays(o.config.bankHolidaysFile ?? DEFAULT_BANK_HOLIDAYS_FILE);
  const suggestions: SuggestionDeps = { calendar, tenantDomains: graph.tenantDomains, timeZone: o.config.boardTimeZone, workingHours: c.workingHours, holidays };
  const stop = async () => {
    const stopping = Promise.all([worker.stop(), responses.stop()]);
    gate.close(); // requests still waiting for a place give up; their items wait in the outbox
    await stopping;
    await standIn?.close();
  };
  return { calendar, worker, responses, standIn, suggestions, stop };
}
