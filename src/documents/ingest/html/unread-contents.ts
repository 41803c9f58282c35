import { OPEN_IMPLIES_CLOSE, VOID_ELEMENTS } from './html-events.ts';
import { SKIPPED } from './html-line-builder.ts';

/**
 * Where the contents of elements the reader never reads are (scripts, styles, navigation, form
 * controls, embedded objects: html-line-builder's SKIPPED), found in a page's bytes before it is
 * decoded, so that the reader neither decodes nor tokenizes them (they are most of a real agency
 * page). The walk follows htmlparser2 10.1's Tokenizer (in HTML mode) far enough to know where a
 * tag, comment or raw text ends, so that a "<script" inside a comment, an attribute value or a
 * <textarea> is not taken for a tag; and it follows scanHtml's open elements inside an element,
 * so that an element is left out only when its end tag is where scanHtml closes it and nothing
 * inside closes anything outside it (otherwise it is left in, to be read as before).
 *
 * Valid for ASCII-compatible encodings whose multi-byte characters never contain the bytes of
 * "<", ">", "/", quotes, "!" "?" "-" "=" or white space (UTF-8, GBK/GB18030: their trail bytes
 * are 0x40 or above, or 0x30–0x39 in GB18030's four-byte form).
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;

/** The elements whose content the Tokenizer reads as raw text, ended by their own end tag only. */
const RAW_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
/**
 * The elements left out: all the reader skips but <head>, whose <meta> tags are read (its scripts
 * and styles are left out one by one).
 */
const OMITTED = new Set<string>([...SKIPPED].filter((name) => name !== 'head'));

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x09 || byte === 0x0c || byte === 0x0d;
}

function isAlpha(byte: number): boolean {
  return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a);
}

