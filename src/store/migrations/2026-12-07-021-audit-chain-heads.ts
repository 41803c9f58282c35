// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The head of each audit chain: its last seq and last hash. A writer locks its chain's row
 * (SELECT … FOR UPDATE on PostgreSQL) for the rest of its transaction, so writers of different
 * chains never wait for each other, and the head says how long the chain is (deleting its newest
 * entries leaves a head that points past the end). A new chain starts at seq 0 with the head of
 * the closed 'legacy' chain (or 64 zeros), which its first entry links to. Triggers refuse to
 * delete a head or to move it other than one entry forward.
 */
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_chains')
    .addColumn('chain', 'text', (c) => c.primaryKey())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .execute();
  const last = await sql<{ seq: number | string; hash: string }>`
    select seq, hash from audit_log where chain = 'legacy' order by seq desc limit 1`.execute(db);
  const head = last.rows[0];
  if (head) {
    await sql`insert into audit_chains (chain, last_seq, last_hash) values ('legacy', ${Number(head.seq)}, ${head.hash})`.execute(
      db,
    );
  }
  if (isPostgres(db)) {
    await sql`
      create function audit_chains_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          if new.chain = old.chain and new.last_seq = old.last_seq + 1 then
            return new;
          end if;
        end if;
        raise exception 'audit_chains only advance one entry at a time: % refused', tg_op;
      end
      $$`.execute(db);
    await sql`
      create trigger audit_chains_guard before update or delete on audit_chains
      for each row execute function audit_chains_guard()`.execute(db);
    await sql`
      create trigger audit_chains_no_truncate before truncate on audit_chains
      for each statement execute function audit_chains_guard()`.execute(db);
    return;
  }
  await sql`
    create trigger audit_chains_advance_only before update on audit_chains
    when new.chain <> old.chain or new.last_seq <> old.last_seq + 1
    begin select raise(abort, 'audit_chains only advance one entry at a time: UPDATE refused'); end`.execute(
    db,
  );
  await sql`
    create trigger audit_chains_no_delete before delete on audit_chains
    begin select raise(abort, 'audit_chains only advance one entry at a time: DELETE refused'); end`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop table audit_chains`.execute(db);
    await sql`drop function audit_chains_guard()`.execute(db);
    return;
  }
  await sql`drop table audit_chains`.execute(db);
}
