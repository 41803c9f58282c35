import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { hashedFieldsOf, listAuditChainHeads } from './audit.repository.ts';
import { auditHash, GENESIS_HASH, LEGACY_CHAIN } from './audit-hash.ts';

/**
 * What is wrong at the first broken link of a chain:
 * - 'link': the entry at `seq` does not follow from the ones before it (altered, removed or inserted);
 * - 'head': the chain's head row does not match its last entry (`seq` is the head's: the newest
 *   entries were deleted, or entries added behind the head's back), or is missing (`seq` is the last entry's).
 */
export interface AuditBreak {
  chain: string;
  seq: number;
  problem: 'link' | 'head';
}

export interface AuditVerification {
  ok: boolean;
  /** Entries checked (all of them when ok; up to and including the first bad one otherwise). */
  entries: number;
  /** Chains checked. */
  chains: number;
  firstBad?: AuditBreak;
}

const BATCH = 1000;

interface ChainWalk {
  entries: number;
  lastSeq: number;
  lastHash: string;
  /** The seq of the first entry that does not follow, if any. */
  badSeq?: number;
}

/** Walks one chain in seq order, a batch at a time, from its genesis link. */
async function walkChain(db: Kysely<Database>, chain: string, genesis: string): Promise<ChainWalk> {
  const walk: ChainWalk = { entries: 0, lastSeq: 0, lastHash: genesis };
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('chain', '=', chain)
      .where('seq', '>', walk.lastSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      walk.entries += 1;
      const fields = hashedFieldsOf(row);
      const expected = auditHash(walk.lastHash, chain, fields);
      if (fields.seq !== walk.lastSeq + 1 || row.prev_hash !== walk.lastHash || row.hash !== expected) {
        return { ...walk, badSeq: fields.seq };
      }
      walk.lastSeq = fields.seq;
      walk.lastHash = row.hash;
    }
    if (rows.length < BATCH) return walk;
  }
}

/**
 * Checks every chain: the legacy chain from the genesis hash, every other chain from the legacy
 * chain's last hash; in each, seq must run 1, 2, 3, …, each prev_hash must be the previous hash and
 * each hash must be recomputable from its entry; and the chain's head row must name its last entry.
 * Someone able to drop the triggers, rewrite entries, recompute every following hash and move the
 * head goes unnoticed here: the signed anchors outside the database (use-cases/audit) catch that.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  const heads = new Map((await listAuditChainHeads(db)).map((h) => [h.chain, h]));
  const logged = await db.selectFrom('audit_log').select('chain').distinct().execute();
  const chains = [...new Set([...heads.keys(), ...logged.map((r) => r.chain)])].sort(
    (a, b) => Number(b === LEGACY_CHAIN) - Number(a === LEGACY_CHAIN) || (a < b ? -1 : a > b ? 1 : 0),
  );
  let genesis = GENESIS_HASH;
  let entries = 0;
  for (const chain of chains) {
    const walk = await walkChain(db, chain, chain === LEGACY_CHAIN ? GENESIS_HASH : genesis);
    entries += walk.entries;
    const fail = (seq: number, problem: AuditBreak['problem']): AuditVerification => ({
      ok: false,
      entries,
      chains: chains.indexOf(chain) + 1,
      firstBad: { chain, seq, problem },
    });
    if (walk.badSeq !== undefined) return fail(walk.badSeq, 'link');
    const head = heads.get(chain);
    if (!head) return fail(walk.lastSeq, 'head');
    if (head.lastSeq !== walk.lastSeq || head.lastHash !== walk.lastHash) return fail(head.lastSeq, 'head');
    if (chain === LEGACY_CHAIN) genesis = walk.lastHash;
  }
  return { ok: true, entries, chains: chains.length };
}
