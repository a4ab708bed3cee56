import type { InstallHelpDto, ReminderDto, ReminderKind, ReminderPayloadDto, ReminderStatus } from '../../contracts/reminders';
import type { ListedReminder } from '../../domain/reminders/list-reminders';

/** Presents a stored reminder for the business unit. */
export function presentReminder({ row, recipientName }: ListedReminder): ReminderDto {
  return {
    id: row.id,
    kind: row.kind as ReminderKind,
    status: row.status as ReminderStatus,
    recipient: row.recipientAad
      ? { type: 'user', aadObjectId: row.recipientAad, name: recipientName }
      : { type: 'conversation', conversationId: row.recipientConversationId ?? '' },
    subject: { type: row.subjectType, id: row.subjectId },
    dueAt: row.dueAt.toISOString(),
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
    lastError: row.lastError,
    payload: row.payload as ReminderPayloadDto,
  };
}

/**
 * How to make reminders deliverable: the bot can only message people who have the app, and
 * channels it has been added to.
 * @param teamsAppId the app's Teams id, for a deep link, when configured
 */
export function installHelp(teamsAppId: string | undefined): InstallHelpDto {
  const appLink = teamsAppId ? `https://teams.microsoft.com/l/app/${encodeURIComponent(teamsAppId)}` : null;
  return {
    summary:
      "Safeguarding Learning can't message these people or channels in Teams yet, so their reminders were not delivered.",
    steps: [
      `Ask the person to open Teams, select Apps, search for "Safeguarding Learning" and select Add${appLink ? ' (or open the app link)' : ''}; saying hello to the bot once is enough.`,
      'Or ask your Teams administrator to install the app for them with an app setup policy (Teams admin centre > Teams apps > Setup policies > Installed apps).',
      "For a channel, add the app to that team and post one message mentioning the bot in the channel.",
      'Then send the reminder again with POST /api/reminders/{id}/retry.',
    ],
    appLink,
  };
}
