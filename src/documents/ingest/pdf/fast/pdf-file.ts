import { constants, inflateSync } from 'node:zlib';
import { fileBudgetExceeded, INGEST_LIMITS, streamBudgetExceeded } from '../../source-document.ts';
import { latin1 } from './pdf-bytes.ts';
import { PdfLexer } from './pdf-lexer.ts';
import {
  isName,
  isNumber,
  PdfDict,
  type PdfObject,
  PdfOperator,
  PdfRef,
  PdfStream,
  unsupported,
} from './pdf-objects.ts';

const OBJ = PdfOperator.keyword('obj');
const ENDSTREAM = PdfOperator.keyword('endstream');
const XREF = PdfOperator.keyword('xref');
const TRAILER = PdfOperator.keyword('trailer');
const IN_USE = PdfOperator.keyword('n');
const FREE = PdfOperator.keyword('f');

/** Most revisions (/Prev links) followed. */
const MAX_REVISIONS = 64;

type XrefEntry = { type: 1; offset: number } | { type: 2; stream: number; index: number };

/**
 * A PDF file's objects: the cross-reference tables or streams of every revision, objects read on
 * demand (from the file or from object streams) and cached, streams decoded (FlateDecode with or
 * without PNG predictors; anything else is unsupported).
 */
export class PdfFile {
  readonly trailer: PdfDict;
  private readonly xref = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfObject>();
  private readonly objectStreams = new Map<number, { bytes: Uint8Array; offsets: Map<number, number> }>();
  private readonly fetching = new Set<number>();
  private inflated = 0;

  constructor(readonly bytes: Uint8Array) {
    this.trailer = this.readXrefChain(findStartXref(bytes));
    if (this.trailer.get('Encrypt') !== undefined) unsupported('encrypted');
  }

  /** The object itself, or the object a reference points to (null when it does not exist). */
  resolve(value: PdfObject | undefined): PdfObject | undefined {
    let current = value;
    for (let hops = 0; current instanceof PdfRef; hops += 1) {
      if (hops > 16) unsupported('reference chain');
      current = this.fetch(current.num);
    }
    return current;
  }

  dict(value: PdfObject | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    if (resolved instanceof PdfDict) return resolved;
    if (resolved instanceof PdfStream) return resolved.dict;
    return undefined;
  }

  private fetch(num: number): PdfObject {
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    const entry = this.xref.get(num);
    if (!entry) return null;
    if (this.fetching.has(num)) unsupported('circular object');
    this.fetching.add(num);
    try {
      const value =
        entry.type === 1 ? this.readObjectAt(entry.offset, num) : this.readFromObjectStream(entry, num);
      this.cache.set(num, value);
      return value;
    } finally {
      this.fetching.delete(num);
    }
  }

  private readObjectAt(offset: number, num: number): PdfObject {
    const lexer = new PdfLexer(this.bytes, offset);
    const n = lexer.next();
    lexer.next();
    if (n !== num || lexer.next() !== OBJ) unsupported('xref offset does not point at the object');
    const value = lexer.object(true);
    if (value === undefined || value instanceof PdfOperator) return unsupported('bad object');
    if (!(value instanceof PdfDict)) return value;
    lexer.skipSpace();
    if (latin1(this.bytes, lexer.pos, lexer.pos + 6) !== 'stream') return value;
    let start = lexer.pos + 6;
    if (this.bytes[start] === 0x0d) start += 1;
    if (this.bytes[start] === 0x0a) start += 1;
    const length = this.resolve(value.get('Length'));
    if (!isNumber(length) || length < 0 || start + length > this.bytes.length)
      unsupported('bad stream length');
    const after = new PdfLexer(this.bytes, start + length);
    if (after.next() !== ENDSTREAM) unsupported('stream length does not reach endstream');
    return new PdfStream(value, this.bytes.subarray(start, start + length));
  }

