import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

import { columnTypes } from './column-types';

/**
 * Themed audits, their sampled cases and focus-group sessions, sign-ups with a waiting list, and
 * the calendar intents recorded for confirmed seats.
 */
export class ThemedAudits1795676599284 implements MigrationInterface {
  name = 'ThemedAudits1795676599284';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    const stamps = [c.time('created_at'), c.time('updated_at')];
    await queryRunner.createTable(
      new Table({
        name: 'audits',
        columns: [
          c.id(),
          c.str('theme', 100),
          c.str('title', 200),
          c.str('period_start', 10, true),
          c.str('period_end', 10, true),
          c.text('agencies_json'),
          c.text('team_json'),
          c.str('status', 20),
          c.str('created_by', 100),
          ...stamps,
        ],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_cases',
        columns: [
          c.id(),
          c.int('audit_id'),
          c.str('case_ref', 40),
          c.text('grades_json'),
          c.text('what_worked_well', true),
          c.text('notes', true),
          ...stamps,
        ],
        foreignKeys: [fk('audit_id', 'audits')],
        indices: [new TableIndex({ name: 'UQ_audit_cases_ref', columnNames: ['audit_id', 'case_ref'], isUnique: true })],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'focus_groups',
        columns: [
          c.id(),
          c.int('audit_id'),
          c.time('starts_at'),
          c.int('duration_minutes'),
          c.str('location', 200),
          c.bool('online'),
          c.int('capacity'),
          c.text('eligibility_json'),
          c.str('status', 20),
          { ...c.int('confirmed_count'), default: 0 },
          { ...c.int('signup_seq'), default: 0 },
          ...stamps,
        ],
        foreignKeys: [fk('audit_id', 'audits')],
        indices: [
          new TableIndex({ name: 'IX_focus_groups_audit', columnNames: ['audit_id'] }),
          new TableIndex({ name: 'IX_focus_groups_status_starts', columnNames: ['status', 'starts_at'] }),
        ],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'focus_group_signups',
        columns: [
          c.id(),
          c.int('focus_group_id'),
          c.str('person_aad_id', 100),
          c.str('agency', 40, true),
          c.str('role', 100),
          c.text('access_needs', true),
          c.str('status', 20),
          c.int('position', true),
          { ...c.str('idempotency_key', 200), isUnique: true },
          ...stamps,
        ],
        foreignKeys: [fk('focus_group_id', 'focus_groups')],
        indices: [
          // one active sign-up per person and session (a filtered index on both databases)
          new TableIndex({
            name: 'UQ_focus_group_signups_active',
            columnNames: ['focus_group_id', 'person_aad_id'],
            isUnique: true,
            where: "status <> 'cancelled'",
          }),
          new TableIndex({ name: 'IX_focus_group_signups_queue', columnNames: ['focus_group_id', 'status', 'position'] }),
          new TableIndex({ name: 'IX_focus_group_signups_person', columnNames: ['person_aad_id'] }),
        ],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'calendar_intents',
        columns: [
          c.id(),
          c.str('kind', 40),
          c.int('focus_group_id'),
          c.str('aad_object_id', 100),
          c.time('created_at'),
          c.time('processed_at', true),
        ],
        foreignKeys: [fk('focus_group_id', 'focus_groups')],
        indices: [new TableIndex({ name: 'IX_calendar_intents_pending', columnNames: ['processed_at', 'id'] })],
      })
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('calendar_intents');
    await queryRunner.dropTable('focus_group_signups');
    await queryRunner.dropTable('focus_groups');
    await queryRunner.dropTable('audit_cases');
    await queryRunner.dropTable('audits');
  }
}

function fk(column: string, table: string): TableForeignKey {
  return new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });
}
