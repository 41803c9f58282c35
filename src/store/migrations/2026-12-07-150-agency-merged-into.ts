// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import type { Kysely } from 'kysely';

/**
 * The agency a closed agency was merged into (合并, 机构改革): its successor, whose history shows
 * the closed agency's published reports. Null for an agency that exists or was closed without one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agencies').addColumn('merged_into', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agencies').dropColumn('merged_into').execute();
}
