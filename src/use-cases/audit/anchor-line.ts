import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '../../store/audit/canonical-json.ts';

export const ANCHOR_FORMAT = 'gongkai-audit-anchor/1';

/** One chain's head as anchored. */
export interface AnchoredHead {
  chain: string;
  seq: number;
  hash: string;
}

/** What an anchor signs: every chain's head at `at`, linked to the previous anchor of the file. */
export interface AnchorPayload {
  format: typeof ANCHOR_FORMAT;
  at: string;
  /** SHA-256 of the previous line of the anchors file (hex), or 64 zeros for the first anchor. */
  prev: string;
  keyId: string;
  heads: AnchoredHead[];
}

export interface Anchor extends AnchorPayload {
  /** Ed25519 signature of the canonical JSON of the payload, base64. */
  signature: string;
}

/** SHA-256 of an anchors file line (without its line break), hex: the next anchor's `prev`. */
export function lineDigest(line: string): string {
  return createHash('sha256').update(line, 'utf8').digest('hex');
}

/** The signed anchor as one line of JSON (no line break). */
export function signAnchor(payload: AnchorPayload, privateKey: KeyObject): string {
  const signature = sign(null, Buffer.from(canonicalJson(payload), 'utf8'), privateKey).toString('base64');
  return canonicalJson({ ...payload, signature });
}

/** A line of the anchors file as read: the anchor, or why it cannot be one. */
export type ReadAnchorLine =
  | { lineNumber: number; line: string; anchor: Anchor }
  | { lineNumber: number; line: string; unreadable: string };

function isHead(value: unknown): value is AnchoredHead {
  const h = value as AnchoredHead;
  return (
    typeof h === 'object' &&
    h !== null &&
    typeof h.chain === 'string' &&
    Number.isSafeInteger(h.seq) &&
    h.seq >= 0 &&
    typeof h.hash === 'string'
  );
}

function parseAnchor(line: string): Anchor | string {
  let value: Partial<Anchor>;
  try {
    value = JSON.parse(line) as Partial<Anchor>;
  } catch {
    return '不是 JSON';
  }
  if (value === null || typeof value !== 'object' || value.format !== ANCHOR_FORMAT)
    return `格式不是 ${ANCHOR_FORMAT}`;
  const fields = [value.at, value.prev, value.keyId, value.signature];
  if (
    fields.some((f) => typeof f !== 'string') ||
    !Array.isArray(value.heads) ||
    !value.heads.every(isHead)
  ) {
    return '缺少字段或字段类型不对';
  }
  return value as Anchor;
}

/** The non-empty lines of an anchors file, each parsed. */
export function readAnchorLines(text: string): ReadAnchorLine[] {
  const out: ReadAnchorLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const parsed = parseAnchor(line);
    out.push(
      typeof parsed === 'string'
        ? { lineNumber: i + 1, line, unreadable: parsed }
        : { lineNumber: i + 1, line, anchor: parsed },
    );
  });
  return out;
}

/** Whether the anchor's signature is the key's over its payload. */
export function signatureHolds(anchor: Anchor, publicKey: KeyObject): boolean {
  const { signature, ...payload } = anchor;
  try {
    return verify(
      null,
      Buffer.from(canonicalJson(payload), 'utf8'),
      publicKey,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}
