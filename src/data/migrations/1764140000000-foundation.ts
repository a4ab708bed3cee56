import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

import { columnTypes } from './column-types';

/** Agencies, people and their roles, Teams conversation references and the audit log. */
export class Foundation1764140000000 implements MigrationInterface {
  name = 'Foundation1764140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'agencies',
        columns: [c.id(), { ...c.str('code', 40), isUnique: true }, c.str('name', 200), c.str('sector', 40)],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'people',
        columns: [
          c.id(),
          { ...c.str('aad_object_id', 100), isUnique: true },
          c.str('display_name', 200),
          c.str('email', 320, true),
          c.int('agency_id', true),
          { ...c.str('roles', 200), default: "''" },
          c.time('created_at'),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['agency_id'],
            referencedTableName: 'agencies',
            referencedColumnNames: ['id'],
          }),
        ],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'conversation_refs',
        columns: [
          c.id(),
          { ...c.str('conversation_id', 400), isUnique: true },
          c.str('conversation_type', 40),
          c.str('aad_object_id', 100, true),
          c.str('tenant_id', 100, true),
          c.str('service_url', 400),
          c.text('reference_json'),
          c.time('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IX_conversation_refs_aad', columnNames: ['aad_object_id'] })],
      })
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          c.id(),
          c.time('at'),
          c.str('actor_id', 100),
          c.str('action', 80),
          c.str('entity_type', 60),
          c.str('entity_id', 100),
          c.text('detail_json', true),
        ],
        indices: [
          new TableIndex({ name: 'IX_audit_log_entity', columnNames: ['entity_type', 'entity_id'] }),
        ],
      })
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_log');
    await queryRunner.dropTable('conversation_refs');
    await queryRunner.dropTable('people');
    await queryRunner.dropTable('agencies');
  }
}
