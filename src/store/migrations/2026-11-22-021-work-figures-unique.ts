// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';

/** An agency has at most one record of year figures (kind 'figures') per year: a partial unique index. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('work_records_figures_unique')
    .on('work_records')
    .columns(['agency_id', 'year'])
    .unique()
    .where(sql.ref('kind'), '=', 'figures')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('work_records_figures_unique').execute();
}
