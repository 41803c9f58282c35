import { Buffer } from 'node:buffer';
import { INGEST_LIMITS, markupDepthExceeded, markupElementsExceeded } from '../source-document.ts';
import { type BufferSlices, elementOfLast, nameAt } from './xml-names.ts';

/** Attributes of the element just opened, read only when asked for (most never are). */
export interface XmlAttributes {
  /** The value of an attribute by its qualified name ("w:val"), entities decoded; undefined when absent. */
  get(name: string): string | undefined;
}

/** Character data between two tags, decoded only when asked for (most of a DOCX is never read). */
export interface XmlText {
  read(): string;
}

/**
 * What a reader of the scanner's events implements. Only the elements it names are reported:
 * the others cost it nothing (text inside them is still reported).
 */
export interface XmlHandler {
  /**
   * The elements reported, by local name (without the namespace prefix: "w:p" → "p", case
   * kept), each with the number > 0 that open, skipContent and close are given for it.
   */
  elements: ReadonlyMap<string, number>;
  open(element: number, attributes: XmlAttributes): void;
  /**
   * Asked after open: true skips the element's content, no events until its end tag (the
   * first one of that name: see endOfElement), then close. For subtrees known to hold
   * nothing the reader uses (a run's formatting), so they are not even tokenized.
   */
  skipContent?(element: number): boolean;
  close(element: number): void;
  text(text: XmlText): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_whole, hex: string | undefined, decimal: string | undefined, named) => {
    if (named) return NAMED[named as string]!;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x09 || byte === 0x0d || byte === 0x0c;
}

/**
 * A streaming scanner for the XML parts of office files: elements, attributes and text of UTF-8
 * bytes, with the events of a SAX parser in XML mode (htmlparser2's `xmlMode`, which it replaces
 * for speed). It never builds a tree and never decodes what the handler does not ask for: tag
 * names are interned, elements the handler does not name cost no call, text and attribute values
 * are decoded on demand.
 *
 * Same events as htmlparser2 in XML mode (for the elements named), also on malformed input:
 * `<x/>` opens and closes; a
 * closing tag closes every element opened after its match (inner first) and is ignored when
 * nothing matches; whatever is open at the end is closed. Comments, processing instructions and
 * declarations are skipped; CDATA is text (not entity-decoded). The five XML entities and numeric
 * references are decoded in text and attribute values; other references are kept as printed.
 *
 * Throws ReadBudgetExceeded (DOCUMENT_REFUSED) past INGEST_LIMITS.maxMarkupElements start tags or
 * INGEST_LIMITS.maxMarkupDepth open elements.
 */
