// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import type { Kysely } from 'kysely';

/**
 * What is known of an annual report read from a scan (image-only PDF or page images) by OCR: one
 * row per such report, none for a report read from text or assembled, nor for reports stored
 * before this table existed (absent is not zero: no row, no 扫描件 label). Confidences are 0–100;
 * min_confidence is null when no table cell carried one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_scans')
    .addColumn('report_id', 'text', (c) => c.primaryKey().references('annual_reports.id').onDelete('cascade'))
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('mean_confidence', 'double precision', (c) => c.notNull())
    .addColumn('min_confidence', 'double precision')
    .addColumn('cells_read', 'integer', (c) => c.notNull())
    .addColumn('cells_corrected', 'integer', (c) => c.notNull())
    .addColumn('cells_unreadable', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_scans').execute();
}
