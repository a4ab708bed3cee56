import { Agency } from './agency.entity';
import { AuditEntry } from './audit-entry.entity';
import { ConversationRef } from './conversation-ref.entity';
import { Person } from './person.entity';

export { Agency, AuditEntry, ConversationRef, Person };

/** Every entity the DataSource knows. A new entity is added here. */
export const entities = [Agency, Person, ConversationRef, AuditEntry];
