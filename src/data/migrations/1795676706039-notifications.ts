import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

import { columnTypes } from './column-types';

/** Case notifications, the chat flow's drafts, and per-year reference counters. */
export class Notifications1795676706039 implements MigrationInterface {
  name = 'Notifications1795676706039';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'reference_counters',
        columns: [{ ...c.str('scope', 60), isPrimary: true }, c.int('counter')],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          c.id(),
          { ...c.str('reference', 20), isUnique: true },
          c.str('notifier_aad_id', 100),
          c.int('notifier_agency_id', true),
          c.text('answers_json'),
          c.str('model', 20),
          c.text('recommendation_json'),
          c.str('recommended_route', 40),
          c.str('status', 30),
          c.str('decision_action', 30, true),
          c.str('decided_route', 40, true),
          c.text('decision_reason', true),
          c.str('decided_by', 100, true),
          c.time('decided_at', true),
          c.text('decision_clocks_json', true),
          { ...c.str('idempotency_key', 200), isUnique: true },
          c.str('source', 10),
          c.int('version'),
          c.time('created_at'),
          c.time('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'IX_notifications_notifier', columnNames: ['notifier_aad_id'] }),
          new TableIndex({ name: 'IX_notifications_status', columnNames: ['status'] }),
        ],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_drafts',
        columns: [
          c.id(),
          c.str('aad_object_id', 100),
          c.str('conversation_id', 400),
          { ...c.str('draft_key', 64), isUnique: true },
          c.str('step', 30),
          c.text('answers_json'),
          c.str('status', 20),
          c.str('notification_reference', 20, true),
          c.int('version'),
          c.time('created_at'),
          c.time('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_notification_drafts_user_conversation',
            columnNames: ['aad_object_id', 'conversation_id'],
            isUnique: true,
          }),
        ],
      })
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notification_drafts');
    await queryRunner.dropTable('notifications');
    await queryRunner.dropTable('reference_counters');
  }
}
