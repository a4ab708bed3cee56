import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
} from 'botbuilder';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Request, Response } from 'restify';

import { loadConfig } from '../src/config/env';
import { startApp, type RunningApp } from '../src/index';
import { load, round, type BenchResult, type LoadFigures } from './lib';
import { startBenchConnector } from './stand-ins';

let seq = 0;

/** A personal-chat message activity aimed at the benchmark connector. */
export function benchActivity(serviceUrl: string, user: string, extra: Partial<Activity> = {}): Activity {
  seq++;
  return {
    type: 'message',
    id: `bench-${seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${user}`, name: 'Bench User', aadObjectId: user },
    conversation: { id: `a:bench-${user}`, conversationType: 'personal', isGroup: false, name: '' },
    recipient: { id: '28:bench-bot', name: 'Safeguarding Learning' },
    text: 'hello',
    channelData: { tenant: { id: '00000000-0000-4000-8000-000000000de0' } },
    ...extra,
  } as Activity;
}

/**
 * Mounts `POST /bench/echo` on the app's own restify server: a bare botbuilder echo bot (anonymous
 * CloudAdapter + ActivityHandler), the baseline a real turn is compared with in the same run.
 */
export function mountEchoBot(app: RunningApp): string {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (ctx, next) => {
    await ctx.sendActivity(`echo: ${ctx.activity.text}`);
    await next();
  });
  app.server.post('/bench/echo', async (req: Request, res: Response) => {
    await adapter.process(req, res, (ctx) => bot.run(ctx));
  });
  return `${app.url}/bench/echo`;
}

/** Loads a bot endpoint with message activities from `connections` different conversations. */
export async function loadBot(url: string, make: (i: number) => Activity, connections: number, seconds: number): Promise<LoadFigures> {
  let i = 0;
  return load({
    url,
    connections,
    seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    makeBody: () => JSON.stringify(make(i++ % connections)),
  });
}

type Json = Record<string, unknown>;

/** Finds the `Action.Submit` titled `title` anywhere in a card and returns its data merged with inputs. */
function press(card: unknown, title: string, inputs: Json = {}): Json {
  const stack: unknown[] = [card];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node && typeof node === 'object') {
      const o = node as Json;
      if (o.type === 'Action.Submit' && o.title === title) {
        return { ...(o.data as Json), ...inputs };
      }
      stack.push(...Object.values(o));
    }
  }
  throw new Error(`no "${title}" button on the card`);
}

/** The card of the last reply in a conversation. */
function lastCard(last: Json | undefined): unknown {
  const attachments = (last?.attachments ?? []) as { content?: unknown }[];
  if (!attachments[0]) {
    throw new Error(`expected a card, got: ${JSON.stringify(last)?.slice(0, 300)}`);
  }
  return attachments[0].content;
}

/**
 * Walks one practitioner through `notify a case` to "check your answers" over HTTP, then clones
 * that draft for `count` conversations so each benchmark request is a real final submit.
 * @returns the submit activity for conversation i
 */
