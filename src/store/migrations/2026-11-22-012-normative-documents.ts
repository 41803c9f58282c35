// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';

/**
 * The register of 规章 (kind 'regulation') and 行政规范性文件 (kind 'normative') an agency issued:
 * table 二 第二十条第（一）项 counts them. repealed_on is null while the document is in force.
 * A document number is unique within its agency. version counts saves (optimistic concurrency).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('normative_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('repealed_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('normative_documents_agency_number_unique', ['agency_id', 'document_number'])
    .addCheckConstraint('normative_documents_kind_check', sql`kind in ('regulation', 'normative')`)
    .addCheckConstraint(
      'normative_documents_repeal_check',
      sql`repealed_on is null or repealed_on >= issued_on`,
    )
    .execute();
  await db.schema
    .createIndex('normative_documents_agency_issued_index')
    .on('normative_documents')
    .columns(['agency_id', 'issued_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('normative_documents').execute();
}
