import { Action } from './action.entity';
import { ActionHistory } from './action-history.entity';
import { ActionPlan } from './action-plan.entity';
import { Agency } from './agency.entity';
import { AuditCase } from './audit-case.entity';
import { AuditEntry } from './audit-entry.entity';
import { CalendarEvent } from './calendar-event.entity';
import { CalendarIntent } from './calendar-intent.entity';
import { CalendarOutboxItem } from './calendar-outbox-item.entity';
import { ConversationRef } from './conversation-ref.entity';
import { FocusGroupSignup } from './focus-group-signup.entity';
import { FocusGroup } from './focus-group.entity';
import { Notification } from './notification.entity';
import { NotificationDraft } from './notification-draft.entity';
import { Person } from './person.entity';
import { Reminder } from './reminder.entity';
import { ReminderPreference } from './reminder-preference.entity';
import { ThemedAudit } from './themed-audit.entity';
import { Recommendation } from './recommendation.entity';
import { Review } from './review.entity';
import { ReviewInfoReport } from './review-info-report.entity';
import { ReviewMeeting } from './review-meeting.entity';
import { ReviewMilestone } from './review-milestone.entity';
import { ReviewPanelMember } from './review-panel-member.entity';
import { ReferenceCounter } from './reference-counter.entity';

export { Agency, AuditEntry, ConversationRef, Person };
export { Reminder, ReminderPreference };
export { AuditCase, CalendarIntent, FocusGroup, FocusGroupSignup, ThemedAudit };
export { Action, ActionHistory, ActionPlan, Recommendation };
export { Notification, NotificationDraft, ReferenceCounter };
export { CalendarEvent, CalendarOutboxItem };
export { Review, ReviewInfoReport, ReviewMeeting, ReviewMilestone, ReviewPanelMember };

/** Every entity the DataSource knows. A new entity is added here. */
export const entities = [Agency, Person, ConversationRef, AuditEntry, ActionPlan, Recommendation, Action, ActionHistory,
  ThemedAudit, AuditCase, FocusGroup, FocusGroupSignup, CalendarIntent,
  Notification, NotificationDraft, ReferenceCounter,
  Reminder, ReminderPreference, CalendarEvent, CalendarOutboxItem,
  Review, ReviewPanelMember, ReviewInfoReport, ReviewMilestone, ReviewMeeting];