export async function prepareNotifySubmits(
  app: RunningApp,
  connector: { url: string; last: (c: string) => Json | undefined },
  count: number
): Promise<(i: number) => Activity> {
  const user = 'bench-notifier-0';
  const conversation = `a:bench-${user}`;
  const post = async (a: Activity) => {
    const res = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
    if (res.status !== 200) {
      throw new Error(`bot answered ${res.status}`);
    }
    return connector.last(conversation);
  };
  const submit = (value: Json) => post(benchActivity(connector.url, user, { text: undefined, value }));
  let reply = await post(benchActivity(connector.url, user, { text: 'notify a case' }));
  reply = await submit(press(lastCard(reply), 'Next', { incidentDate: '2026-11-02', awareDate: '2026-11-03', subjectAgeYears: '9', summary: 'Admitted to hospital with injuries.' }));
  reply = await submit(press(lastCard(reply), 'Next', { abuseOrNeglect: 'yes', died: 'no', seriousHarm: 'yes', concernsAboutWorkingTogether: 'yes' }));
  reply = await submit(press(lastCard(reply), 'Next', { agencies: 'POLICE,LA-CSC' }));
  reply = await submit(press(lastCard(reply), 'Check your answers', { learningPotential: 'yes', reviewPeriodMonths: '6' }));
  const send = press(lastCard(reply), 'Send notification');
  await app.db.transaction(async (em) => {
    for (let i = 1; i <= count; i++) {
      await em.query(
        `INSERT INTO notification_drafts (aad_object_id, conversation_id, draft_key, step, answers_json, status, notification_reference, version, created_at, updated_at)
         SELECT ?, ?, ?, step, answers_json, status, notification_reference, version, created_at, updated_at FROM notification_drafts WHERE draft_key = ?`,
        [`bench-notifier-${i}`, `a:bench-bench-notifier-${i}`, `bench-draft-${i}`, send.draftKey]
      );
    }
  });
  return (i: number) =>
    benchActivity(connector.url, `bench-notifier-${i + 1}`, { text: undefined, value: { ...send, draftKey: `bench-draft-${i + 1}` } });
}

/**
 * `bot.notify_submit`: final case-notification submits (validate + write the notification + reply
 * with the confirmation card to a loopback connector) at 50 concurrent conversations, against a
 * bare botbuilder echo bot on the same restify server in the same run.
 */
export async function runBotBench(opts: { quick: boolean }): Promise<BenchResult[]> {
  const connector = await startBenchConnector({ keepLast: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-bench-bot-'));
  const app = await startApp(loadConfig({ PORT: '0', HOST: '127.0.0.1', DB_PATH: path.join(dir, 'db.sqlite'), LOG_LEVEL: 'silent' }));
  const connections = 50;
  const seconds = opts.quick ? 3 : 8;
  const rounds = opts.quick ? 1 : 2;
  try {
    const echoUrl = mountEchoBot(app);
    await loadBot(echoUrl, (i) => benchActivity(connector.url, `echo-${i}`), connections, 1);
    const drafts = opts.quick ? 6000 : 16000;
    const make = await prepareNotifySubmits(app, connector, drafts);
    let used = 0;
    const notifyLoad = (secs: number) =>
      load({
        url: `${app.url}/api/messages`,
        connections,
        seconds: secs,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        makeBody: () => JSON.stringify(make(Math.min(used++, drafts - 1))),
      });
    // warm the submit path as the echo bot was warmed above, so neither p99 holds a cold start
    await notifyLoad(1);
    const echoRuns: LoadFigures[] = [];
    const notifyRuns: LoadFigures[] = [];
    for (let r = 0; r < rounds; r++) {
      echoRuns.push(await loadBot(echoUrl, (i) => benchActivity(connector.url, `echo-${i}`), connections, seconds));
      notifyRuns.push(await notifyLoad(seconds));
    }
    const [row] = (await app.db.query("SELECT COUNT(*) AS n FROM notifications")) as { n: number }[];
    const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / xs.length, 1);
    const echoRps = mean(echoRuns.map((e) => e.rps));
    const notifyRps = mean(notifyRuns.map((e) => e.rps));
    const p = (k: 'p50' | 'p95' | 'p99', runs: LoadFigures[]) => round(Math.max(...runs.map((x) => x[k])));
    return [
      {
        name: 'bot.notify_submit',
        figure: notifyRps,
        unit: 'req/s',
        baseline: echoRps,
        ratio: round(notifyRps / echoRps),
        p50: p('p50', notifyRuns),
        p95: p('p95', notifyRuns),
        p99: p('p99', notifyRuns),
        baseline_p99: p('p99', echoRuns),
        p99_ratio: round(p('p99', notifyRuns) / p('p99', echoRuns)),
        connections,
        notifications_created: row.n,
        drafts_exhausted: used >= drafts,
        non2xx: notifyRuns.reduce((a, b) => a + b.non2xx, 0),
      },
    ];
  } finally {
    await app.stop();
    await connector.close();
  }
}
