// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import type { Kysely } from 'kysely';

/**
 * Regions and agencies change (机构改革, 区划调整): the day one is closed (撤销), null while it
 * exists; and the names an agency had before (a report published under a former name is still
 * its report), each with the day it was renamed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agencies').addColumn('closed_on', 'text').execute();
  await db.schema.alterTable('regions').addColumn('closed_on', 'text').execute();
  await db.schema
    .createTable('agency_former_names')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('renamed_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agency_former_names_pk', ['agency_id', 'renamed_on', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agency_former_names').execute();
  await db.schema.alterTable('regions').dropColumn('closed_on').execute();
  await db.schema.alterTable('agencies').dropColumn('closed_on').execute();
}
