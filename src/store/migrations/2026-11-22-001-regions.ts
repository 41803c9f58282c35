// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';

/** Administrative regions: province → city → county. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('regions.id').onDelete('restrict'))
    .addCheckConstraint('regions_level_check', sql`level in ('province', 'city', 'county')`)
    .execute();
  await db.schema.createIndex('regions_parent_id_index').on('regions').column('parent_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('regions').execute();
}
