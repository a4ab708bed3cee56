import { type Activity, MessageFactory } from 'botbuilder';

import { DeliveryFailure, type ReminderSender } from '../../src/domain/reminders';
import { buildReminderCard } from '../cards/reminder';
import { cardAttachment } from '../cards/template';
import type { ProactiveSender } from '../proactive';
import { presentReminder } from './present';

/**
 * The reminder worker's sender port: each reminder goes as a new proactive message carrying its
 * card, with the connector client's own retries off so the worker paces and retries every request.
 * @param proactive the bot's proactive sender
 * @param timeZone the board's time zone, for dates on the card
 */
export function createReminderSender(proactive: ProactiveSender, timeZone: string): ReminderSender {
  return async (message, { timeoutMs }) => {
    const toPerson = message.target.type === 'user';
    const card = buildReminderCard(presentReminder({ ...message, toPerson }, timeZone));
    const activity: Partial<Activity> = {
      ...MessageFactory.attachment(cardAttachment(card)),
      summary: message.payload.headline,
    };
    const options = { direct: true, timeoutMs };
    try {
      return message.target.type === 'user'
        ? await proactive.toUser(message.target.aadObjectId, activity, options)
        : await proactive.toConversation(message.target.conversationId, activity, options);
    } catch (err) {
      throw toDeliveryFailure(err);
    }
  };
}

/** What a connector `RestError` (from `@azure/core-rest-pipeline`, via botbuilder) carries. */
type ConnectorError = {
  statusCode?: unknown;
  code?: unknown;
  response?: { status?: unknown; headers?: { get(name: string): string | undefined } };
};

/**
 * Maps a botbuilder connector error to a DeliveryFailure. botframework-connector's client throws
 * `RestError`: `statusCode` is the HTTP status (absent when no answer came, with `code` such as
 * `ECONNREFUSED` or `REQUEST_SEND_ERROR`), and `response.headers.get('retry-after')` the
 * Retry-After header, in seconds or as an HTTP date (`retry-after-ms` and `x-ms-retry-after-ms`
 * are read too).
 * @returns the failure, with the status and Retry-After in milliseconds when present
 */
export function toDeliveryFailure(err: unknown, now = Date.now()): DeliveryFailure {
  const e = (err ?? {}) as ConnectorError;
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.response?.status === 'number' ? e.response.status : undefined;
  const code = typeof e.code === 'string' && /^[A-Za-z_]{1,40}$/.test(e.code) ? e.code : undefined;
  return new DeliveryFailure({ httpStatus: status, retryAfterMs: retryAfterMs(e.response?.headers, now), errorCode: code });
}

function retryAfterMs(headers: { get(name: string): string | undefined } | undefined, now: number): number | undefined {
  if (!headers || typeof headers.get !== 'function') {
    return undefined;
  }
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(headers.get(name));
    if (headers.get(name) !== undefined && Number.isFinite(ms) && ms >= 0) {
      return ms;
    }
  }
  const value = headers.get('retry-after')?.trim();
  if (!value) {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(value)) {
    return Math.round(Number(value) * 1000);
  }
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