  private readFromObjectStream(entry: { stream: number; index: number }, num: number): PdfObject {
    let container = this.objectStreams.get(entry.stream);
    if (!container) {
      const stream = this.resolve(new PdfRef(entry.stream, 0));
      if (!(stream instanceof PdfStream)) return unsupported('object stream missing');
      const count = stream.dict.get('N');
      const first = stream.dict.get('First');
      if (!isNumber(count) || !isNumber(first)) return unsupported('bad object stream');
      const bytes = this.decode(stream);
      const header = new PdfLexer(bytes, 0, Math.min(first, bytes.length));
      const offsets = new Map<number, number>();
      for (let i = 0; i < count; i += 1) {
        const objectNumber = header.next();
        const offset = header.next();
        if (!isNumber(objectNumber) || !isNumber(offset)) return unsupported('bad object stream header');
        if (!offsets.has(objectNumber)) offsets.set(objectNumber, first + offset);
      }
      container = { bytes, offsets };
      this.objectStreams.set(entry.stream, container);
    }
    const offset = container.offsets.get(num);
    if (offset === undefined) return unsupported('object not in its object stream');
    const value = new PdfLexer(container.bytes, offset).object(true);
    if (value === undefined || value instanceof PdfOperator)
      return unsupported('bad object in object stream');
    return value;
  }

  /** The decoded bytes of a stream. */
  decode(stream: PdfStream): Uint8Array {
    const filter = this.resolve(stream.dict.get('Filter'));
    const filters = Array.isArray(filter)
      ? filter.map((f) => this.resolve(f))
      : filter === undefined || filter === null
        ? []
        : [filter];
    if (filters.length === 0) return stream.raw;
    if (filters.length > 1 || !(isName(filters[0], 'FlateDecode') || isName(filters[0], 'Fl')))
      return unsupported('filter other than FlateDecode');
    let params = this.resolve(stream.dict.get('DecodeParms') ?? stream.dict.get('DP'));
    if (Array.isArray(params)) params = this.resolve(params[0]);
    let bytes: Uint8Array;
    try {
      bytes = inflateSync(stream.raw, {
        maxOutputLength: INGEST_LIMITS.maxInflatedStreamBytes,
        finishFlush: constants.Z_SYNC_FLUSH,
      });
    } catch (error) {
      // A budget hit is a refusal (a bomb), not a reason to let pdfjs try.
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw streamBudgetExceeded();
      return unsupported('stream does not inflate');
    }
    this.inflated += bytes.length;
    if (this.inflated > INGEST_LIMITS.maxInflatedBytes) throw fileBudgetExceeded();
    return params instanceof PdfDict ? this.unpredict(bytes, params) : bytes;
  }

  private unpredict(bytes: Uint8Array, params: PdfDict): Uint8Array {
    const predictor = this.resolve(params.get('Predictor')) ?? 1;
    if (predictor === 1) return bytes;
    if (!isNumber(predictor) || predictor < 10) return unsupported('TIFF predictor');
    const colors = this.resolve(params.get('Colors')) ?? 1;
    const bits = this.resolve(params.get('BitsPerComponent')) ?? 8;
    const columns = this.resolve(params.get('Columns')) ?? 1;
    if (bits !== 8 || !isNumber(colors) || !isNumber(columns) || colors < 1 || columns < 1)
      return unsupported('predictor parameters');
    const pixel = colors;
    const row = colors * columns;
    const rows = Math.floor(bytes.length / (row + 1));
    const out = new Uint8Array(rows * row);
    for (let r = 0; r < rows; r += 1) {
      const type = bytes[r * (row + 1)]!;
      const src = r * (row + 1) + 1;
      const dst = r * row;
      for (let i = 0; i < row; i += 1) {
        const raw = bytes[src + i]!;
        const left = i >= pixel ? out[dst + i - pixel]! : 0;
        const up = r > 0 ? out[dst - row + i]! : 0;
        const upLeft = r > 0 && i >= pixel ? out[dst - row + i - pixel]! : 0;
        let value: number;
        switch (type) {
          case 0:
            value = raw;
            break;
          case 1:
            value = raw + left;
            break;
          case 2:
            value = raw + up;
            break;
          case 3:
            value = raw + ((left + up) >> 1);
            break;
          case 4: {
            const p = left + up - upLeft;
            const pa = Math.abs(p - left);
            const pb = Math.abs(p - up);
            const pc = Math.abs(p - upLeft);
            value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
            break;
          }
          default:
            return unsupported('PNG filter type');
        }
        out[dst + i] = value & 0xff;
      }
    }
    return out;
  }

