import path from 'node:path';

import type { INetworkModule } from '@azure/msal-node';
import type pino from 'pino';
import type { Server } from 'restify';
import type { DataSource } from 'typeorm';

import { createBot, type BotRuntime } from '../bot';
import { createNotifyFeature, sendNotificationMessages } from '../bot/notify';
import { focusGroupsFeature, tellPromoted } from '../bot/handlers/focus-groups';
import type { BotFeature } from '../bot/feature';
import { createReminderFeature } from '../bot/reminders/feature';
import { createReminderSender } from '../bot/reminders/sender';
import { myActionsFeature } from '../bot/handlers/my-actions';
import { myReviewsFeature } from '../bot/handlers/my-reviews';
import { registerActionRoutes } from './api/actions/routes';
import type { ApiContext } from './api/context';
import { registerAuditRoutes } from './api/audits/routes';
import { registerCalendarRoutes } from './api/calendar/routes';
import { registerDevRoutes } from './api/dev/routes';
import { registerFocusGroupRoutes } from './api/focus-groups/routes';
import { registerHealthRoutes } from './api/health/routes';
import { route } from './api/http';
import { registerMeRoutes } from './api/me/routes';
import { registerReminderRoutes } from './api/reminders/routes';
import { registerNotificationRoutes } from './api/notifications/routes';
import { registerPlanRoutes } from './api/plans/routes';
import { registerReviewRoutes } from './api/reviews/routes';
import { authenticate } from './api/middleware/auth';
import { createHttpServer, serveTabs } from './api/server';
import { DevTokenIssuer } from './auth/dev-token-issuer';
import { entraIssuer, TokenVerifier, type TrustedIssuer } from './auth/token-verifier';
import { ConfigError, loadConfig, type Config } from './config/env';
import { openDatabase } from './data/data-source';
import { seedSampleData } from './data/seed/sample-data';
import { startCalendarRuntime, type CalendarRuntime } from './domain/calendar/calendar-runtime';
import { loadEnglandBankHolidays } from './domain/calendar/working-days';
import { startRagWorker } from './domain/actions/rag-worker';
import type { TrackerDeps } from './domain/actions/tracker-deps';
import { trackerLink } from './domain/actions/tracker-link';
import { ConversationService } from './domain/conversation-service';
import { AuditService } from './domain/audits/audit-service';
import { EventBus } from './domain/events';
import { FocusGroupService } from './domain/focus-groups/service';
import { IdentityService } from './domain/identity-service';
import { applyReminderCardAction, ReminderWorker } from './domain/reminders';
import type { NotificationDeps } from './domain/notifications';
import { reviewDecisionHook, reviewsLink, syncReviewReminders, type ReviewDeps } from './domain/reviews';
import { createLogger, type Logger } from './logging/logger';

/** Test and tooling hooks; production passes none. */
export type AppOverrides = {
  /** where log lines go (tests capture them) */
  logDestination?: pino.DestinationStream;
  /** MSAL network module for the bot's outgoing token */
  msalNetworkClient?: INetworkModule;
};

/** A started app. */
export type RunningApp = {
  config: Config;
  events: EventBus;
  server: Server;
  db: DataSource;
  log: Logger;
  bot: BotRuntime;
  /** base URL the server listens on, e.g. `http://127.0.0.1:3978` */
  url: string;
  /** stops taking requests, lets in-flight ones finish, closes the database */
  stop: () => Promise<void>;
  /** calendar outbox worker, Graph client and (dev mode) the local Graph stand-in */
  calendar: CalendarRuntime;
};

/**
 * Starts the whole app: database (migrated, seeded in dev mode), REST API, bot endpoint, tabs.
 * @param config validated configuration
 * @param overrides test hooks
 * @returns the running app
 */
