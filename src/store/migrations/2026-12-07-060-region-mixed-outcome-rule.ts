// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import type { Kysely } from 'kysely';

/**
 * A region's own choice of how applications with mixed outcomes are counted (DOMAIN.md §A.6): null
 * inherits the region above, and at the top the recommended rule.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('regions').addColumn('mixed_outcome_rule', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('regions').dropColumn('mixed_outcome_rule').execute();
}
