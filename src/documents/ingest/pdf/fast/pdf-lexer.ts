import { CLASS, hexDigit, latin1 } from './pdf-bytes.ts';
import { readPlainIntegers } from './pdf-integer-array.ts';
import { intern, PdfDict, PdfName, type PdfObject, PdfOperator, PdfRef, unsupported } from './pdf-objects.ts';
import { MAX_DEPTH, skipComposite } from './pdf-skip.ts';

export const ARRAY_START = PdfOperator.keyword('[');
export const ARRAY_END = PdfOperator.keyword(']');
export const DICT_START = PdfOperator.keyword('<<');
export const DICT_END = PdfOperator.keyword('>>');
const TRUE = PdfOperator.keyword('true');
const FALSE = PdfOperator.keyword('false');
const NULL = PdfOperator.keyword('null');

/**
 * Dictionary entries of file objects that text extraction does not read, skipped by their bytes
 * and parsed only if asked for: a Type 3 font's glyph programs (CharProcs) and an encoding's
 * Differences. Chromium writes one Type 3 font per run of glyphs, each with ~200 of both.
 */
const DEFERRED_KEYS = new Set(['CharProcs', 'Differences']);

/** Names of up to six bytes, by their length and bytes. */
const SHORT_NAMES = new Map<number, PdfName>();
/** Keywords of up to three bytes, by their length and bytes. */
const SHORT_KEYWORDS = new Map<number, PdfOperator>();

/** A token: a value, a delimiter or keyword (PdfOperator), or undefined at the end of the data. */
export type Token = number | string | PdfName | PdfOperator | undefined;

