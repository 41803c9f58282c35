// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import type { Kysely } from 'kysely';

/** Last tracking number handed out per agency and year, incremented by an atomic UPSERT. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tracking_counters')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('tracking_counters_pkey', ['agency_id', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tracking_counters').execute();
}
