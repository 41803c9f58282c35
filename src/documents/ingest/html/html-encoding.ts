import { Buffer, isUtf8 } from 'node:buffer';
import { unreadContents } from './unread-contents.ts';

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

export interface DecodeHtmlOptions {
  /**
   * Leave out the contents of the elements the reader never reads (scripts, styles, navigation…:
   * unreadContents), their line breaks kept so that line numbers stay those of the page: they are
   * most of a real page. Done only for UTF-8 and GB18030 text (unreadContents' encodings).
   */
  withoutUnreadContents?: boolean;
}

/**
 * Decodes HTML bytes: a BOM wins, then a charset declared in <meta charset> or
 * <meta http-equiv="Content-Type">, then UTF-8 if the bytes are valid UTF-8, else GB18030.
 * A page declared UTF-8 whose bytes are not valid UTF-8 is decoded as GB18030 (mislabelled
 * GBK pages are common on older government sites).
 */
export function decodeHtml(bytes: Uint8Array, options: DecodeHtmlOptions = {}): DecodedHtml {
  const omit = options.withoutUnreadContents === true;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeParts(bytes, 3, UTF8_WITH_DECODER, omit), encoding: 'utf-8', source: 'bom' };
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
    if (encoding === 'gb18030') {
      return { text: decodeParts(bytes, 0, GB18030, omit), encoding, source: 'meta' };
    }
    if (encoding !== null && encoding !== 'utf-8') {
      return { text: new TextDecoder(encoding).decode(bytes), encoding, source: 'meta' };
    }
    if (encoding === 'utf-8') {
      if (isUtf8(bytes)) return { text: decodeParts(bytes, 0, UTF8, omit), encoding, source: 'meta' };
      return { text: decodeParts(bytes, 0, GB18030, omit), encoding: 'gb18030', source: 'sniffed' };
    }
  }
  if (isUtf8(bytes)) return { text: decodeParts(bytes, 0, UTF8, omit), encoding: 'utf-8', source: 'sniffed' };
  return { text: decodeParts(bytes, 0, GB18030, omit), encoding: 'gb18030', source: 'sniffed' };
}

type Decode = (bytes: Uint8Array, start: number, end: number) => string;

/** Valid UTF-8 (checked natively first), decoded once. */
const UTF8: Decode = (bytes, start, end) => asBuffer(bytes).toString('utf8', start, end);
const utf8Decoder = new TextDecoder('utf-8');
/** UTF-8 after a BOM, not validated: malformed sequences become U+FFFD. */
const UTF8_WITH_DECODER: Decode = (bytes, start, end) => utf8Decoder.decode(bytes.subarray(start, end));
const gb18030Decoder = new TextDecoder('gb18030');
const GB18030: Decode = (bytes, start, end) => gb18030Decoder.decode(bytes.subarray(start, end));

/**
 * bytes[start…] decoded; with `omit`, the unread contents replaced by the line
 * feeds they hold. Each part starts and ends at an ASCII "<" or ">", never inside a character.
 */
function decodeParts(bytes: Uint8Array, start: number, decode: Decode, omit: boolean): string {
  const ranges = omit ? unreadContents(bytes, start) : [];
  if (ranges.length === 0) return decode(bytes, start, bytes.length);
  const parts: string[] = [];
  let from = start;
  for (let i = 0; i < ranges.length; i += 2) {
    const begin = ranges[i]!;
    const end = ranges[i + 1]!;
    parts.push(decode(bytes, from, begin), lineFeeds(bytes, begin, end));
    from = end;
  }
  parts.push(decode(bytes, from, bytes.length));
  return parts.join('');
}

/** As many "\n" as bytes[begin, end) holds (0x0A is never part of a UTF-8 or GB18030 character). */
function lineFeeds(bytes: Uint8Array, begin: number, end: number): string {
  let count = 0;
  for (let at = bytes.indexOf(0x0a, begin); at !== -1 && at < end; at = bytes.indexOf(0x0a, at + 1))
    count += 1;
  return '\n'.repeat(count);
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

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
