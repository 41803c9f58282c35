// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, sql } from 'kysely';

/**
 * A partial index of the applications not concluded, by agency and answer due day: the overdue
 * and due-this-week counts of the inbox, the open due days of an agency, and every open
 * application of every agency (recomputing deadlines with a new holiday calendar) read only the
 * open cases — a few per agency — instead of an agency's ten years of concluded ones, or (for the
 * calendar) a scan of the whole table: on the scale bench's province, 2 million rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('applications_open_index')
    .on('applications')
    .columns(['agency_id', 'answer_due_on'])
    .where(sql.ref('status'), '!=', 'concluded')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('applications_open_index').execute();
}
