import assert from 'node:assert/strict';

import { executeInvoke, loadActivity, personalMessage } from '../helpers/activities';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector';
import { hostileObject, hostileValue, mutate, prng } from '../helpers/fuzz';
import { startTestServer, type TestServer } from '../helpers/start-server';

const ROUNDS = 400;

describe('fuzz: hostile activities at the bot endpoint', function () {
  this.timeout(300_000);
  let server: TestServer;
  let connector: FakeConnector;
  let tried = 0;

  before(async () => {
    connector = await startFakeConnector();
    server = await startTestServer({ LOG_LEVEL: 'warn' });
  });
  after(async () => {
    await server.stop();
    await connector.close();
    process.stdout.write(`      (fuzz-bot: ${tried} activities tried)\n`);
  });

  /** Keeps replies on the loopback stand-in whatever the mutation did to serviceUrl. */
  function pinServiceUrl(a: unknown): unknown {
    if (a && typeof a === 'object' && !Array.isArray(a)) {
      const o = a as Record<string, unknown>;
      // a non-URL string stays (the endpoint must reject it); anything else goes to the stand-in
      if (!(typeof o.serviceUrl === 'string' && !/^https?:/i.test(o.serviceUrl))) {
        o.serviceUrl = connector.url;
      }
    }
    return a;
  }

  it('should never answer 5xx or crash for mutated messages, card submits and invokes', async () => {
    const rand = prng(20261126);
    const { submits, executes } = server.bot.bot.verbs;
    const verbs = [...submits, ...executes, 'unknown-verb', ''];
    const problems: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const user = `fuzz-${i % 7}`;
      const kind = i % 5;
      let activity: unknown;
      if (kind === 0) {
        activity = personalMessage({ serviceUrl: connector.url, userId: user, text: String(hostileValue(rand) ?? '') });
      } else if (kind === 1) {
        const verb = verbs[Math.floor(rand() * verbs.length)];
        activity = personalMessage({ serviceUrl: connector.url, userId: user, value: { verb, ...hostileObject(rand) } });
      } else if (kind === 2) {
        const verb = verbs[Math.floor(rand() * verbs.length)];
        activity = executeInvoke({ serviceUrl: connector.url, userId: user, verb, data: hostileObject(rand) });
      } else if (kind === 3) {
        const a = executeInvoke({ serviceUrl: connector.url, userId: user, verb: 'x' });
        a.name = ['composeExtension/query', 'task/fetch', 'signin/verifyState', 'nonsense', ''][i % 5];
        a.value = hostileValue(rand);
        activity = a;
      } else {
        activity = mutate(rand, loadActivity(['message-personal.json', 'message-channel-mention.json', 'conversation-update-bot-added-to-team.json', 'installation-update-add.json', 'message-card-submit-value.json'][i % 5]));
      }
      const res = await server.request('POST', '/api/messages', { body: pinServiceUrl(activity) });
      tried++;
      if (res.status >= 500) {
        problems.push(`#${i} kind ${kind} ⇒ ${res.status} ${res.text.slice(0, 200)}`);
      }
    }
    assert.deepEqual(problems.slice(0, 10), []);
    assert.equal((await server.request('GET', '/healthz')).status, 200);
  });
});
