import { Foundation1764140000000 } from './1764140000000-foundation';
import { ThemedAudits1795676599284 } from './1795676599284-themed-audits';
import { ActionPlans1795676600300 } from './1795676600300-action-plans';
import { Notifications1795676706039 } from './1795676706039-notifications';
import { CalendarOutbox1795676940507 } from './1795676940507-calendar-outbox';
import { Reminders1795677145375 } from './1795677145375-reminders';
import { Reviews1795678193670 } from './1795678193670-reviews';

/** Every migration, oldest first. A new migration is added here and nowhere else. */
export const migrations = [Foundation1764140000000, ThemedAudits1795676599284, ActionPlans1795676600300, Notifications1795676706039,
  CalendarOutbox1795676940507, Reminders1795677145375, Reviews1795678193670];