export function scanXml(bytes: Uint8Array, handler: XmlHandler): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const slices = buf as unknown as BufferSlices;
  const length = buf.length;
  const { elements } = handler;
  /** Open elements, innermost last: qualified names, and the handler's numbers alongside (0: not reported). */
  const stack: string[] = [];
  const ids: number[] = [];
  /** Where each open element's name starts in the bytes: its end tag is compared with it there. */
  const starts: number[] = [];
  const pop = (): void => {
    stack.pop();
    starts.pop();
    const id = ids.pop()!;
    if (id !== 0) handler.close(id);
  };
  let textStart = 0;
  let textEnd = 0;
  let textIsCdata = false;
  const text: XmlText = {
    read: () => {
      const raw = slices.utf8Slice(textStart, textEnd);
      return textIsCdata ? raw : decodeEntities(raw);
    },
  };
  let attributesStart = 0;
  let attributesEnd = 0;
  const attributes: XmlAttributes = {
    get: (name) => attributeValue(buf, attributesStart, attributesEnd, name),
  };
  const emitText = (start: number, end: number, cdata: boolean): void => {
    if (end <= start) return;
    textStart = start;
    textEnd = end;
    textIsCdata = cdata;
    handler.text(text);
  };
  const closeTo = (name: string): void => {
    const at = stack.lastIndexOf(name);
    if (at === -1) return;
    while (stack.length > at) pop();
  };

  const maxElements = INGEST_LIMITS.maxMarkupElements;
  const maxDepth = INGEST_LIMITS.maxMarkupDepth;
  let elementCount = 0;
  let pos = 0;
  while (pos < length) {
    // Markup is dense: a loop finds the next "<" sooner than a call into native code.
    let lt = pos;
    while (lt < length && buf[lt] !== LT) lt += 1;
    if (lt === length) {
      emitText(pos, length, false);
      break;
    }
    emitText(pos, lt, false);
    const next = buf[lt + 1];
    if (next === BANG) {
      if (startsWith(buf, lt, '<!--')) {
        const end = buf.indexOf('-->', lt + 4, 'latin1');
        pos = end === -1 ? length : end + 3;
      } else if (startsWith(buf, lt, '<![CDATA[')) {
        const end = buf.indexOf(']]>', lt + 9, 'latin1');
        emitText(lt + 9, end === -1 ? length : end, true);
        pos = end === -1 ? length : end + 3;
      } else {
        const end = buf.indexOf(GT, lt + 2);
        pos = end === -1 ? length : end + 1;
      }
      continue;
    }
    if (next === QUESTION) {
      const end = buf.indexOf('?>', lt + 2, 'latin1');
      pos = end === -1 ? length : end + 2;
      continue;
    }
    if (next === SLASH) {
      // Well-formed XML closes the innermost element: its name's bytes are compared in place.
      const top = stack.length - 1;
      if (top >= 0) {
        const nameLength = stack[top]!.length;
        const from = starts[top]!;
        const at = lt + 2;
        let same = buf[at + nameLength] === GT;
        for (let i = 0; i < nameLength && same; i += 1) same = buf[at + i] === buf[from + i];
        if (same) {
          pop();
          pos = at + nameLength + 1;
          continue;
        }
      }
      let nameEnd = lt + 2;
      let hash = 0;
      while (nameEnd < length) {
        const byte = buf[nameEnd]!;
        if (byte === GT || isSpace(byte)) break;
        hash = (Math.imul(hash, 31) + byte) | 0;
        nameEnd += 1;
      }
      let gt = nameEnd;
      while (gt < length && buf[gt] !== GT) gt += 1;
      if (gt === length) break;
      const name = nameAt(buf, lt + 2, nameEnd, hash);
      if (stack[stack.length - 1] === name) pop();
      else closeTo(name);
      pos = gt + 1;
      continue;
    }
    if (next === undefined || isSpace(next) || next === GT) {
      // A "<" that starts no tag is text (never in well-formed XML).
      emitText(lt, lt + 1, false);
      pos = lt + 1;
      continue;
    }
    let nameEnd = lt + 1;
    let hash = 0;
    while (nameEnd < length) {
      const byte = buf[nameEnd]!;
      if (isSpace(byte) || byte === SLASH || byte === GT) break;
      hash = (Math.imul(hash, 31) + byte) | 0;
      nameEnd += 1;
    }
    const gt = buf[nameEnd] === GT ? nameEnd : tagEnd(buf, nameEnd);
    if (gt === -1) break;
    // Budgets: every element and every open one costs the handler memory (a part of millions of
    // tiny or nested elements is refused here, not by the reader's memory cap).
    elementCount += 1;
    if (elementCount > maxElements) throw markupElementsExceeded('DOCX');
    if (stack.length >= maxDepth) throw markupDepthExceeded('DOCX');
    const selfClosing = buf[gt - 1] === SLASH && gt - 1 >= nameEnd;
    const name = nameAt(buf, lt + 1, nameEnd, hash);
    attributesStart = nameEnd;
    attributesEnd = selfClosing ? gt - 1 : gt;
    const id = elementOfLast(elements);
    pos = gt + 1;
    if (id === 0) {
      if (!selfClosing) {
        stack.push(name);
        ids.push(0);
        starts.push(lt + 1);
      }
      continue;
    }
    handler.open(id, attributes);
    // Closing the element just opened is not a pop: it was never pushed.
    if (selfClosing) handler.close(id);
    else if (handler.skipContent?.(id)) {
      pos = endOfElement(buf, name, pos);
      handler.close(id);
    } else {
      stack.push(name);
      ids.push(id);
      starts.push(lt + 1);
    }
  }
  while (stack.length > 0) pop();
}

