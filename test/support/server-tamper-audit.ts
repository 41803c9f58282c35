import { sql } from 'kysely';
import { hashedFieldsOf } from '../../src/store/audit/audit.repository.ts';
import { auditHash } from '../../src/store/audit/audit-hash.ts';
import { dialectOf, type StoreDb } from '../../src/store/dialect.ts';

/**
 * What someone with the database owner's rights can do: switch off the triggers that keep the
 * audit log append-only and its chain heads moving forward (PostgreSQL: disable them; SQLite: drop
 * them and create them again from their stored definitions afterwards), do `work`, switch them back on.
 */
export async function withoutAuditTriggers<T>(db: StoreDb, work: () => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') {
    await sql`alter table audit_log disable trigger user`.execute(db);
    await sql`alter table audit_chains disable trigger user`.execute(db);
    try {
      return await work();
    } finally {
      await sql`alter table audit_log enable trigger user`.execute(db);
      await sql`alter table audit_chains enable trigger user`.execute(db);
    }
  }
  const triggers = (
    await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where type = 'trigger' and tbl_name in ('audit_log', 'audit_chains')`.execute(
      db,
    )
  ).rows;
  for (const t of triggers) await sql`drop trigger ${sql.id(t.name)}`.execute(db);
  try {
    return await work();
  } finally {
    for (const t of triggers) await sql.raw(t.sql).execute(db);
  }
}

/** Rewrites the stored "after" of one audit entry, nothing else (the chain no longer verifies). */
export async function tamperWithAuditEntry(
  db: StoreDb,
  chain: string,
  seq: number,
  afterJson: string,
): Promise<void> {
  await withoutAuditTriggers(db, () =>
    db
      .updateTable('audit_log')
      .set({ after_json: afterJson })
      .where('chain', '=', chain)
      .where('seq', '=', seq)
      .execute(),
  );
}

/**
 * The attack of issue 20: rewrites the "after" of entry `seq`, recomputes the hash of it and of
 * every following entry with the project's own function, and moves the chain head to match — the
 * chain verifies again; only the anchors outside the database can tell.
 */
export async function rewriteAuditChain(
  db: StoreDb,
  chain: string,
  seq: number,
  afterJson: string,
): Promise<void> {
  await withoutAuditTriggers(db, async () => {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('chain', '=', chain)
      .where('seq', '>=', seq)
      .orderBy('seq')
      .execute();
    let prevHash = rows[0]!.prev_hash;
    for (const row of rows) {
      const changed = {
        ...row,
        after_json: Number(row.seq) === seq ? afterJson : row.after_json,
        prev_hash: prevHash,
      };
      const hash = auditHash(prevHash, chain, hashedFieldsOf(changed));
      await db
        .updateTable('audit_log')
        .set({ after_json: changed.after_json, prev_hash: prevHash, hash })
        .where('chain', '=', chain)
        .where('seq', '=', row.seq)
        .execute();
      prevHash = hash;
    }
    await db.updateTable('audit_chains').set({ last_hash: prevHash }).where('chain', '=', chain).execute();
  });
}

/** Deletes the chain's newest `count` entries and moves its head back to the entry before them. */
export async function deleteNewestAuditEntries(db: StoreDb, chain: string, count: number): Promise<void> {
  await withoutAuditTriggers(db, async () => {
    const head = await db
      .selectFrom('audit_chains')
      .selectAll()
      .where('chain', '=', chain)
      .executeTakeFirstOrThrow();
    const keep = Number(head.last_seq) - count;
    await db.deleteFrom('audit_log').where('chain', '=', chain).where('seq', '>', keep).execute();
    const last = await db
      .selectFrom('audit_log')
      .select('hash')
      .where('chain', '=', chain)
      .where('seq', '=', keep)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('audit_chains')
      .set({ last_seq: keep, last_hash: last.hash })
      .where('chain', '=', chain)
      .execute();
  });
}
