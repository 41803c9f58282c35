import { PdfLexer } from './pdf-lexer.ts';
import { isNumber, PdfOperator, unsupported } from './pdf-objects.ts';

/** pdfjs's bound on one bfrange/cidrange. */
const MAX_MAP_RANGE = 2 ** 24 - 1;
/** Most codes one ToUnicode map may define. */
const MAX_CODES = 1 << 20;

const keyword = PdfOperator.keyword;
const BFCHAR = keyword('beginbfchar');
const END_BFCHAR = keyword('endbfchar');
const BFRANGE = keyword('beginbfrange');
const END_BFRANGE = keyword('endbfrange');
const CIDCHAR = keyword('begincidchar');
const END_CIDCHAR = keyword('endcidchar');
const CIDRANGE = keyword('begincidrange');
const END_CIDRANGE = keyword('endcidrange');
const USECMAP = keyword('usecmap');

/**
 * Reads a ToUnicode CMap (bfchar, bfrange in both forms, cidchar, cidrange) into code → text the
 * way pdfjs's readToUnicode does: destination strings are UTF-16BE (an odd length gets a leading
 * zero byte), surrogate pairs joined, bfrange destinations incremented in their last byte.
 * A CMap that uses another (usecmap) is unsupported.
 */
export function readToUnicode(bytes: Uint8Array): Map<number, string> {
  const raw = new Map<number, string | number>();
  const lexer = new PdfLexer(bytes);
  for (;;) {
    const token = lexer.next();
    if (token === undefined) break;
    if (token === USECMAP) unsupported('ToUnicode usecmap');
    if (token === BFCHAR || token === CIDCHAR) {
      const end = token === BFCHAR ? END_BFCHAR : END_CIDCHAR;
      for (;;) {
        const src = lexer.object(false);
        if (src === end) break;
        const dst = lexer.object(false);
        if (typeof src !== 'string' || (typeof dst !== 'string' && !isNumber(dst)))
          return unsupported('bad bfchar');
        set(raw, code(src), dst);
      }
    } else if (token === BFRANGE || token === CIDRANGE) {
      const end = token === BFRANGE ? END_BFRANGE : END_CIDRANGE;
      for (;;) {
        const low = lexer.object(false);
        if (low === end) break;
        const high = lexer.object(false);
        const dst = lexer.object(false);
        if (typeof low !== 'string' || typeof high !== 'string') return unsupported('bad bfrange');
        let from = code(low);
        const to = code(high);
        if (to - from > MAX_MAP_RANGE) return unsupported('bfrange too large');
        if (Array.isArray(dst)) {
          for (const item of dst) {
            if (from > to) break;
            if (typeof item !== 'string') return unsupported('bad bfrange array');
            set(raw, from++, item);
          }
        } else if (typeof dst === 'string') {
          let value = dst;
          const last = value.length - 1;
          while (from <= to) {
            set(raw, from++, value);
            const next = value.charCodeAt(last) + 1;
            value =
              next > 0xff
                ? `${value.substring(0, last - 1) + String.fromCharCode(value.charCodeAt(last - 1) + 1)}\x00`
                : value.substring(0, last) + String.fromCharCode(next);
          }
        } else if (isNumber(dst)) {
          let cid = dst;
          while (from <= to) set(raw, from++, cid++);
        } else return unsupported('bad bfrange destination');
      }
    }
  }
  const map = new Map<number, string>();
  for (const [charCode, token] of raw) map.set(charCode, toText(token));
  return map;
}

function set(map: Map<number, string | number>, charCode: number, value: string | number): void {
  if (map.size >= MAX_CODES) unsupported('ToUnicode too large');
  map.set(charCode, value);
}

function code(bytes: string): number {
  let value = 0;
  for (let i = 0; i < bytes.length; i += 1) value = value * 256 + bytes.charCodeAt(i);
  return value;
}

function toText(token: string | number): string {
  if (typeof token === 'number') return String.fromCodePoint(token);
  const bytes = token.length % 2 !== 0 ? `\x00${token}` : token;
  const points: number[] = [];
  for (let k = 0; k < bytes.length; k += 2) {
    const w1 = (bytes.charCodeAt(k) << 8) | bytes.charCodeAt(k + 1);
    if ((w1 & 0xf800) !== 0xd800) {
      points.push(w1);
      continue;
    }
    k += 2;
    const w2 = (bytes.charCodeAt(k) << 8) | bytes.charCodeAt(k + 1);
    points.push(((w1 & 0x3ff) << 10) + (w2 & 0x3ff) + 0x10000);
  }
  return String.fromCodePoint(...points);
}