const endTags = new Map<string, Buffer>();
const MAX_END_TAGS = 4_096;

/**
 * Offset just past the end tag of an element `name` whose content starts at `from`; the end of
 * the bytes when it is never closed. Not a parse: comments, CDATA and nested elements of the
 * same name are not recognised inside (the formatting subtrees skipped never hold them, and a
 * malformed one only ends early, its remainder read as ordinary markup).
 */
function endOfElement(buf: Buffer, name: string, from: number): number {
  let end = endTags.get(name);
  if (end === undefined) {
    end = Buffer.from(`</${name}`, 'latin1');
    if (endTags.size >= MAX_END_TAGS) endTags.clear();
    endTags.set(name, end);
  }
  let at = from;
  for (;;) {
    const close = buf.indexOf(end, at);
    if (close === -1) return buf.length;
    at = close + end.length;
    if (!endsName(buf, at)) continue;
    const gt = buf.indexOf(GT, at);
    return gt === -1 ? buf.length : gt + 1;
  }
}

/** Whether the byte at `at` ends a tag name (so "<w:rPr" is not "<w:rPrChange"). */
function endsName(buf: Buffer, at: number): boolean {
  const byte = buf[at];
  return byte === GT || byte === SLASH || (byte !== undefined && isSpace(byte));
}

function startsWith(buf: Buffer, at: number, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i += 1) if (buf[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Offset of the ">" ending a start tag whose attributes begin at `from` (quoted values may hold ">"); -1 if none. */
function tagEnd(buf: Buffer, from: number): number {
  let at = from;
  const length = buf.length;
  // Attribute values are short: a loop finds their closing quote sooner than a native call.
  let quote = 0;
  while (at < length) {
    const byte = buf[at]!;
    if (quote !== 0) {
      if (byte === quote) quote = 0;
    } else if (byte === GT) {
      return at;
    } else if (byte === DOUBLE_QUOTE || byte === SINGLE_QUOTE) {
      quote = byte;
    }
    at += 1;
  }
  return -1;
}

/** Value of attribute `name` among the attribute bytes [start, end); undefined when absent. */
function attributeValue(buf: Buffer, start: number, end: number, name: string): string | undefined {
  let at = start;
  while (at < end) {
    while (at < end && isSpace(buf[at]!)) at += 1;
    const nameStart = at;
    while (at < end && buf[at] !== 0x3d && !isSpace(buf[at]!)) at += 1;
    const nameEnd = at;
    while (at < end && isSpace(buf[at]!)) at += 1;
    if (buf[at] !== 0x3d) {
      // An attribute without a value ("<x a>"): htmlparser2 gives it the empty string.
      if (nameEnd > nameStart && sameName(buf, nameStart, nameEnd, name)) return '';
      if (at === nameEnd) at += 1;
      continue;
    }
    at += 1;
    while (at < end && isSpace(buf[at]!)) at += 1;
    const quote = buf[at];
    let valueStart: number;
    let valueEnd: number;
    if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
      valueStart = at + 1;
      const close = buf.indexOf(quote, valueStart);
      valueEnd = close === -1 || close > end ? end : close;
      at = valueEnd + 1;
    } else {
      valueStart = at;
      while (at < end && !isSpace(buf[at]!)) at += 1;
      valueEnd = at;
    }
    if (sameName(buf, nameStart, nameEnd, name)) {
      const raw = (buf as unknown as BufferSlices).utf8Slice(valueStart, valueEnd);
      return raw.includes('&') ? decodeEntities(raw) : raw;
    }
  }
  return undefined;
}

function sameName(buf: Buffer, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i += 1) if (buf[start + i] !== name.charCodeAt(i)) return false;
  return true;
}