  /** Reads every revision from the newest; the newest entry for an object wins. */
  private readXrefChain(start: number): PdfDict {
    let trailer: PdfDict | undefined;
    const seen = new Set<number>();
    const pending = [start];
    while (pending.length > 0) {
      const offset = pending.shift()!;
      if (seen.has(offset) || seen.size >= MAX_REVISIONS) unsupported('xref loop');
      seen.add(offset);
      const section = this.readXrefSection(offset);
      trailer ??= section;
      const stm = section.get('XRefStm');
      if (isNumber(stm)) pending.unshift(stm);
      const prev = section.get('Prev');
      if (isNumber(prev)) pending.push(prev);
    }
    return trailer!;
  }

  private readXrefSection(offset: number): PdfDict {
    if (offset < 0 || offset >= this.bytes.length) unsupported('startxref out of range');
    const lexer = new PdfLexer(this.bytes, offset);
    const first = lexer.next();
    if (first === XREF) return this.readXrefTable(lexer);
    if (isNumber(first)) return this.readXrefStream(offset, first);
    return unsupported('no xref at startxref');
  }

  private readXrefTable(lexer: PdfLexer): PdfDict {
    for (;;) {
      const token = lexer.next();
      if (token === TRAILER) {
        const trailer = lexer.object(true);
        if (!(trailer instanceof PdfDict)) return unsupported('bad trailer');
        return trailer;
      }
      const count = lexer.next();
      if (!isNumber(token) || !isNumber(count)) return unsupported('bad xref subsection');
      for (let i = 0; i < count; i += 1) {
        const position = lexer.next();
        lexer.next();
        const kind = lexer.next();
        if (!isNumber(position)) return unsupported('bad xref entry');
        const num = token + i;
        if (kind === IN_USE && !this.xref.has(num) && position > 0)
          this.xref.set(num, { type: 1, offset: position });
        else if (kind !== IN_USE && kind !== FREE) return unsupported('bad xref entry');
      }
    }
  }

  private readXrefStream(offset: number, num: number): PdfDict {
    const stream = this.readObjectAt(offset, num);
    if (!(stream instanceof PdfStream) || !isName(stream.dict.get('Type'), 'XRef'))
      return unsupported('bad xref stream');
    const widths = stream.dict.get('W');
    const size = stream.dict.get('Size');
    if (!Array.isArray(widths) || widths.length !== 3 || !widths.every(isNumber) || !isNumber(size))
      return unsupported('bad xref stream dictionary');
    const index = stream.dict.get('Index') ?? [0, size];
    if (!Array.isArray(index) || !index.every(isNumber)) return unsupported('bad xref stream index');
    const [w0, w1, w2] = widths as number[];
    const data = this.decode(stream);
    const entryLength = w0! + w1! + w2!;
    let at = 0;
    const read = (width: number): number => {
      let value = 0;
      for (let k = 0; k < width; k += 1) value = value * 256 + data[at++]!;
      return value;
    };
    for (let s = 0; s + 1 < index.length; s += 2) {
      const start = index[s] as number;
      const count = index[s + 1] as number;
      for (let i = 0; i < count; i += 1) {
        if (at + entryLength > data.length) return unsupported('xref stream too short');
        const type = w0 === 0 ? 1 : read(w0!);
        const a = read(w1!);
        const b = read(w2!);
        const objectNumber = start + i;
        if (this.xref.has(objectNumber)) continue;
        if (type === 1) this.xref.set(objectNumber, { type: 1, offset: a });
        else if (type === 2) this.xref.set(objectNumber, { type: 2, stream: a, index: b });
      }
    }
    return stream.dict;
  }
}

function findStartXref(bytes: Uint8Array): number {
  const tailStart = Math.max(0, bytes.length - 1024);
  const tail = latin1(bytes, tailStart, bytes.length);
  const at = tail.lastIndexOf('startxref');
  if (at < 0) return unsupported('no startxref');
  const value = new PdfLexer(bytes, tailStart + at + 9).next();
  if (!isNumber(value)) return unsupported('bad startxref');
  return value;
}
