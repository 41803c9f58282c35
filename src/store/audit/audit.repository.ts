import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AuditLogTable, Database } from '../database.ts';
import { dialectOf } from '../dialect.ts';
import { columnsOf, preparedQuery } from '../prepared-query.ts';
import { canonicalJson } from './canonical-json.ts';

/** Who made a change: a staff user, or a label alone ("申请人（网上申请）", "system"). */
export interface Actor {
  userId: string | null;
  label: string;
}

export interface AuditEntryInput {
  at: Date;
  actor: Actor;
  /** What kind of record changed: 'application', 'report', … */
  entity: string;
  entityId: string;
  /** 'register', 'event:answered', … */
  action: string;
  /** The record before and after the change; null when it did not exist before / after. Never personal data. */
  before: unknown;
  after: unknown;
}

/** A stored entry: the input with its sequence number, its instant as ISO text, and the hash chain. */
export interface AuditEntry extends Omit<AuditEntryInput, 'at'> {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries checked (all of them when ok; up to and including the first bad one otherwise). */
  entries: number;
  /** The first entry whose seq, prev_hash or hash does not follow from the ones before it. */
  firstBadSeq?: number;
}

/** prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Lock class of pg_advisory_xact_lock(class, key) for audit appends ('audi'); key = the schema. */
const AUDIT_LOCK_CLASS = 0x61756469;

interface HashedFields {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** hash = SHA-256(prev_hash ‖ canonical JSON of the entry, seq included), hex. */
export function auditHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256')
    .update(prevHash + canonicalJson(fields))
    .digest('hex');
}

const selectLastEntry = preparedQuery<Record<string, never>, { seq: number; hash: string }>([], (db) =>
  db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
);

const AUDIT_COLUMNS = columnsOf<AuditLogTable>({
  seq: true,
  at: true,
  actor_user_id: true,
  actor_label: true,
  entity: true,
  entity_id: true,
  action: true,
  before_json: true,
  after_json: true,
  prev_hash: true,
  hash: true,
});

const insertEntry = preparedQuery<AuditLogTable, never>(AUDIT_COLUMNS, (db, row) =>
  db.insertInto('audit_log').values(row),
);

/**
 * Appends one entry to the audit log, chained to the previous one. Appends are serialised, so that
 * two transactions never chain to the same predecessor: on SQLite by the write lock every
 * transaction takes at BEGIN IMMEDIATE; on PostgreSQL by a transaction-scoped advisory lock (per
 * schema), taken before the predecessor is read and held until commit — under READ COMMITTED the
 * read that follows the lock sees the predecessor's commit. Make it the last write of the
 * transaction, so that the lock is held briefly. seq is the primary key: a broken lock would
 * fail the insert, never fork the chain.
 */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntryInput): Promise<AuditEntry> {
  if (dialectOf(trx) === 'postgres') {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_CLASS}::integer, hashtext(current_schema()::text))`.execute(
      trx,
    );
  }
  const [last] = await selectLastEntry(trx, {});
  // Each snapshot is written as canonical JSON once: the stored text, and the value hashed is
  // that text read back (what verification will read).
  const beforeJson = entry.before == null ? null : canonicalJson(entry.before);
  const afterJson = entry.after == null ? null : canonicalJson(entry.after);
  const fields: HashedFields = {
    seq: Number(last?.seq ?? 0) + 1,
    at: entry.at.toISOString(),
    actorUserId: entry.actor.userId,
    actorLabel: entry.actor.label,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: beforeJson === null ? null : JSON.parse(beforeJson),
    after: afterJson === null ? null : JSON.parse(afterJson),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row: AuditLogTable = {
    seq: fields.seq,
    at: fields.at,
    actor_user_id: fields.actorUserId,
    actor_label: fields.actorLabel,
    entity: fields.entity,
    entity_id: fields.entityId,
    action: fields.action,
    before_json: beforeJson,
    after_json: afterJson,
    prev_hash: prevHash,
    hash: auditHash(prevHash, fields),
  };
  await insertEntry(trx, row);
  return rowToEntry(row);
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    // A row whose JSON does not parse has been tampered with; verification reports it.
    return { unparseable: text };
  }
}

function rowToEntry(row: AuditLogTable): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: { userId: row.actor_user_id, label: row.actor_label },
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: parseJson(row.before_json),
    after: parseJson(row.after_json),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The history of one record, oldest first. */
export async function listAuditEntries(
  db: Kysely<Database>,
  entity: string,
  entityId: string,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
  return rows.map(rowToEntry);
}

const BATCH = 1000;

/**
 * Walks the whole chain in seq order, a batch at a time: seq must run 1, 2, 3, …, each prev_hash
 * must be the previous hash and each hash must be recomputable from the entry. Finds an altered,
 * removed or inserted row anywhere but at the very end (removing the last entries leaves a valid,
 * shorter chain: compare `entries` with a count recorded elsewhere to detect that).
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      entries += 1;
      const seq = Number(row.seq);
      const hash = auditHash(prevHash, {
        seq,
        at: row.at,
        actorUserId: row.actor_user_id,
        actorLabel: row.actor_label,
        entity: row.entity,
        entityId: row.entity_id,
        action: row.action,
        before: parseJson(row.before_json),
        after: parseJson(row.after_json),
      });
      if (seq !== expectedSeq || row.prev_hash !== prevHash || row.hash !== hash) {
        return { ok: false, entries, firstBadSeq: seq };
      }
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < BATCH) return { ok: true, entries };
  }
}

/** One entry by its position in the chain, or null (to show the first bad entry of a verification). */
export async function getAuditEntry(db: Kysely<Database>, seq: number): Promise<AuditEntry | null> {
  const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirst();
  return row ? rowToEntry(row) : null;
}
