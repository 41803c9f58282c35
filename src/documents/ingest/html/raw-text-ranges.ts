/**
 * Where the contents of <script> and <style> elements are, found in a page's bytes before it is
 * decoded, so that the reader neither decodes nor tokenizes what it never reads (a real agency page
 * is half scripts and styles). The walk follows htmlparser2 10.1's Tokenizer (in HTML mode) far
 * enough to know where a tag, comment or raw text ends, so that a "<script" inside a comment, an
 * attribute value or a <textarea> is not taken for a tag.
 *
 * Valid for ASCII-compatible encodings whose multi-byte characters never contain the bytes of
 * "<", ">", "/", quotes, "!" "?" "-" or white space (UTF-8, GBK/GB18030: their trail bytes are
 * 0x40 or above, or 0x30–0x39 in GB18030's four-byte form).
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;

/** The elements whose content the Tokenizer reads as raw text, ended by their own end tag only. */
const RAW_TEXT = ['script', 'style', 'title', 'textarea', 'xmp'] as const;
/** Of those, the ones the reader never reads (html-line-builder's SKIPPED). */
const OMITTED = new Set<string>(['script', 'style']);

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

/** The raw-text element named at bytes[at…] (name ended by white space, "/" or ">"), or null. */
function rawTextName(bytes: Uint8Array, at: number): string | null {
  for (const name of RAW_TEXT) {
    if (!spellsAt(bytes, at, name)) continue;
    const next = bytes[at + name.length];
    if (next === undefined || next === SLASH || next === GT || isWhitespace(next)) return name;
  }
  return null;
}

/**
 * Index just past the ">" that ends a start tag whose attributes begin at `at` (quoted values may
 * hold ">"), and whether it ended as "/>"; -1 when the page ends first.
 */
function endOfStartTag(bytes: Uint8Array, at: number): { end: number; selfClosing: boolean } {
  let i = at;
  const n = bytes.length;
  while (i < n) {
    const byte = bytes[i]!;
    if (byte === GT) return { end: i + 1, selfClosing: false };
    if (byte === SLASH) {
      // "/", white space and ">" close the tag as self-closing; "/" and anything else is ignored.
      i += 1;
      while (i < n && isWhitespace(bytes[i]!)) i += 1;
      if (bytes[i] === GT) return { end: i + 1, selfClosing: true };
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
      if (close === -1) return { end: -1, selfClosing: false };
      i = close + 1;
    } else {
      while (i < n && bytes[i] !== GT && !isWhitespace(bytes[i]!)) i += 1;
    }
  }
  return { end: -1, selfClosing: false };
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

/** The index after the sequence `end` found at or after `from`; -1 if none. */
function after(bytes: Uint8Array, end: string, from: number): number {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(end, from, 'latin1');
  return at === -1 ? -1 : at + end.length;
}

/**
 * The contents of the <script> and <style> elements of `bytes` (from `start`), as a flat list of
 * [begin, end) byte offsets in order: what lies between the start tag's ">" and the end tag's "<".
 * Stops at the first construct that runs to the end of the page (the Tokenizer would read the
 * rest as part of it).
 */
export function scriptAndStyleContents(bytes: Uint8Array, start = 0): number[] {
  const ranges: number[] = [];
  let at = bytes.indexOf(LT, start);
  while (at !== -1) {
    const next = bytes[at + 1];
    let resume: number;
    if (next === BANG) {
      // A comment ends at the first "-->" after "<!--"; a CDATA section at "]]>"; other
      // declarations (<!DOCTYPE …>) at the next ">".
      resume = spellsAt(bytes, at + 2, '--')
        ? after(bytes, '-->', at + 4)
        : bytes[at + 2] === 0x5b && isCdataStart(bytes, at + 3)
          ? after(bytes, ']]>', at + 9)
          : after(bytes, '>', at + 2);
    } else if (next === QUESTION || next === SLASH) {
      // A processing instruction, or an end tag (whose attributes the Tokenizer skips to ">").
      resume = after(bytes, '>', at + 2);
    } else if (next !== undefined && isAlpha(next)) {
      const name = rawTextName(bytes, at + 1);
      let nameEnd = at + 1;
      while (nameEnd < bytes.length) {
        const c = bytes[nameEnd]!;
        if (c === GT || c === SLASH || isWhitespace(c)) break;
        nameEnd += 1;
      }
      const tag = endOfStartTag(bytes, nameEnd);
      resume = tag.end;
      if (name !== null && !tag.selfClosing && tag.end !== -1) {
        const close = endTagOf(bytes, name, tag.end);
        if (close === -1) break;
        if (OMITTED.has(name) && close > tag.end) ranges.push(tag.end, close);
        resume = close;
      }
    } else {
      resume = at + 1;
    }
    if (resume === -1) break;
    at = bytes.indexOf(LT, resume);
  }
  return ranges;
}
