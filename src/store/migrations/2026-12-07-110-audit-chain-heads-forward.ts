// biome-ignore-all lint/suspicious/noExplicitAny: migrations are frozen in time, so they see the schema as Kysely<any> (STYLE.md habit 5).
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * A chain's head may move forward by several entries in one update, not only one: a group of
 * registrations committed together appends its entries with one insert and moves the head once.
 * The head still only moves forward and stays in its chain, and a head cannot be deleted; a head
 * moved past the chain's last entry is what verification reports (as before, for one entry).
 */
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

async function guard(db: Kysely<any>, forward: 'one' | 'several'): Promise<void> {
  const postgresMoves =
    forward === 'one' ? sql`new.last_seq = old.last_seq + 1` : sql`new.last_seq > old.last_seq`;
  const sqliteRefuses =
    forward === 'one' ? sql`new.last_seq <> old.last_seq + 1` : sql`new.last_seq <= old.last_seq`;
  const message = forward === 'one' ? 'one entry at a time' : 'forward';
  if (isPostgres(db)) {
    await sql`
      create or replace function audit_chains_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          if new.chain = old.chain and ${postgresMoves} then
            return new;
          end if;
        end if;
        raise exception 'audit_chains only advance ${sql.raw(message)}: % refused', tg_op;
      end
      $$`.execute(db);
    return;
  }
  await sql`drop trigger audit_chains_advance_only`.execute(db);
  await sql`
    create trigger audit_chains_advance_only before update on audit_chains
    when new.chain <> old.chain or ${sqliteRefuses}
    begin select raise(abort, 'audit_chains only advance ${sql.raw(message)}: UPDATE refused'); end`.execute(
    db,
  );
}

export async function up(db: Kysely<any>): Promise<void> {
  await guard(db, 'several');
}

export async function down(db: Kysely<any>): Promise<void> {
  await guard(db, 'one');
}
