// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Makes audit_log append-only in the database itself: UPDATE and DELETE (and TRUNCATE on
 * PostgreSQL) are refused by triggers. Someone able to drop the triggers can still alter rows;
 * the hash chain is what detects that.
 */
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      create function audit_log_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only: % refused', tg_op;
      end
      $$`.execute(db);
    await sql`
      create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_refuse_change()`.execute(db);
    await sql`
      create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_refuse_change()`.execute(db);
    return;
  }
  await sql`
    create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only: UPDATE refused'); end`.execute(db);
  await sql`
    create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only: DELETE refused'); end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger audit_log_no_truncate on audit_log`.execute(db);
    await sql`drop trigger audit_log_no_change on audit_log`.execute(db);
    await sql`drop function audit_log_refuse_change()`.execute(db);
    return;
  }
  await sql`drop trigger audit_log_no_delete`.execute(db);
  await sql`drop trigger audit_log_no_update`.execute(db);
}
