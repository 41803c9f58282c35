import type { KeyObject } from 'node:crypto';
import { getAuditEntry, lastAuditSeq } from '../../store/audit/audit.repository.ts';
import { GENESIS_HASH } from '../../store/audit/audit-hash.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { keyIdOf } from './anchor-key.ts';
import { lineDigest, readAnchorLines, signatureHolds } from './anchor-line.ts';

/** Something the anchors show to be wrong, with the line of the anchors file it comes from. */
export type AnchorFinding =
  | { kind: 'unreadable'; lineNumber: number; reason: string }
  /** The line's signature is not the key's: forged or altered (`keyId` is the one the line claims). */
  | { kind: 'bad-signature'; lineNumber: number; at: string; keyId: string }
  /** The line does not link to the line before it: anchors removed, inserted or reordered. */
  | { kind: 'broken-link'; lineNumber: number; at: string }
  /** The entry the anchor names has another hash now: it or an earlier entry of its chain was rewritten. */
  | { kind: 'rewritten'; lineNumber: number; at: string; chain: string; seq: number }
  /** The entry the anchor names no longer exists: the chain now ends at `lastSeq`. */
  | { kind: 'truncated'; lineNumber: number; at: string; chain: string; seq: number; lastSeq: number };

export interface AnchorCheck {
  /** Lines of the file. */
  anchors: number;
  /** Lines whose signature holds. */
  signed: number;
  /** Instant of the newest anchor whose signature holds. */
  latestAt: string | null;
  /** Chains whose anchored head was compared with the database. */
  chains: number;
  findings: AnchorFinding[];
}

interface Anchored {
  seq: number;
  hash: string;
  at: string;
  lineNumber: number;
}

/**
 * Checks the anchors file (its text) against `publicKey` and the database: every line must be a
 * signed anchor linked to the line before it, and for each chain the newest anchored entry must
 * still exist with the anchored hash. An anchored hash pins every entry up to it (each hash covers
 * the one before), so rewriting any of them — even with every following hash recomputed — or
 * deleting the newest entries shows here. Lines that fail their signature are not believed.
 */
export async function checkAuditAnchors(
  db: StoreDb,
  text: string,
  publicKey: KeyObject,
): Promise<AnchorCheck> {
  const findings: AnchorFinding[] = [];
  const newest = new Map<string, Anchored>();
  const keyId = keyIdOf(publicKey);
  const lines = readAnchorLines(text);
  let expectedPrev = GENESIS_HASH;
  let signed = 0;
  let latestAt: string | null = null;
  for (const read of lines) {
    const { lineNumber } = read;
    if ('unreadable' in read) {
      findings.push({ kind: 'unreadable', lineNumber, reason: read.unreadable });
    } else {
      const { anchor } = read;
      if (anchor.keyId !== keyId || !signatureHolds(anchor, publicKey)) {
        findings.push({ kind: 'bad-signature', lineNumber, at: anchor.at, keyId: anchor.keyId });
      } else {
        if (anchor.prev !== expectedPrev) findings.push({ kind: 'broken-link', lineNumber, at: anchor.at });
        signed += 1;
        latestAt = anchor.at;
        for (const h of anchor.heads)
          newest.set(h.chain, { seq: h.seq, hash: h.hash, at: anchor.at, lineNumber });
      }
    }
    expectedPrev = lineDigest(read.line);
  }
  let chains = 0;
  for (const [chain, anchored] of [...newest].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (anchored.seq === 0) continue;
    chains += 1;
    const entry = await getAuditEntry(db, chain, anchored.seq);
    const where = { lineNumber: anchored.lineNumber, at: anchored.at, chain, seq: anchored.seq };
    if (!entry) findings.push({ kind: 'truncated', ...where, lastSeq: await lastAuditSeq(db, chain) });
    else if (entry.hash !== anchored.hash) findings.push({ kind: 'rewritten', ...where });
  }
  return { anchors: lines.length, signed, latestAt, chains, findings };
}