/** Whether bytes[at…] spell `word` (lower-case ASCII), ignoring ASCII case. */
function spellsAt(bytes: Uint8Array, at: number, word: string): boolean {
  if (at + word.length > bytes.length) return false;
  for (let i = 0; i < word.length; i += 1) if ((bytes[at + i]! | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

/** Whether the start tag endOfStartTag last found ended as "/>" (set by each call). */
let endedSelfClosing = false;

/**
 * Index just past the ">" that ends a start tag whose attributes begin at `at` (quoted values may
 * hold ">"), -1 when the page ends first; whether it ended as "/>" is left in endedSelfClosing
 * (a number and a flag rather than an object: this runs for every tag of the page).
 */
function endOfStartTag(bytes: Uint8Array, at: number): number {
  endedSelfClosing = false;
  let i = at;
  const n = bytes.length;
  while (i < n) {
    const byte = bytes[i]!;
    if (byte === GT) return i + 1;
    if (byte === SLASH) {
      // "/", white space and ">" close the tag as self-closing; "/" and anything else is ignored.
      i += 1;
      while (i < n && isWhitespace(bytes[i]!)) i += 1;
      if (bytes[i] === GT) {
        endedSelfClosing = true;
        return i + 1;
      }
      continue;
    }
    if (isWhitespace(byte)) {
      i += 1;
      continue;
    }
    // An attribute name, up to white space, "/", ">" or "=".
    while (i < n) {
      const c = bytes[i]!;
      if (c === GT || c === SLASH || c === EQUALS || isWhitespace(c)) break;
      i += 1;
    }
    while (i < n && isWhitespace(bytes[i]!)) i += 1;
    if (bytes[i] !== EQUALS) continue;
    i += 1;
    while (i < n && isWhitespace(bytes[i]!)) i += 1;
    const quote = bytes[i];
    if (quote === 0x22 || quote === 0x27) {
      const close = bytes.indexOf(quote, i + 1);
      if (close === -1) return -1;
      i = close + 1;
    } else {
      while (i < n && bytes[i] !== GT && !isWhitespace(bytes[i]!)) i += 1;
    }
  }
  return -1;
}

/** Index of the "<" of the end tag `</name` (followed by white space or ">") at or after `from`; -1 if none. */
function endTagOf(bytes: Uint8Array, name: string, from: number): number {
  for (let at = bytes.indexOf(LT, from); at !== -1; at = bytes.indexOf(LT, at + 1)) {
    if (bytes[at + 1] !== SLASH || !spellsAt(bytes, at + 2, name)) continue;
    const next = bytes[at + 2 + name.length];
    if (next === GT || (next !== undefined && isWhitespace(next))) return at;
  }
  return -1;
}

/** Whether bytes[at…] spell "CDATA[" (upper case only, as the Tokenizer wants it). */
function isCdataStart(bytes: Uint8Array, at: number): boolean {
  const word = 'CDATA[';
  for (let i = 0; i < word.length; i += 1) if (bytes[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** The index after the next ">" at or after `from`; -1 if none. */
function afterGt(bytes: Uint8Array, from: number): number {
  const at = bytes.indexOf(GT, from);
  return at === -1 ? -1 : at + 1;
}

/** The index after the sequence `end` found at or after `from`; -1 if none. */
function after(bytes: Uint8Array, end: string, from: number): number {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(end, from, 'latin1');
  return at === -1 ? -1 : at + end.length;
}

/**
 * The contents of the elements the reader never reads (OMITTED) in `bytes` (from `start`), as a
 * flat list of [begin, end) byte offsets in order: what lies between the start tag's ">" and the
 * end tag's "<". Stops at the first construct that runs to the end of the page (the Tokenizer
 * would read the rest as part of it).
 */
export function unreadContents(bytes: Uint8Array, start = 0): number[] {
  const ranges: number[] = [];
  let at = bytes.indexOf(LT, start);
  while (at !== -1) {
    const token = readToken(bytes, at);
    if (token === null) break;
    let resume = token.end;
    if (token.kind === 'open' && token.rawTextEnd !== -1) {
      if (OMITTED.has(token.name) && token.rawTextEnd > token.end) ranges.push(token.end, token.rawTextEnd);
      resume = token.rawTextEnd;
    } else if (token.kind === 'open' && !token.selfClosing && OMITTED.has(token.name)) {
      const close = balancedEnd(bytes, token.name, token.end);
      if (close > token.end) {
        ranges.push(token.end, close);
        resume = close;
      }
    }
    at = bytes.indexOf(LT, resume);
  }
  return ranges;
}

type Token =
  /** `rawTextEnd`: the "<" of a raw-text element's end tag (-1 for other elements). */
  | { kind: 'open'; name: string; end: number; selfClosing: boolean; rawTextEnd: number }
  | { kind: 'close'; name: string; end: number }
  | { kind: 'other'; end: number };

/**
 * The construct starting at the "<" at `at`, and the index after it (for a raw-text element, after
 * its start tag); null when it runs to the end of the page. Names are ASCII-lower-cased; a name
 * with other characters is '' (scanHtml lower-cases those differently: never matched here).
 */
function readToken(bytes: Uint8Array, at: number): Token | null {
  const next = bytes[at + 1];
  let end: number;
  if (next === BANG) {
    // A comment ends at the first "-->" after "<!--"; a CDATA section at "]]>"; other
    // declarations (<!DOCTYPE …>) at the next ">".
    end = spellsAt(bytes, at + 2, '--')
      ? after(bytes, '-->', at + 4)
      : bytes[at + 2] === 0x5b && isCdataStart(bytes, at + 3)
        ? after(bytes, ']]>', at + 9)
        : afterGt(bytes, at + 2);
    return end === -1 ? null : { kind: 'other', end };
  }
  if (next === QUESTION) {
    end = afterGt(bytes, at + 2);
    return end === -1 ? null : { kind: 'other', end };
  }
  if (next === SLASH) {
    // An end tag; its attributes (if any) are skipped to ">" by the Tokenizer.
    end = afterGt(bytes, at + 2);
    if (end === -1) return null;
    const first = bytes[at + 2];
    if (first === undefined || !isAlpha(first)) return { kind: 'other', end };
    return { kind: 'close', name: nameAt(bytes, at + 2), end };
  }
  if (next === undefined || !isAlpha(next)) return { kind: 'other', end: at + 1 };
  const name = nameAt(bytes, at + 1);
  let nameEnd = at + 1;
  while (nameEnd < bytes.length) {
    const c = bytes[nameEnd]!;
    if (c === GT || c === SLASH || isWhitespace(c)) break;
    nameEnd += 1;
  }
  end = endOfStartTag(bytes, nameEnd);
  if (end === -1) return null;
  const selfClosing = endedSelfClosing;
  let rawTextEnd = -1;
  if (!selfClosing && RAW_TEXT.has(name)) {
    rawTextEnd = endTagOf(bytes, name, end);
    if (rawTextEnd === -1) return null;
  }
  return { kind: 'open', name, end, selfClosing, rawTextEnd };
}

/**
 * Tag names already seen, in a direct-mapped table by a hash of their lower-cased bytes: a page
 * repeats a few dozen names thousands of times, and one found here is compared in place rather
 * than built again character by character.
 */
const NAME_SLOTS = 256;
const knownNames: string[] = new Array(NAME_SLOTS).fill('');

function lowerByte(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/** The tag name at bytes[at…], ASCII-lower-cased; '' when it holds a non-ASCII byte. */
function nameAt(bytes: Uint8Array, at: number): string {
  let end = at;
  let hash = 0;
  for (; end < bytes.length; end += 1) {
    const c = bytes[end]!;
    if (c === GT || c === SLASH || isWhitespace(c)) break;
    if (c >= 0x80) return '';
    hash = (Math.imul(hash, 31) + lowerByte(c)) | 0;
  }
  const length = end - at;
  const slot = (hash + length) & (NAME_SLOTS - 1);
  const known = knownNames[slot]!;
  if (known.length === length) {
    let same = true;
    for (let i = 0; i < length && same; i += 1) same = lowerByte(bytes[at + i]!) === known.charCodeAt(i);
    if (same) return known;
  }
  let name = '';
  for (let i = at; i < end; i += 1) name += String.fromCharCode(lowerByte(bytes[i]!));
  knownNames[slot] = name;
  return name;
}

/**
 * The "<" of the end tag that closes the element `name` whose content starts at `from`, when
 * scanHtml would close it there and nothing between affects an element outside it; -1 otherwise
 * (an end tag of an element opened outside, a start tag that would close the element itself, the
 * page ending first).
 */
function balancedEnd(bytes: Uint8Array, name: string, from: number): number {
  const open: string[] = [];
  let at = bytes.indexOf(LT, from);
  while (at !== -1) {
    const token = readToken(bytes, at);
    if (token === null) return -1;
    let resume = token.end;
    if (token.kind === 'open') {
      if (token.name === '') return -1;
      const impliesClose = OPEN_IMPLIES_CLOSE.get(token.name);
      if (impliesClose) {
        while (open.length > 0 && impliesClose.has(open[open.length - 1]!)) open.pop();
        if (open.length === 0 && impliesClose.has(name)) return -1;
      }
      // A raw-text element is closed by its own end tag, a self-closing one at once.
      if (token.rawTextEnd !== -1) {
        resume = afterGt(bytes, token.rawTextEnd);
        if (resume === -1) return -1;
      } else if (!token.selfClosing && !VOID_ELEMENTS.has(token.name)) open.push(token.name);
    } else if (token.kind === 'close' && !VOID_ELEMENTS.has(token.name)) {
      const inside = open.lastIndexOf(token.name);
      if (inside !== -1) open.length = inside;
      else if (token.name === name) return at;
      // It closes (or, for </p>, opens) something outside: read this element as before.
      else return -1;
    }
    // Other end tags of void elements open and close nothing (</br> is read as a <br>).
    at = bytes.indexOf(LT, resume);
  }
  return -1;
}
