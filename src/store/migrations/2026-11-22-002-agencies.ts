// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';

/** Agencies (行政机关): a department or a people's government of a region. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addCheckConstraint('agencies_kind_check', sql`kind in ('department', 'government')`)
    .addUniqueConstraint('agencies_region_name_unique', ['region_id', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agencies').execute();
}
