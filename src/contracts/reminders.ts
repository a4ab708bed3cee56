/** What a reminder is about; each kind has its own lead times. */
export type ReminderKind =
  | 'panel_meeting'
  | 'info_report_due'
  | 'focus_group'
  | 'learning_event'
  | 'action_target'
  | 'statutory_clock';

/** Where a reminder is in its life. */
export type ReminderStatus = 'pending' | 'sending' | 'sent' | 'cancelled' | 'undeliverable' | 'failed';

/** What a reminder's card shows: references, titles, deadlines and links only, never personal details. */
export type ReminderPayloadDto = {
  reference: string;
  title: string;
  /** one line saying why now, e.g. "Panel meeting in 7 days" */
  headline: string;
  /** `YYYY-MM-DD` date or ISO instant the reminder is about */
  deadline?: string;
  link?: string;
  papersLink?: string;
};

/** `GET /api/reminders` item. */
export type ReminderDto = {
  id: number;
  kind: ReminderKind;
  status: ReminderStatus;
  recipient:
    | { type: 'user'; aadObjectId: string; name: string | null }
    | { type: 'conversation'; conversationId: string };
  subject: { type: string; id: string };
  dueAt: string;
  attempts: number;
  nextAttemptAt: string | null;
  sentAt: string | null;
  lastError: string | null;
  payload: ReminderPayloadDto;
};

/** How to make undeliverable reminders deliverable. */
export type InstallHelpDto = { summary: string; steps: string[]; appLink: string | null };

/** `GET /api/reminders`. */
export type ReminderListDto = {
  items: ReminderDto[];
  /** rows with this status, of which `items` holds the first `limit` by due time */
  total: number;
  installHelp: InstallHelpDto;
};
