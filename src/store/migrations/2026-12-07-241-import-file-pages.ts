// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import type { Kysely } from 'kysely';

/**
 * How far the OCR of a file of an import has got, while a job reads it: the last page read and
 * the page count (both null when the file is not a scan or not being read). Written by the reading
 * worker after a page (throttled), read by whoever shows the batch's progress.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_files').addColumn('ocr_page', 'integer').execute();
  await db.schema.alterTable('import_files').addColumn('ocr_pages', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_files').dropColumn('ocr_pages').execute();
  await db.schema.alterTable('import_files').dropColumn('ocr_page').execute();
}