/** Tokenizes PDF syntax (objects and content streams) straight from the bytes. */
export class PdfLexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  skipSpace(): void {
    const { bytes, end } = this;
    let pos = this.pos;
    while (pos < end) {
      const b = bytes[pos]!;
      if (CLASS[b] === 1) pos += 1;
      else if (b === 0x25) {
        while (pos < end && bytes[pos] !== 0x0a && bytes[pos] !== 0x0d) pos += 1;
      } else break;
    }
    this.pos = pos;
  }

  next(): Token {
    this.skipSpace();
    const { bytes, end } = this;
    if (this.pos >= end) return undefined;
    const b = bytes[this.pos]!;
    if ((b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2b || b === 0x2e) return this.number();
    switch (b) {
      case 0x2f:
        return this.name();
      case 0x28:
        return this.literalString();
      case 0x3c:
        if (bytes[this.pos + 1] === 0x3c) {
          this.pos += 2;
          return DICT_START;
        }
        return this.hexString();
      case 0x3e:
        if (bytes[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return DICT_END;
        }
        unsupported('stray >');
        break;
      case 0x5b:
        this.pos += 1;
        return ARRAY_START;
      case 0x5d:
        this.pos += 1;
        return ARRAY_END;
      case 0x7b:
      case 0x7d:
      case 0x29:
        unsupported('unexpected delimiter');
    }
    return this.keyword();
  }

  /** A number, computed exactly as pdfjs's Lexer.getNumber does (digits, then one division). */
  private number(): number {
    const { bytes, end } = this;
    let pos = this.pos;
    let sign = 1;
    if (bytes[pos] === 0x2d) {
      sign = -1;
      pos += 1;
      if (bytes[pos] === 0x2d) pos += 1;
    } else if (bytes[pos] === 0x2b) pos += 1;
    let divideBy = 0;
    if (bytes[pos] === 0x2e) {
      divideBy = 10;
      pos += 1;
    }
    const first = pos < end ? bytes[pos]! : -1;
    if (first < 0x30 || first > 0x39) unsupported('malformed number');
    let value = first - 0x30;
    pos += 1;
    while (pos < end) {
      const b = bytes[pos]!;
      if (b >= 0x30 && b <= 0x39) {
        if (divideBy !== 0) divideBy *= 10;
        value = value * 10 + (b - 0x30);
      } else if (b === 0x2e) {
        if (divideBy !== 0) break;
        divideBy = 1;
      } else break;
      pos += 1;
    }
    if (pos < end && CLASS[bytes[pos]!] === 0) unsupported('malformed number');
    if (divideBy !== 0) value /= divideBy;
    this.pos = pos;
    return sign * value;
  }

  private name(): PdfName {
    const { bytes, end } = this;
    let pos = this.pos + 1;
    const start = pos;
    let escaped = false;
    // Names of up to six bytes are found by their length and bytes, no string made.
    let short = 0;
    while (pos < end && CLASS[bytes[pos]!] === 0) {
      if (bytes[pos] === 0x23) escaped = true;
      short = short * 256 + bytes[pos]!;
      pos += 1;
    }
    this.pos = pos;
    const cacheable = !escaped && pos - start <= 6;
    if (cacheable) {
      short += (pos - start) * 2 ** 48;
      const found = SHORT_NAMES.get(short);
      if (found) return found;
    }
    let text = latin1(bytes, start, pos);
    if (escaped)
      text = text.replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    const name = PdfName.of(text);
    if (cacheable) intern(SHORT_NAMES, short, name);
    return name;
  }

  /** Skips the rest of a dictionary whose `<<` was just read (content-stream properties nobody reads). */
  skipDictionary(): void {
    let depth = 1;
    for (let tokens = 0; depth > 0; tokens += 1) {
      const token = this.next();
      if (token === undefined || tokens > 100_000) unsupported('unterminated dictionary');
      if (token === DICT_START) depth += 1;
      else if (token === DICT_END) depth -= 1;
    }
  }

  literalString(): string {
    const { bytes, end } = this;
    let pos = this.pos + 1;
    let depth = 1;
    let out = '';
    let runStart = pos;
    while (pos < end) {
      const b = bytes[pos]!;
      if (b === 0x28) depth += 1;
      else if (b === 0x29) {
        depth -= 1;
        if (depth === 0) break;
      } else if (b === 0x5c) {
        out += latin1(bytes, runStart, pos);
        pos += 1;
        const e = bytes[pos];
        if (e === undefined) break;
        pos += 1;
        switch (e) {
          case 0x6e:
            out += '\n';
            break;
          case 0x72:
            out += '\r';
            break;
          case 0x74:
            out += '\t';
            break;
          case 0x62:
            out += '\b';
            break;
          case 0x66:
            out += '\f';
            break;
          case 0x0d:
            if (bytes[pos] === 0x0a) pos += 1;
            break;
          case 0x0a:
            break;
          default:
            if (e >= 0x30 && e <= 0x37) {
              let code = e - 0x30;
              for (let k = 0; k < 2 && pos < end && bytes[pos]! >= 0x30 && bytes[pos]! <= 0x37; k += 1) {
                code = code * 8 + (bytes[pos]! - 0x30);
                pos += 1;
              }
              out += String.fromCharCode(code & 0xff);
            } else out += String.fromCharCode(e);
        }
        runStart = pos;
        continue;
      }
      pos += 1;
    }
    if (depth !== 0) unsupported('unterminated string');
    out += latin1(bytes, runStart, pos);
    this.pos = pos + 1;
    return out;
  }

  hexString(): string {
    const { bytes, end } = this;
    let pos = this.pos + 1;
    let out = '';
    let high = -1;
    while (pos < end) {
      const b = bytes[pos]!;
      pos += 1;
      if (b === 0x3e) {
        if (high >= 0) out += String.fromCharCode(high << 4);
        this.pos = pos;
        return out;
      }
      if (CLASS[b] === 1) continue;
      const digit = hexDigit(b);
      if (digit < 0) unsupported('bad hex string');
      if (high < 0) high = digit;
      else {
        out += String.fromCharCode((high << 4) | digit);
        high = -1;
      }
    }
    return unsupported('unterminated hex string');
  }

  private keyword(): PdfOperator {
    const { bytes, end } = this;
    const start = this.pos;
    let pos = start;
    while (pos < end && CLASS[bytes[pos]!] === 0) pos += 1;
    if (pos === start) unsupported('empty keyword');
    this.pos = pos;
    // Content streams are mostly short operators: those are found by their bytes, no string made.
    if (pos - start <= 3) {
      let short = (pos - start) << 24;
      for (let i = start; i < pos; i += 1) short |= bytes[i]! << ((i - start) * 8);
      let found = SHORT_KEYWORDS.get(short);
      if (!found) {
        found = intern(SHORT_KEYWORDS, short, PdfOperator.of(latin1(bytes, start, pos)));
      }
      return found;
    }
    return PdfOperator.of(latin1(bytes, start, pos));
  }

  /**
   * The next object. Indirect references ("1 0 R") are read only when `refs` (not in content
   * streams); a keyword that is not a value is returned as is for the caller to judge.
   */
  object(refs: boolean, depth = 0): PdfObject | PdfOperator | undefined {
    if (depth > MAX_DEPTH) unsupported('nesting too deep');
    const token = this.next();
    if (token === ARRAY_START) {
      const plain = readPlainIntegers(this.bytes, this.pos, this.end);
      if (plain) {
        this.pos = plain.end;
        return plain.values;
      }
      const array: PdfObject[] = [];
      for (;;) {
        const item = this.object(refs, depth + 1);
        if (item === ARRAY_END) return array;
        if (item === undefined || item instanceof PdfOperator) return unsupported('bad array');
        array.push(item);
      }
    }
    if (token === DICT_START) {
      const dict = new PdfDict();
      for (;;) {
        const key = this.next();
        if (key === DICT_END) return dict;
        if (!(key instanceof PdfName)) return unsupported('bad dictionary key');
        if (refs && DEFERRED_KEYS.has(key.name) && this.deferValue(dict, key.name, depth + 1)) continue;
        const value = this.object(refs, depth + 1);
        if (value === undefined || value === DICT_END || value instanceof PdfOperator)
          return unsupported('bad dictionary value');
        dict.entries.set(key.name, value);
      }
    }
    if (token === TRUE) return true;
    if (token === FALSE) return false;
    if (token === NULL) return null;
    if (refs && typeof token === 'number' && Number.isInteger(token) && token >= 0) {
      const ref = this.refAfter(token);
      if (ref) return ref;
    }
    return token;
  }

  /**
   * Defers an array or dictionary value of `dict`'s `key` (true): its bytes are skipped and parsed
   * only if the entry is asked for. Other values (scalars, references) are left for object() (false).
   */
  private deferValue(dict: PdfDict, key: string, depth: number): boolean {
    this.skipSpace();
    const { bytes, end } = this;
    const start = this.pos;
    const b = bytes[start];
    if (b !== 0x5b && !(b === 0x3c && bytes[start + 1] === 0x3c)) return false;
    skipComposite(this, depth);
    dict.defer(key, () => {
      const value = new PdfLexer(bytes, start, end).object(true, depth);
      if (value === undefined || value instanceof PdfOperator) return unsupported('bad dictionary value');
      return value;
    });
    return true;
  }

  /**
   * The reference "`num` gen R" when the bytes after `num` are its generation and R (the position
   * then after R), else null with the position unchanged. Reads what next() would read, without
   * making tokens: arrays of integers (Widths) look ahead here at every item.
   */
  private refAfter(num: number): PdfRef | null {
    const quick = this.plainRefAfter(num);
    if (quick !== undefined) return quick;
    const save = this.pos;
    this.skipSpace();
    const { bytes, end } = this;
    const b = this.pos < end ? bytes[this.pos]! : -1;
    if ((b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2b || b === 0x2e) {
      const gen = this.number();
      if (Number.isInteger(gen) && gen >= 0) {
        this.skipSpace();
        const at = this.pos;
        if (at < end && bytes[at] === 0x52 && (at + 1 >= end || CLASS[bytes[at + 1]!] !== 0)) {
          this.pos = at + 1;
          return new PdfRef(num, gen);
        }
      }
    }
    this.pos = save;
    return null;
  }

  /**
   * refAfter for the common shapes, without making a number twice: whitespace, then either no
   * digit (null) or plain digits and whitespace followed by R (the reference) or by anything
   * but R or a comment (null). Undefined when refAfter must look closer (signs, dots, comments).
   */
  private plainRefAfter(num: number): PdfRef | null | undefined {
    const { bytes, end } = this;
    let pos = this.pos;
    while (pos < end && CLASS[bytes[pos]!] === 1) pos += 1;
    if (pos >= end) return null;
    const first = bytes[pos]!;
    if (first < 0x30 || first > 0x39) {
      return first === 0x2d || first === 0x2b || first === 0x2e || first === 0x25 ? undefined : null;
    }
    let gen = 0;
    let at = pos;
    while (at < end && bytes[at]! >= 0x30 && bytes[at]! <= 0x39) {
      gen = gen * 10 + (bytes[at]! - 0x30);
      at += 1;
    }
    if (at >= end || CLASS[bytes[at]!] !== 1) return undefined;
    while (at < end && CLASS[bytes[at]!] === 1) at += 1;
    if (at < end && bytes[at] === 0x52 && (at + 1 >= end || CLASS[bytes[at + 1]!] !== 0)) {
      this.pos = at + 1;
      return new PdfRef(num, gen);
    }
    return at < end && bytes[at] === 0x25 ? undefined : null;
  }
}
