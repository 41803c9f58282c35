// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import type { Kysely } from 'kysely';

/**
 * Scheduled work that must run once across every instance (issue 19 item 2): one row per task,
 * holding the last period (e.g. a day, 'YYYY-MM-DD') an instance claimed it for. An instance runs
 * the task only when it moved last_period forward itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scheduled_runs')
    .addColumn('task', 'text', (c) => c.primaryKey())
    .addColumn('last_period', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scheduled_runs').execute();
}
