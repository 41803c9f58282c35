// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';

/**
 * The proactive disclosure register (主动公开): one row per item of information, its attribute
 * (with the reason unless 主动公开), its review chain (steps_json: every step with who and when)
 * and the 保密审查 record. created_on is the day the information was created or changed (art. 26
 * runs from it); due_on is derived from it with the working-day calendar when saved (null when
 * the calendar does not reach it). version counts saves (optimistic concurrency).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('attribute', 'text', (c) => c.notNull())
    .addColumn('attribute_reason', 'text')
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('drafter_user_id', 'text', (c) => c.notNull())
    .addColumn('section_head_user_id', 'text')
    .addColumn('leader_user_id', 'text')
    .addColumn('secrecy_by_user_id', 'text')
    .addColumn('secrecy_at', 'text')
    .addColumn('secrecy_conclusion', 'text')
    .addColumn('secrecy_note', 'text')
    .addColumn('steps_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'disclosures_channel_check',
      sql`channel in ('website', 'weibo', 'wechat', 'gazette', 'other')`,
    )
    .addCheckConstraint(
      'disclosures_attribute_check',
      sql`(attribute = 'proactive' and attribute_reason is null)
        or (attribute in ('onRequest', 'withheld') and attribute_reason is not null)`,
    )
    .addCheckConstraint(
      'disclosures_status_check',
      sql`status in ('draft', 'submitted', 'sectionApproved', 'approved', 'published')
        and ((status = 'published') = (published_on is not null))`,
    )
    .addCheckConstraint(
      'disclosures_secrecy_check',
      sql`secrecy_conclusion is null
        or secrecy_conclusion in ('publishable', 'publishableAfterRedaction', 'notPublishable')`,
    )
    .execute();
  await db.schema
    .createIndex('disclosures_agency_status_index')
    .on('disclosures')
    .columns(['agency_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('disclosures_agency_created_index')
    .on('disclosures')
    .columns(['agency_id', 'created_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disclosures').execute();
}
