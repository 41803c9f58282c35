// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import type { Kysely } from 'kysely';

/**
 * Rate-limit counters shared by every instance of the server (issue 19 item 2): failed logins per
 * address and per account and address, online applications and tracking queries per address.
 * One row per bucket and subject, counting hits in a window that ends at window_ends_at (ISO
 * instant); a row is worthless once its window has ended and is purged then, so the table holds
 * at most the subjects seen within the longest window.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_counters_pkey', ['bucket', 'subject'])
    .execute();
  await db.schema
    .createIndex('rate_limit_counters_window_ends_at_index')
    .on('rate_limit_counters')
    .column('window_ends_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_counters').execute();
}
