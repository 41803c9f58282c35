// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import type { Kysely } from 'kysely';

/** The applicant's personal data, one row per application, apart from the case itself. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applicants')
    .addColumn('application_id', 'text', (c) =>
      c.primaryKey().references('applications.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text')
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('email', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('applicants').execute();
}
