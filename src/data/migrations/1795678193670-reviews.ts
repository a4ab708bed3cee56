import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

import { columnTypes } from './column-types';

/** Reviews and their panels, information reports, milestones and meetings. */
export class Reviews1795678193670 implements MigrationInterface {
  name = 'Reviews1795678193670';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'reviews',
        columns: [
          c.id(),
          c.int('notification_id', true),
          c.str('type', 40),
          c.str('model', 20),
          c.str('title', 200),
          c.str('status', 30),
          c.str('starts_on', 10),
          c.str('completion_clock', 40),
          c.str('completion_due', 10),
          { ...c.str('involved_agencies', 1000), default: "''" },
          c.str('lead_reviewer_aad_id', 100, true),
          c.str('lead_reviewer_name', 200, true),
          c.int('lead_reviewer_agency_id', true),
          { ...c.bool('lead_reviewer_independent'), default: 0 },
          c.int('action_plan_id', true),
          c.str('created_by', 100),
          c.time('created_at'),
          c.time('updated_at'),
          c.int('version'),
        ],
        indices: [
          // one review per notification; reviews created directly have none
          new TableIndex({
            name: 'UQ_reviews_notification',
            columnNames: ['notification_id'],
            isUnique: true,
            where: 'notification_id IS NOT NULL',
          }),
          new TableIndex({ name: 'IX_reviews_status', columnNames: ['status'] }),
        ],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'review_panel_members',
        columns: [
          c.id(),
          c.int('review_id'),
          c.str('aad_object_id', 100),
          c.int('agency_id', true),
          c.str('panel_role', 100),
          c.str('email', 320, true),
          c.time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_review_panel_member', columnNames: ['review_id', 'aad_object_id'], isUnique: true }),
          new TableIndex({ name: 'IX_review_panel_members_person', columnNames: ['aad_object_id'] }),
        ],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'review_info_reports',
        columns: [
          c.id(),
          c.int('review_id'),
          c.int('agency_id'),
          c.str('contact_aad_id', 100, true),
          c.str('due_date', 10),
          c.time('received_at', true),
          c.time('created_at'),
        ],
        indices: [new TableIndex({ name: 'UQ_review_info_report', columnNames: ['review_id', 'agency_id'], isUnique: true })],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'review_milestones',
        columns: [
          c.id(),
          c.int('review_id'),
          c.str('code', 30),
          c.str('target_date', 10),
          c.str('computed_from', 40, true),
          c.text('edited_reason', true),
          c.time('done_at', true),
        ],
        indices: [new TableIndex({ name: 'UQ_review_milestone', columnNames: ['review_id', 'code'], isUnique: true })],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'review_meetings',
        columns: [
          c.id(),
          c.int('review_id'),
          c.str('kind', 30),
          c.str('title', 200),
          c.time('starts_at'),
          c.int('duration_minutes'),
          c.str('location', 255, true),
          c.int('calendar_event_id', true),
          c.str('status', 20),
          c.str('created_by', 100),
          c.time('created_at'),
          c.time('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IX_review_meetings_review', columnNames: ['review_id'] })],
      })
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('review_meetings');
    await queryRunner.dropTable('review_milestones');
    await queryRunner.dropTable('review_info_reports');
    await queryRunner.dropTable('review_panel_members');
    await queryRunner.dropTable('reviews');
  }
}
