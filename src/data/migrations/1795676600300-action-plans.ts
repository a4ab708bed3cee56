import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

import { columnTypes } from './column-types';

function fk(column: string, table: string): TableForeignKey {
  return new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });
}

/** Action plans, recommendations, actions (RAG tracker) and the actions' append-only history. */
export class ActionPlans1795676600300 implements MigrationInterface {
  name = 'ActionPlans1795676600300';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'action_plans',
        columns: [
          c.id(),
          c.str('source_type', 20),
          c.str('source_ref', 100),
          c.str('title', 300),
          c.time('created_at'),
          c.str('created_by', 100),
        ],
        indices: [new TableIndex({ name: 'IX_action_plans_source', columnNames: ['source_type'] })],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'recommendations',
        columns: [c.id(), c.int('plan_id'), c.text('content'), c.int('sort_order')],
        foreignKeys: [fk('plan_id', 'action_plans')],
        indices: [new TableIndex({ name: 'IX_recommendations_plan', columnNames: ['plan_id', 'sort_order'] })],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'actions',
        columns: [
          c.id(),
          c.int('recommendation_id'),
          c.int('plan_id'),
          c.int('lead_agency_id'),
          c.int('owner_person_id', true),
          c.text('description'),
          c.str('target_date', 10),
          c.str('revised_target_date', 10, true),
          c.text('revised_target_reason', true),
          c.str('due_date', 10),
          c.str('status', 10),
          c.str('rule_status', 10),
          c.str('override_status', 10, true),
          c.text('override_reason', true),
          c.int('override_by_person_id', true),
          c.time('override_at', true),
          c.text('progress_note', true),
          c.time('last_progress_at', true),
          c.text('evidence_text', true),
          c.text('evidence_links_json', true),
          c.time('completion_proposed_at', true),
          c.int('completion_proposed_by_person_id', true),
          c.int('signed_off_by_person_id', true),
          c.time('signed_off_at', true),
          c.int('version'),
          c.time('created_at'),
          c.time('updated_at'),
        ],
        foreignKeys: [
          fk('recommendation_id', 'recommendations'),
          fk('plan_id', 'action_plans'),
          fk('lead_agency_id', 'agencies'),
          fk('owner_person_id', 'people'),
        ],
        indices: [
          new TableIndex({ name: 'IX_actions_agency_status', columnNames: ['lead_agency_id', 'status', 'due_date'] }),
          new TableIndex({ name: 'IX_actions_status_due', columnNames: ['status', 'due_date'] }),
          new TableIndex({ name: 'IX_actions_plan_due', columnNames: ['plan_id', 'due_date'] }),
          new TableIndex({ name: 'IX_actions_due', columnNames: ['due_date'] }),
          new TableIndex({ name: 'IX_actions_owner', columnNames: ['owner_person_id'] }),
          new TableIndex({ name: 'IX_actions_recommendation', columnNames: ['recommendation_id'] }),
        ],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'action_history',
        columns: [
          c.id(),
          c.int('action_id'),
          c.time('at'),
          c.str('actor_id', 100),
          c.str('actor_name', 200),
          c.str('field', 40),
          c.text('from_value', true),
          c.text('to_value', true),
          c.text('note', true),
        ],
        foreignKeys: [fk('action_id', 'actions')],
        indices: [new TableIndex({ name: 'IX_action_history_action', columnNames: ['action_id', 'id'] })],
      })
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('action_history');
    await queryRunner.dropTable('actions');
    await queryRunner.dropTable('recommendations');
    await queryRunner.dropTable('action_plans');
  }
}
