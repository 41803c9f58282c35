import { type Kysely, sql, type Transaction } from 'kysely';
import type { AuditChainsTable, AuditLogTable, Database } from '../database.ts';
import { dialectOf } from '../dialect.ts';
import { columnsOf, preparedQuery } from '../prepared-query.ts';
import { auditHashOfStored, chainOf, GENESIS_HASH, type HashedFields, LEGACY_CHAIN } from './audit-hash.ts';
import { canonicalJson } from './canonical-json.ts';

/** Who made a change: a staff user, or a label alone ("申请人（网上申请）", "system"). */
export interface Actor {
  userId: string | null;
  label: string;
}

export interface AuditEntryInput {
  /** The agency whose chain the entry goes in; null for entries of no agency (users, regions, calendar…). */
  agencyId: string | null;
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

/** A stored entry: the input with its chain, its seq in the chain, its instant as ISO text, and the hashes. */
export interface AuditEntry extends Omit<AuditEntryInput, 'at' | 'agencyId'> {
  chain: string;
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

/** A chain's head as stored: the seq and hash of its last entry (seq 0: the link its first entry will carry). */
export type AuditHead = Pick<AuditChainsTable, 'last_seq' | 'last_hash'>;
type Head = AuditHead;

const selectHead = preparedQuery<{ chain: string }, Head>(['chain'], (db, p) =>
  db.selectFrom('audit_chains').select(['last_seq', 'last_hash']).where('chain', '=', p.chain),
);

/** The head row, locked until the transaction ends (PostgreSQL; on SQLite the transaction holds the write lock). */
const lockHead = preparedQuery<{ chain: string }, Head>(['chain'], (db, p) => {
  const query = db.selectFrom('audit_chains').select(['last_seq', 'last_hash']).where('chain', '=', p.chain);
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
});

const insertHead = preparedQuery<AuditChainsTable, never>(['chain', 'last_seq', 'last_hash'], (db, row) =>
  db
    .insertInto('audit_chains')
    .values(row)
    .onConflict((oc) => oc.column('chain').doNothing()),
);

const advanceHead = preparedQuery<AuditChainsTable, never>(['chain', 'last_seq', 'last_hash'], (db, row) =>
  db
    .updateTable('audit_chains')
    .set({ last_seq: row.last_seq, last_hash: row.last_hash })
    .where('chain', '=', row.chain),
);

export const AUDIT_COLUMNS = columnsOf<AuditLogTable>({
  chain: true,
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

/** Inserts linked audit rows (SQLite, or PostgreSQL outside a combined statement); one row through a statement compiled once. */
export async function insertAuditRows(
  trx: Transaction<Database>,
  rows: readonly AuditLogTable[],
): Promise<void> {
  if (rows.length === 1) await insertEntry(trx, rows[0]!);
  else if (rows.length > 1)
    await trx
      .insertInto('audit_log')
      .values([...rows])
      .execute();
}

/** Moves the chain's head (locked by the caller) to its entry `seq` of hash `hash`. */
export async function advanceAuditHead(
  trx: Transaction<Database>,
  chain: string,
  seq: number,
  hash: string,
): Promise<void> {
  await advanceHead(trx, { chain, last_seq: seq, last_hash: hash });
}

/** PostgreSQL: the entry and the head moved to it in one statement (one round trip less while the head is locked). */
const insertEntryAndAdvanceHead = preparedQuery<AuditLogTable, never>(AUDIT_COLUMNS, (db, row) =>
  db
    .with('entry', (w) => w.insertInto('audit_log').values(row))
    .updateTable('audit_chains')
    .set({ last_seq: row.seq, last_hash: row.hash })
    .where('chain', '=', row.chain),
);

/**
 * The chain's head, locked. A chain's first writer creates its head at seq 0 with the legacy
 * chain's last hash (or the genesis hash): two first writers at once meet on the primary key,
 * the second waits for the first and then locks the row the first created.
 */
export async function lockedHead(trx: Transaction<Database>, chain: string): Promise<Head> {
  const [head] = await lockHead(trx, { chain });
  if (head) return head;
  const [legacy] = await selectHead(trx, { chain: LEGACY_CHAIN });
  await insertHead(trx, { chain, last_seq: 0, last_hash: legacy?.last_hash ?? GENESIS_HASH });
  const [created] = await lockHead(trx, { chain });
  if (!created) throw new Error(`audit chain head ${chain} not created`);
  return created;
}

/**
 * Creates the heads of those `chains` that have none yet (seq 0, linked like lockedHead's), in
 * chain order, without locking existing heads; a head another transaction is creating is waited
 * for. For writers that then lock several heads in one statement, where a missing head would be
 * locked late and out of order.
 */
export async function createMissingAuditHeads(
  trx: Transaction<Database>,
  chains: readonly string[],
): Promise<void> {
  if (chains.length === 0) return;
  const legacy = sql<string>`coalesce((select last_hash from audit_chains where chain = ${LEGACY_CHAIN}), ${GENESIS_HASH})`;
  await trx
    .insertInto('audit_chains')
    .columns(['chain', 'last_seq', 'last_hash'])
    .expression((eb) =>
      eb
        .selectFrom(
          sql<{ chain: string }>`(values ${sql.join([...chains].sort().map((c) => sql`(${c})`))})`.as('v'),
        )
        .select([sql<string>`v.column1`.as('chain'), sql<number>`0`.as('last_seq'), legacy.as('last_hash')]),
    )
    .onConflict((oc) => oc.column('chain').doNothing())
    .execute();
}

/**
 * Appends one entry to its agency's chain (or the system chain), linked to the chain's previous
 * entry. Appends to one chain are serialised by its head row, locked until the transaction ends:
 * writers of other chains do not wait. seq runs 1, 2, 3… in each chain without gaps (a rolled-back
 * append rolls back the head too). Make it the last write of the transaction, so that the lock is
 * held briefly.
 */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntryInput): Promise<AuditEntry> {
  const [appended] = await appendAuditEntries(trx, [entry]);
  return appended!;
}

/**
 * Appends several entries of one chain in order, as appendAudit would one after the other, with
 * one lock of the head and one insert: what a group of registrations committed together writes.
 */
export async function appendAuditEntries(
  trx: Transaction<Database>,
  entries: readonly AuditEntryInput[],
): Promise<AuditEntry[]> {
  const [first] = entries;
  if (!first) return [];
  const chain = chainOf(first.agencyId);
  if (entries.some((e) => chainOf(e.agencyId) !== chain)) {
    throw new Error('appendAuditEntries: entries of several chains');
  }
  const rows = linkAuditRows(chain, await lockedHead(trx, chain), entries);
  const last = rows[rows.length - 1]!;
  if (rows.length === 1) {
    if (dialectOf(trx) === 'postgres') {
      await insertEntryAndAdvanceHead(trx, last);
    } else {
      await insertEntry(trx, last);
      await advanceHead(trx, { chain, last_seq: last.seq, last_hash: last.hash });
    }
  } else if (dialectOf(trx) === 'postgres') {
    await trx
      .with('entries', (w) => w.insertInto('audit_log').values(rows))
      .updateTable('audit_chains')
      .set({ last_seq: last.seq, last_hash: last.hash })
      .where('chain', '=', chain)
      .execute();
  } else {
    await trx.insertInto('audit_log').values(rows).execute();
    await advanceHead(trx, { chain, last_seq: last.seq, last_hash: last.hash });
  }
  return rows.map(rowToEntry);
}

/**
 * The rows of `entries`, all of `chain`, linked in order after the chain's `head` (locked by the
 * caller until its transaction ends): what appendAuditEntries inserts, for writers that insert
 * them in a statement of their own and then move the head to the last row.
 */
export function linkAuditRows(
  chain: string,
  head: AuditHead,
  entries: readonly AuditEntryInput[],
): AuditLogTable[] {
  let previous = { seq: Number(head.last_seq), hash: head.last_hash };
  return entries.map((entry) => {
    const row = linkedRow(chain, previous, entry);
    previous = { seq: row.seq, hash: row.hash };
    return row;
  });
}

/** The row of `entry` following the entry `previous` of its chain. */
function linkedRow(
  chain: string,
  previous: { seq: number; hash: string },
  entry: AuditEntryInput,
): AuditLogTable {
  // Each snapshot is written as canonical JSON once: the stored text, which is also what is
  // hashed (the text verification reads back and serialises again the same way).
  const beforeJson = entry.before == null ? null : canonicalJson(entry.before);
  const afterJson = entry.after == null ? null : canonicalJson(entry.after);
  const fields = {
    seq: previous.seq + 1,
    at: entry.at.toISOString(),
    actorUserId: entry.actor.userId,
    actorLabel: entry.actor.label,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
  };
  return {
    chain,
    seq: fields.seq,
    at: fields.at,
    actor_user_id: fields.actorUserId,
    actor_label: fields.actorLabel,
    entity: fields.entity,
    entity_id: fields.entityId,
    action: fields.action,
    before_json: beforeJson,
    after_json: afterJson,
    prev_hash: previous.hash,
    hash: auditHashOfStored(previous.hash, chain, fields, beforeJson, afterJson),
  };
}

/** A stored JSON snapshot; a row whose JSON does not parse has been tampered with (verification reports it). */
export function parseSnapshot(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { unparseable: text };
  }
}

/** The fields a row's hash is recomputed from. */
export function hashedFieldsOf(row: AuditLogTable): HashedFields {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: parseSnapshot(row.before_json),
    after: parseSnapshot(row.after_json),
  };
}

function rowToEntry(row: AuditLogTable): AuditEntry {
  return {
    chain: row.chain,
    seq: Number(row.seq),
    at: row.at,
    actor: { userId: row.actor_user_id, label: row.actor_label },
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: parseSnapshot(row.before_json),
    after: parseSnapshot(row.after_json),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The history of one record, oldest first (by seq within a chain; by instant across chains). */
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
    .orderBy('chain')
    .orderBy('seq')
    .execute();
  const entries = rows.map(rowToEntry);
  const oneChain = entries.every((e) => e.chain === entries[0]?.chain);
  // A stable sort keeps seq order among entries of one instant.
  return oneChain ? entries : entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** One entry by its chain and position, or null (to show the first bad entry of a verification). */
export async function getAuditEntry(
  db: Kysely<Database>,
  chain: string,
  seq: number,
): Promise<AuditEntry | null> {
  const row = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('chain', '=', chain)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row ? rowToEntry(row) : null;
}

export interface AuditChainHead {
  chain: string;
  /** 0 when the chain has no entry yet; lastHash is then the link its first entry will carry. */
  lastSeq: number;
  lastHash: string;
}

/** Every chain's head, by chain key. */
export async function listAuditChainHeads(db: Kysely<Database>): Promise<AuditChainHead[]> {
  const rows = await db.selectFrom('audit_chains').selectAll().orderBy('chain').execute();
  return rows.map((r) => ({ chain: r.chain, lastSeq: Number(r.last_seq), lastHash: r.last_hash }));
}

/** The seq of the chain's last entry as stored (0 when none), whatever its head row says. */
export async function lastAuditSeq(db: Kysely<Database>, chain: string): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select(sql<number | string | null>`max(seq)`.as('last'))
    .where('chain', '=', chain)
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}
