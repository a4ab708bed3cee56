import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
} from 'botbuilder';
import type { Request, Response } from 'restify';

import type { RunningApp } from '../src/index';
import { load, type LoadFigures } from './lib';

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
