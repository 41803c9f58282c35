// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';

/**
 * The work records behind sections 一 and 六 of the annual report (policy interpretations, open
 * days, 建议提案, training, meetings, accountability, publication channels, the year's figures and
 * 工作要点 tasks): one row per record, its kind, the year it belongs to (null for a channel, which
 * spans years) and its data as JSON, checked by the core schemas before it is saved. version
 * counts saves (optimistic concurrency).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('work_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'work_records_kind_check',
      sql`kind in ('interpretation', 'evaluation', 'proposal', 'training', 'meeting',
        'accountability', 'channel', 'figures', 'task')`,
    )
    .addCheckConstraint('work_records_year_check', sql`(kind = 'channel') = (year is null)`)
    .execute();
  await db.schema
    .createIndex('work_records_agency_kind_year_index')
    .on('work_records')
    .columns(['agency_id', 'kind', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('work_records').execute();
}
