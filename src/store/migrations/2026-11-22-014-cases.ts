// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';

/**
 * Reconsideration and litigation cases (行政复议 / 行政诉讼) about an agency's disclosure work, for
 * table 四; optionally linked to the application concerned. result and decided_on are both null
 * while the case is open (尚未审结), both set once decided. No personal data: the applicant is
 * reached through the application. version counts saves (optimistic concurrency).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('application_id', 'text', (c) => c.references('applications.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text')
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'cases_kind_check',
      sql`kind in ('review', 'litigationDirect', 'litigationAfterReview')`,
    )
    .addCheckConstraint(
      'cases_result_check',
      sql`(result is null and decided_on is null)
        or (result in ('upheld', 'corrected', 'other') and decided_on is not null and decided_on >= filed_on)`,
    )
    .execute();
  await db.schema
    .createIndex('cases_agency_filed_index')
    .on('cases')
    .columns(['agency_id', 'filed_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cases').execute();
}
