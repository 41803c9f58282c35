// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import type { Kysely } from 'kysely';

/**
 * Two account flags, as integers 0/1 (portable across SQLite and PostgreSQL):
 * - disabled: an administrator disabled the account. Until now that was written as
 *   locked_until = '9999-12-31T23:59:59.999Z'; such rows are moved to the flag.
 * - must_change_password: the account may only change its password (a generated first password).
 * One column per ALTER TABLE: SQLite adds a single column per statement.
 */
const DISABLED_UNTIL = '9999-12-31T23:59:59.999Z';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .updateTable('users')
    .set({ disabled: 1, locked_until: null, failed_logins: 0 })
    .where('locked_until', '=', DISABLED_UNTIL)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('users').set({ locked_until: DISABLED_UNTIL }).where('disabled', '=', 1).execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
  await db.schema.alterTable('users').dropColumn('disabled').execute();
}
