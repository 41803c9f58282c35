import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { listAuditChainHeads } from '../../store/audit/audit.repository.ts';
import type { StoreDb } from '../../store/dialect.ts';
import type { AnchorSigningKey } from './anchor-key.ts';
import { ANCHOR_FORMAT, type Anchor, nextPrev, readAnchorLines, signAnchor } from './anchor-line.ts';

/** The anchors file's text, '' when it does not exist yet. */
export function readAnchorsFile(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/**
 * Signs every audit chain's head (chain, last seq, last hash) as of `now`, linked to the previous
 * anchor of `file`, and appends it to `file` as one JSON line (created with its folder if need
 * be; written with O_APPEND and flushed to disk). The heads are read in one statement, so they are
 * one consistent state of the database. Returns the anchor written.
 */
export async function writeAnchor(
  db: StoreDb,
  key: AnchorSigningKey,
  file: string,
  now: Date,
): Promise<Anchor> {
  const heads = await listAuditChainHeads(db);
  const text = readAnchorsFile(file);
  const line = signAnchor(
    {
      format: ANCHOR_FORMAT,
      at: now.toISOString(),
      prev: nextPrev(readAnchorLines(text)),
      keyId: key.keyId,
      heads: heads.map((h) => ({ chain: h.chain, seq: h.lastSeq, hash: h.lastHash })),
    },
    key.privateKey,
  );
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a', 0o644);
  try {
    // A last line cut short (a crash while writing) stays a line of its own, reported by verification.
    writeSync(fd, `${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return JSON.parse(line) as Anchor;
}

export const ANCHOR_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** The instant of the file's last readable anchor, or null. */
export function lastAnchorAt(file: string): Date | null {
  const lines = readAnchorLines(readAnchorsFile(file));
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const read = lines[i]!;
    if ('anchor' in read) return new Date(read.anchor.at);
  }
  return null;
}

/** Writes an anchor when the file has none from the last `intervalMs` (daily by default); else null. */
export async function writeAnchorIfDue(
  db: StoreDb,
  key: AnchorSigningKey,
  file: string,
  now: Date,
  intervalMs = ANCHOR_INTERVAL_MS,
): Promise<Anchor | null> {
  const last = lastAnchorAt(file);
  if (last && now.getTime() - last.getTime() < intervalMs) return null;
  return writeAnchor(db, key, file, now);
}
