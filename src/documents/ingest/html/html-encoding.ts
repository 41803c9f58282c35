import { Buffer, isUtf8 } from 'node:buffer';

/** The legacy Chinese labels all decode as GB18030, a superset of GB2312 and GBK. */
const GB_LABELS = new Set([
  'gbk',
  'gb2312',
  'gb_2312',
  'gb_2312-80',
  'gb18030',
  'x-gbk',
  'cp936',
  'windows-936',
  'euc-cn',
  'csgb2312',
  'chinese',
]);

/** How many leading bytes are searched for a declared charset (real pages put long <head>s first). */
const PRESCAN_BYTES = 16_384;

export type HtmlEncodingSource = 'bom' | 'meta' | 'sniffed';

export interface DecodedHtml {
  text: string;
  /** WHATWG encoding name actually used. */
  encoding: string;
  source: HtmlEncodingSource;
}

/**
 * Decodes HTML bytes: a BOM wins, then a charset declared in <meta charset> or
 * <meta http-equiv="Content-Type">, then UTF-8 if the bytes are valid UTF-8, else GB18030.
 * A page declared UTF-8 whose bytes are not valid UTF-8 is decoded as GB18030 (mislabelled
 * GBK pages are common on older government sites).
 */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', source: 'bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      source: 'bom',
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      source: 'bom',
    };
  }
  const declared = declaredCharset(bytes);
  if (declared !== null) {
    const encoding = encodingFor(declared);
    if (encoding !== null && encoding !== 'utf-8') {
      return { text: new TextDecoder(encoding).decode(bytes), encoding, source: 'meta' };
    }
    if (encoding === 'utf-8') {
      const strict = tryUtf8(bytes);
      if (strict !== null) return { text: strict, encoding, source: 'meta' };
      return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', source: 'sniffed' };
    }
  }
  const strict = tryUtf8(bytes);
  if (strict !== null) return { text: strict, encoding: 'utf-8', source: 'sniffed' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', source: 'sniffed' };
}

/** The charset label declared by the first <meta> that declares one, lower-cased; null when none. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // latin1 maps every byte to one code unit, so ASCII markup is readable whatever the encoding.
  const head = asBuffer(bytes).toString('latin1', 0, Math.min(bytes.byteLength, PRESCAN_BYTES));
  const metaTag = /<meta\b[^>]*>/gi;
  for (const match of head.matchAll(metaTag)) {
    const charset = /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(match[0]);
    if (charset?.[1]) return charset[1].toLowerCase();
  }
  return null;
}

/** Maps a declared label to a name TextDecoder accepts; null for labels it does not know. */
function encodingFor(label: string): string | null {
  if (GB_LABELS.has(label)) return 'gb18030';
  if (label === 'utf8' || label === 'utf-8' || label === 'unicode-1-1-utf-8') return 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** The text of valid UTF-8 bytes, null for anything else (validated natively before decoding once). */
function tryUtf8(bytes: Uint8Array): string | null {
  return isUtf8(bytes) ? asBuffer(bytes).toString('utf8') : null;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
