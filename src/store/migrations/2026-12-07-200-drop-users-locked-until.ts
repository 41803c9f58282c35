// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import type { Kysely } from 'kysely';

/**
 * users.locked_until is gone: a lockout is per account and client address (rate_limit_counters,
 * migration 031), never a lock of the account, and nothing has read the column since. SQLite drops
 * a column since 3.35; down adds it back empty (what it held meant nothing any more).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('locked_until').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('locked_until', 'text').execute();
}
