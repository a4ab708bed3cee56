import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

import { columnTypes } from './column-types';

/** Calendar events (the app's record of each Outlook event) and the outbox of Graph changes. */
export class CalendarOutbox1795676940507 implements MigrationInterface {
  name = 'CalendarOutbox1795676940507';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'calendar_events',
        columns: [
          c.id(),
          c.str('kind', 20),
          c.str('source_id', 100),
          c.str('subject', 255),
          c.text('agenda', true),
          c.str('link_url', 1000, true),
          c.time('start_utc'),
          c.time('end_utc'),
          c.str('time_zone', 64),
          c.str('location', 255, true),
          c.text('attendees_json'),
          c.str('graph_event_id', 512, true),
          c.str('join_url', 2000, true),
          { ...c.bool('missing_join_url'), default: 0 },
          c.str('status', 20),
          c.text('cancel_message', true),
          c.text('attendee_responses_json', true),
          c.time('responses_checked_at', true),
          c.str('created_by', 100),
          c.time('created_at'),
          c.time('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'IX_calendar_events_source', columnNames: ['kind', 'source_id'] }),
          new TableIndex({ name: 'IX_calendar_events_status', columnNames: ['status', 'end_utc'] }),
        ],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'calendar_outbox',
        columns: [
          c.id(),
          c.int('calendar_event_id'),
          c.str('operation', 20),
          c.text('payload_json'),
          c.str('transaction_id', 36),
          c.str('status', 12),
          { ...c.int('attempts'), default: 0 },
          c.time('next_attempt_at'),
          c.str('lease_owner', 100, true),
          c.time('lease_until', true),
          c.str('last_error', 1000, true),
          c.time('created_at'),
          c.time('sent_at', true),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_calendar_outbox_event',
            columnNames: ['calendar_event_id'],
            referencedTableName: 'calendar_events',
            referencedColumnNames: ['id'],
          }),
        ],
        indices: [
          new TableIndex({ name: 'IX_calendar_outbox_due', columnNames: ['status', 'next_attempt_at'] }),
          new TableIndex({ name: 'IX_calendar_outbox_event', columnNames: ['calendar_event_id', 'id'] }),
          new TableIndex({ name: 'IX_calendar_outbox_tx', columnNames: ['transaction_id'] }),
        ],
      })
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_outbox');
    await queryRunner.dropTable('calendar_events');
  }
}
