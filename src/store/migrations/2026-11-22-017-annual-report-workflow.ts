// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import type { Kysely } from 'kysely';

/**
 * The annual report's workflow (draft → submitted → approved → published): who submitted a
 * version (a reviewer may not approve their own submission), who approved it, and the reason of
 * the last return to draft (shown to the officer until the next submission). Users' ids, no
 * personal data.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('annual_reports').addColumn('submitted_by', 'text').execute();
  await db.schema.alterTable('annual_reports').addColumn('approved_by', 'text').execute();
  await db.schema.alterTable('annual_reports').addColumn('return_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('annual_reports').dropColumn('return_reason').execute();
  await db.schema.alterTable('annual_reports').dropColumn('approved_by').execute();
  await db.schema.alterTable('annual_reports').dropColumn('submitted_by').execute();
}
