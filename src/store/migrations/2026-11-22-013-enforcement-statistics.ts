// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';

/**
 * One row per agency and year: 行政许可, 行政处罚, 行政强制 decision counts and 行政事业性收费 for
 * table 二. null = not entered (not 0). The fee is an exact integer of 0.0001 万元 (= 1 元).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('enforcement_statistics')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('licensing', 'integer')
    .addColumn('punishment', 'integer')
    .addColumn('coercion', 'integer')
    .addColumn('fees_wan_yuan_e4', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('enforcement_statistics_pk', ['agency_id', 'year'])
    .addCheckConstraint(
      'enforcement_statistics_nonnegative_check',
      sql`(licensing is null or licensing >= 0) and (punishment is null or punishment >= 0)
        and (coercion is null or coercion >= 0) and (fees_wan_yuan_e4 is null or fees_wan_yuan_e4 >= 0)`,
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('enforcement_statistics').execute();
}
