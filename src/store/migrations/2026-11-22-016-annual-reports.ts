// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';

/**
 * Annual reports (政府信息公开工作年度报告), one row per version. A report is either assembled
 * from the agency's records or imported from a published file. Version 1 is the first; a
 * correction of a published report is a new version (correction_reason), and every version stays
 * readable. report_json is the whole `gongkai-report/1` document; numbers_json only its tables
 * (table2, table3, table4), so that regional totals read a few kilobytes per report. The finding
 * counts are the validator's, stored when the row is saved so that lists need not validate.
 * source_sha256 recognises a re-import of the same file.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('annual_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('numbers_json', 'text', (c) => c.notNull())
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addColumn('warning_count', 'integer', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('correction_reason', 'text')
    .addColumn('source_file_name', 'text')
    .addColumn('source_sha256', 'text')
    .addColumn('created_by', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_agency_year_version_unique', ['agency_id', 'year', 'version'])
    .addCheckConstraint(
      'annual_reports_status_check',
      sql`status in ('draft', 'submitted', 'approved', 'published')`,
    )
    .addCheckConstraint('annual_reports_origin_check', sql`origin in ('assembled', 'imported')`)
    .execute();
  await db.schema
    .createIndex('annual_reports_year_agency_index')
    .on('annual_reports')
    .columns(['year', 'agency_id', 'version'])
    .execute();
  await db.schema
    .createIndex('annual_reports_source_unique')
    .on('annual_reports')
    .column('source_sha256')
    .unique()
    .where(sql.ref('source_sha256'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('annual_reports').execute();
}
