import { MessageFactory } from 'botbuilder';

import type { EventBus } from '../../src/domain/events';
import { loadNotification, type NotificationDeps, type NotificationRecord } from '../../src/domain/notifications';
import type { Logger } from '../../src/logging/logger';
import { buildNotificationUpdateCard } from '../cards/notification-update';
import { cardAttachment } from '../cards/template';
import type { ProactiveSender } from '../proactive';
import { clockLines } from './format';
import { triageCard } from './triage';

/** What the after-commit messages need. */
export type NotificationMessageDeps = {
  events: EventBus;
  proactive: ProactiveSender;
  notifications: NotificationDeps;
  /** the business unit's channel (BUSINESS_UNIT_CONVERSATION_ID), if configured */
  businessUnitConversationId?: string;
  log: Logger;
};

/**
 * Subscribes the chat messages that follow a notification's changes: a triage card to the business
 * unit's channel when one is created, and an update to the notifier for each decision.
 */
export function sendNotificationMessages(deps: NotificationMessageDeps): void {
  const { events, proactive, notifications, log } = deps;

  events.on('notification.created', async ({ reference }) => {
    const channel = deps.businessUnitConversationId;
    if (!channel) {
      log.warn('no triage card sent: BUSINESS_UNIT_CONVERSATION_ID is not set', { reference });
      return;
    }
    const record = await loadNotification(notifications, reference);
    if (!record) {
      return;
    }
    const card = await triageCard(notifications, record, null);
    const result = await proactive.toConversation(channel, MessageFactory.attachment(cardAttachment(card)));
    if (result === 'not_installed') {
      log.warn('no triage card sent: the bot has not been added to the business unit conversation', { reference });
    }
  });

  events.on('notification.decided', async ({ reference }) => {
    const record = await loadNotification(notifications, reference);
    if (!record?.decision) {
      return;
    }
    const card = buildNotificationUpdateCard(updateView(record));
    const result = await proactive.toUser(record.notifierAadId, MessageFactory.attachment(cardAttachment(card)));
    if (result === 'not_installed') {
      log.warn('notifier not told of a decision: no personal chat with the bot', { reference });
    }
  });
}

function updateView(record: NotificationRecord): Parameters<typeof buildNotificationUpdateCard>[0] {
  const d = record.decision;
  const route = d?.route?.label ?? '';
  const decisionClocks = record.clocks.slice(record.recommendation.clocks.length);
  const base = { reference: record.reference, clocks: clockLines(decisionClocks) };
  if (d?.action === 'request_information') {
    return {
      ...base,
      outcome: 'The business unit needs more information about this notification.',
      reasonTitle: 'What they need',
      reason: d.reason ?? '',
      nextStep: `Please send it to the business unit, quoting ${record.reference}. Do not type names in this chat.`,
    };
  }
  if (d?.action === 'change') {
    return {
      ...base,
      outcome: `The business unit chose another route: ${route}.`,
      reasonTitle: 'Their reason',
      reason: d.reason ?? '',
      nextStep: 'The business unit will be in touch about what happens next.',
    };
  }
  return {
    ...base,
    outcome: `The business unit accepted the recommended route: ${route}.`,
    reasonTitle: '',
    reason: '',
    nextStep: 'The business unit will be in touch about what happens next.',
  };
}