export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const log = createLogger(config.logLevel, overrides.logDestination);
  const db = await openDatabase(config.db);
  if (config.seedSampleData && (await seedSampleData(db))) {
    log.info('sample data seeded');
  }
  const identity = new IdentityService(db);
  const conversations = new ConversationService(db);
  const events = new EventBus(log.child('events'));
  const devIssuer = config.devMode ? await DevTokenIssuer.create() : null;
  const issuers: TrustedIssuer[] = [];
  if (config.entra) {
    issuers.push(entraIssuer(config.entra));
  }
  if (devIssuer) {
    issuers.push(devIssuer.trustedIssuer());
  }
  const verifier = new TokenVerifier(issuers);
  const server = createHttpServer({ maxBodyBytes: config.maxBodyBytes, log: log.child('http') });
  const ctx: ApiContext = {
    server,
    config,
    db,
    log: log.child('api'),
    identity,
    auth: authenticate(verifier, identity),
  };
  registerHealthRoutes(ctx);
  registerMeRoutes(ctx);
  registerDevRoutes(ctx, devIssuer);
  registerReminderRoutes(ctx, config.teamsAppId);
  const notifications: NotificationDeps = {
    db,
    events,
    routing: {
      model: config.reviewModel,
      longReviewPeriodMonths: config.longReviewPeriodMonths,
      holidays: loadEnglandBankHolidays(config.bankHolidaysFile),
      timeZone: config.boardTimeZone,
    },
  };
  registerNotificationRoutes(ctx, notifications);
  const clock = () => new Date();
  const focusGroups = new FocusGroupService({ db, events, now: clock });
  registerFocusGroupRoutes(ctx, focusGroups);
  registerAuditRoutes(ctx, new AuditService(db, clock), clock);
  const tracker: TrackerDeps = { db, rag: config.rag, timeZone: config.boardTimeZone, now: () => new Date(), events };
  registerActionRoutes(ctx, tracker);
  registerPlanRoutes(ctx, tracker);
  const calendar = await startCalendarRuntime({ config, db, log: log.child('calendar'), appUrl: () => url });
  registerCalendarRoutes(ctx, calendar);
  const reviews: ReviewDeps = {
    db,
    model: config.reviewModel,
    holidays: notifications.routing.holidays,
    timeZone: config.boardTimeZone,
    now: clock,
    tracker,
    wakeCalendar: () => calendar.worker?.wake(),
    suggestions: () => calendar.suggestions,
    reviewLink: (id) => reviewsLink({ ...config, serverUrl: url }, id),
    reminders: syncReviewReminders({
      schedule: { timeZone: config.boardTimeZone, ...config.reminders.schedule },
      holidays: notifications.routing.holidays,
      businessUnitConversationId: config.businessUnitConversationId,
      now: clock,
    }),
  };
  notifications.onDecided = reviewDecisionHook(reviews);
  registerReviewRoutes(ctx, reviews);

  const features: BotFeature[] = [];
  const reminderClock = { timeZone: config.boardTimeZone, localTime: config.reminders.schedule.localTime };
  features.push(
    createReminderFeature({
      act: (input) => applyReminderCardAction(db, reminderClock, input),
      timeZone: config.boardTimeZone,
    })
  );
  features.push(createNotifyFeature(notifications));
  features.push(focusGroupsFeature({ focusGroups, timeZone: config.boardTimeZone }));
  const trackerUrl = () => trackerLink({ ...config, serverUrl: url });
  features.push(myActionsFeature({ tracker, trackerUrl, log: log.child('my-actions') }));
  features.push(myReviewsFeature({ reviews, reviewsUrl: () => reviewsLink({ ...config, serverUrl: url }) }));
  const bot = createBot({
    config: config.bot,
    log: log.child('bot'),
    conversations,
    resolveCaller: (id, name) => identity.resolve(id, name),
    features,
    msalNetworkClient: overrides.msalNetworkClient,
  });
  server.post('/api/messages', route(ctx.log, async (req, res) => bot.handle(req, res)));
  sendNotificationMessages({
    events,
    proactive: bot.proactive,
    notifications,
    businessUnitConversationId: config.businessUnitConversationId,
    log: log.child('notifications'),
  });
  const promotionDeps = { focusGroups, timeZone: config.boardTimeZone, proactive: bot.proactive, conversations };
  events.on('focus_group.promoted', (e) =>
    tellPromoted({ ...promotionDeps, log: log.child('focus-groups'), resolveCaller: (id, n) => identity.resolve(id, n) }, e)
  );
  serveTabs(server, path.resolve(__dirname, '..', 'tabs', 'dist'), log);

  await new Promise<void>((resolve) => server.listen(config.port, config.host, () => resolve()));
  const address = server.address();
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${address.port}`;
  if (config.devMode) {
    log.warn('DEV MODE: no bot credentials and no Entra ID settings; sample users and /dev/token are enabled. Never run like this in production.', { url });
  }
  if (!config.entra && !config.devMode) {
    log.warn('Entra ID settings are missing: every REST API request will be refused with 401');
  }
  log.info('server started', { url, database: config.db.type, reviewModel: config.reviewModel });
  const reminderWorker = config.reminders.workerEnabled
    ? new ReminderWorker({
        db,
        log: log.child('reminders'),
        send: createReminderSender(bot.proactive, config.boardTimeZone),
        settings: config.reminders.worker,
      })
    : null;
  reminderWorker?.start();
  const ragWorker = startRagWorker(tracker, config.rag.recomputeIntervalMinutes * 60_000, log.child('rag'));

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeIdleConnections();
      });
      await reminderWorker?.stop();
      await ragWorker.stop();
      await calendar.stop();
      await events.drain();
      await db.destroy();
      log.info('server stopped');
    })();
    return stopping;
  };
  return { config, events, server, db, log, bot, url, stop, calendar };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const app = await startApp(config);
  const shutdown = (signal: string) => {
    app.log.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`Start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
