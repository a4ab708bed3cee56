import { type MigrationInterface, type QueryRunner, Table, TableIndex, TableUnique } from 'typeorm';

import { columnTypes } from './column-types';

/** Reminders (claimed with a lease by the worker) and people's snooze/mute choices. */
export class Reminders1795677145375 implements MigrationInterface {
  name = 'Reminders1795677145375';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'reminders',
        columns: [
          c.id(),
          c.str('kind', 40),
          c.str('recipient_aad', 100, true),
          c.str('recipient_conversation_id', 400, true),
          c.str('subject_type', 40),
          c.str('subject_id', 100),
          c.time('due_at'),
          c.text('payload'),
          c.str('dedupe_key', 400),
          c.str('status', 20),
          { ...c.int('attempts'), default: 0 },
          c.time('next_attempt_at'),
          c.str('lease_owner', 100, true),
          c.time('lease_until', true),
          c.time('sent_at', true),
          c.str('last_error', 400, true),
          c.time('created_at'),
        ],
        uniques: [new TableUnique({ name: 'UQ_reminders_dedupe_key', columnNames: ['dedupe_key'] })],
        indices: [
          new TableIndex({ name: 'IX_reminders_claim', columnNames: ['status', 'next_attempt_at'] }),
          new TableIndex({ name: 'IX_reminders_subject', columnNames: ['subject_type', 'subject_id'] }),
          new TableIndex({ name: 'IX_reminders_recipient', columnNames: ['recipient_aad', 'kind'] }),
          new TableIndex({ name: 'IX_reminders_lease', columnNames: ['lease_owner'] }),
        ],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'reminder_preferences',
        columns: [
          c.id(),
          c.str('aad', 100),
          c.str('kind', 40),
          { ...c.bool('muted'), default: 0 },
          c.time('snoozed_until', true),
          c.time('updated_at'),
        ],
        uniques: [new TableUnique({ name: 'UQ_reminder_preferences_aad_kind', columnNames: ['aad', 'kind'] })],
      })
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('reminder_preferences');
    await queryRunner.dropTable('reminders');
  }
}
