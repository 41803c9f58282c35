// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The audit log becomes several hash chains (one per agency, one for entries without an agency):
 * each entry names its chain, and seq counts within the chain, so the key is (chain, seq). Every
 * entry written before is put in the closed chain 'legacy', with its seq, prev_hash and hash as
 * they were, so that it still verifies. The append-only triggers stay (on SQLite the table is
 * rebuilt, as SQLite cannot change a primary key, and they are created again with the same names
 * and bodies as migration 010's).
 */
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

const COLUMNS =
  'seq, at, actor_user_id, actor_label, entity, entity_id, action, before_json, after_json, prev_hash, hash';

async function createSqliteTriggers(db: Kysely<any>): Promise<void> {
  await sql`
    create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only: UPDATE refused'); end`.execute(db);
  await sql`
    create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only: DELETE refused'); end`.execute(db);
}

/**
 * SQLite: copies audit_log into a table of the new shape (chain first), keeping every value. The
 * migrator runs each migration in a transaction (TransactionalDdlSqliteAdapter), so this is all or none.
 */
async function rebuildSqlite(db: Kysely<any>, chained: boolean): Promise<void> {
  await sql`
      create table audit_log_rebuilt (
        ${chained ? sql`chain text not null,` : sql``}
        seq bigint not null,
        at text not null,
        actor_user_id text,
        actor_label text not null,
        entity text not null,
        entity_id text not null,
        action text not null,
        before_json text,
        after_json text,
        prev_hash text not null,
        hash text not null,
        primary key (${chained ? sql`chain, seq` : sql`seq`})
      )`.execute(db);
  await sql`
      insert into audit_log_rebuilt (${chained ? sql`chain, ` : sql``}${sql.raw(COLUMNS)})
      select ${chained ? sql`'legacy', ` : sql``}${sql.raw(COLUMNS)} from audit_log order by seq`.execute(db);
  // Dropping the table drops its triggers and index; DROP does not run the DELETE trigger.
  await sql`drop table audit_log`.execute(db);
  await sql`alter table audit_log_rebuilt rename to audit_log`.execute(db);
  await sql`create index audit_log_entity_index on audit_log (entity, entity_id)`.execute(db);
  await createSqliteTriggers(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return rebuildSqlite(db, true);
  // A constant default fills existing rows without rewriting them (no UPDATE, no trigger fired).
  await sql`alter table audit_log add column chain text not null default 'legacy'`.execute(db);
  await sql`alter table audit_log alter column chain drop default`.execute(db);
  await sql`alter table audit_log drop constraint audit_log_pkey`.execute(db);
  await sql`alter table audit_log add constraint audit_log_pkey primary key (chain, seq)`.execute(db);
}

/** Back to one chain: fails (duplicate seq) once entries of several chains exist. */
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return rebuildSqlite(db, false);
  await sql`alter table audit_log drop constraint audit_log_pkey`.execute(db);
  await sql`alter table audit_log drop column chain`.execute(db);
  await sql`alter table audit_log add constraint audit_log_pkey primary key (seq)`.execute(db);
}
