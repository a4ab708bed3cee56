import { ExternalServiceError } from '../../errors';
import type { ReminderKind, ReminderPayload } from './types';

/** Where a reminder goes: a person's personal chat with the bot, or a conversation by id. */
export type DeliveryTarget =
  | { type: 'user'; aadObjectId: string }
  | { type: 'conversation'; conversationId: string };

/** One reminder as the sender needs it. */
export type ReminderMessage = {
  id: number;
  kind: ReminderKind;
  payload: ReminderPayload;
  target: DeliveryTarget;
};

/**
 * Sends one reminder as a proactive Teams message (wired to the bot in `src/index.ts`).
 * Resolves `sent` once the connector accepted it and `not_installed` when the bot has no
 * conversation with the recipient.
 * @throws DeliveryFailure when the connector refused it or could not be reached
 */
export type ReminderSender = (
  message: ReminderMessage,
  options: { timeoutMs: number }
) => Promise<'sent' | 'not_installed'>;

/** The connector's answer to a failed send, as far as the retry policy needs it. */
export class DeliveryFailure extends ExternalServiceError {
  /** HTTP status, or undefined when no answer came (refused, reset, timed out) */
  readonly httpStatus?: number;
  /** a short non-personal code, e.g. `ECONNREFUSED` or the connector's error code */
  readonly errorCode?: string;

  constructor(opts: { httpStatus?: number; retryAfterMs?: number; errorCode?: string }) {
    super(`Bot Connector ${opts.httpStatus ? `answered ${opts.httpStatus}` : 'could not be reached'}`, opts.retryAfterMs);
    this.httpStatus = opts.httpStatus;
    this.errorCode = opts.errorCode;
  }
}
