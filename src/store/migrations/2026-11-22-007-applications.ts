// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';

/**
 * Disclosure applications (依申请公开), without the applicant's personal data. Days are
 * 'YYYY-MM-DD' text, instants ISO text, events a JSON array; version counts saves (optimistic
 * concurrency).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('tracking_number', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('confirmed_on', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('applicant_type', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('concluded_on', 'text')
    .addColumn('events_json', 'text', (c) => c.notNull())
    .addColumn('answer_due_on', 'text')
    .addColumn('verification_hash', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('applications_agency_tracking_unique', ['agency_id', 'tracking_number'])
    .addCheckConstraint(
      'applications_channel_check',
      sql`channel in ('in-person', 'mail-registered', 'mail-ordinary', 'online', 'fax', 'email')`,
    )
    .addCheckConstraint(
      'applications_applicant_type_check',
      sql`applicant_type in ('naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrganisation')`,
    )
    .addCheckConstraint(
      'applications_status_check',
      sql`status in ('received', 'awaiting-correction', 'consulting', 'awaiting-fee', 'concluded')`,
    )
    .execute();
  await db.schema
    .createIndex('applications_agency_status_index')
    .on('applications')
    .columns(['agency_id', 'status', 'answer_due_on'])
    .execute();
  await db.schema
    .createIndex('applications_agency_received_index')
    .on('applications')
    .columns(['agency_id', 'received_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('applications').execute();
}
