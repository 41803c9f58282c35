import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { listAuditChainHeads } from '../../store/audit/audit.repository.ts';
import { GENESIS_HASH } from '../../store/audit/audit-hash.ts';
import type { StoreDb } from '../../store/dialect.ts';
import type { AnchorSigningKey } from './anchor-key.ts';
import { ANCHOR_FORMAT, type Anchor, lineDigest, readAnchorLines, signAnchor } from './anchor-line.ts';

/** The anchors file's text, '' when it does not exist yet. */
export function readAnchorsFile(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/**
 * The file's last line (without its line break), or '' for an empty or absent file, read from the
 * end: an anchor lists every chain, so the file grows by a few hundred kilobytes a day at a
 * province's scale, and writing one should not read a year of them. `endsWithNewline` is false
 * when the last line was cut short (a crash while writing).
 */
export function lastLineOf(file: string): { line: string; endsWithNewline: boolean } {
  if (!existsSync(file)) return { line: '', endsWithNewline: true };
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const chunks: Buffer[] = [];
    let end = size;
    let text = '';
    while (end > 0) {
      const start = Math.max(0, end - 65_536);
      const chunk = Buffer.alloc(end - start);
      readSync(fd, chunk, 0, chunk.length, start);
      chunks.unshift(chunk);
      end = start;
      text = Buffer.concat(chunks).toString('utf8');
      // A line break before the last line's content: the whole last line is in `text`.
      if (/\n[^\n]*\S[^\n]*\n?$/.test(text) || end === 0) break;
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    return { line: lines.at(-1) ?? '', endsWithNewline: size === 0 || text.endsWith('\n') };
  } finally {
    closeSync(fd);
  }
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
  const last = lastLineOf(file);
  const line = signAnchor(
    {
      format: ANCHOR_FORMAT,
      at: now.toISOString(),
      prev: last.line === '' ? GENESIS_HASH : lineDigest(last.line),
      keyId: key.keyId,
      heads: heads.map((h) => ({ chain: h.chain, seq: h.lastSeq, hash: h.lastHash })),
    },
    key.privateKey,
  );
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a', 0o644);
  try {
    // A last line cut short (a crash while writing) stays a line of its own, reported by verification.
    writeSync(fd, `${last.endsWithNewline ? '' : '\n'}${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return JSON.parse(line) as Anchor;
}

export const ANCHOR_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** The instant of the file's last anchor, or null (none, or a last line that is not one). */
export function lastAnchorAt(file: string): Date | null {
  const [read] = readAnchorLines(lastLineOf(file).line);
  return read && 'anchor' in read ? new Date(read.anchor.at) : null;
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
