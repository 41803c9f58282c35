import { packagedFile } from '../packaged-data.ts';
import { unsupported } from './pdf-objects.ts';

/**
 * A predefined CMap (UniGB-UCS2-H, GBK-EUC-H, Adobe-GB1-UCS2, …) as pdfjs's CMap holds it:
 * codespace ranges by code length, and code → CID (encoding CMaps) or code → UTF-16BE bytes as a
 * latin1 string (the Adobe-*-UCS2 CMaps).
 */
export interface BuiltInCMap {
  vertical: boolean;
  /** [low, high, low, high, …] for each code length (index 0: one byte). */
  codespaceRanges: number[][];
  map: Map<number, number | string>;
}

/** pdfjs's bound on one range (MAX_MAP_RANGE in cmap.js). */
const MAX_MAP_RANGE = 2 ** 24 - 1;
const MAX_NUM_SIZE = 16;
const MAX_ENCODED_NUM_SIZE = 19;
/** A useCMap chain longer than this is a loop. */
const MAX_USE_DEPTH = 4;

const loaded = new Map<string, BuiltInCMap>();

/**
 * The predefined CMap `name` from the bcmap files pdfjs-dist ships (cmaps/<name>.bcmap), decoded
 * once per process as pdfjs's BinaryCMapReader decodes it, its useCMap parent merged in as
 * pdfjs's extendCMap does. A name pdfjs-dist does not ship is unsupported.
 */
export function builtInCMap(name: string, depth = 0): BuiltInCMap {
  let cmap = loaded.get(name);
  if (cmap) return cmap;
  if (depth > MAX_USE_DEPTH) unsupported('useCMap chain too long');
  let data: Uint8Array;
  try {
    data = packagedFile('cmaps', `${name}.bcmap`);
  } catch {
    return unsupported(`no predefined CMap ${name}`);
  }
  cmap = decodeBinaryCMap(data, depth);
  loaded.set(name, cmap);
  return cmap;
}

/** The code at `offset` of a shown string, as pdfjs's CMap.readCharCode splits it. */
export function readCharCode(
  cmap: BuiltInCMap,
  chars: string,
  offset: number,
): { code: number; length: number } {
  let c = 0;
  const ranges = cmap.codespaceRanges;
  for (let n = 0; n < ranges.length; n += 1) {
    c = ((c << 8) | chars.charCodeAt(offset + n)) >>> 0;
    const range = ranges[n] ?? [];
    for (let k = 0; k < range.length; k += 2) {
      if (c >= range[k]! && c <= range[k + 1]!) return { code: c, length: n + 1 };
    }
  }
  return { code: 0, length: 1 };
}

class BinaryStream {
  pos = 0;
  private readonly tmp = new Uint8Array(MAX_ENCODED_NUM_SIZE);
  constructor(private readonly buffer: Uint8Array) {}

  readByte(): number {
    if (this.pos >= this.buffer.length) return -1;
    return this.buffer[this.pos++]!;
  }

  readNumber(): number {
    let n = 0;
    let last: boolean;
    do {
      const b = this.readByte();
      if (b < 0) unsupported('unexpected end of a bcmap');
      last = !(b & 0x80);
      n = (n << 7) | (b & 0x7f);
    } while (!last);
    return n;
  }

  readSigned(): number {
    const n = this.readNumber();
    return n & 1 ? ~(n >>> 1) : n >>> 1;
  }

  readHex(num: Uint8Array, size: number): void {
    num.set(this.buffer.subarray(this.pos, this.pos + size + 1));
    this.pos += size + 1;
  }

  readHexNumber(num: Uint8Array, size: number): void {
    const stack = this.tmp;
    let sp = 0;
    let last: boolean;
    do {
      const b = this.readByte();
      if (b < 0) unsupported('unexpected end of a bcmap');
      if (sp >= stack.length) unsupported('bcmap number too long');
      last = !(b & 0x80);
      stack[sp++] = b & 0x7f;
    } while (!last);
    let i = size;
    let buffer = 0;
    let bufferSize = 0;
    while (i >= 0) {
      while (bufferSize < 8 && sp > 0) {
        buffer |= stack[--sp]! << bufferSize;
        bufferSize += 7;
      }
      num[i] = buffer & 255;
      i -= 1;
      buffer >>= 8;
      bufferSize -= 8;
    }
  }

  readHexSigned(num: Uint8Array, size: number): void {
    this.readHexNumber(num, size);
    const sign = num[size]! & 1 ? 255 : 0;
    let c = 0;
    for (let i = 0; i <= size; i += 1) {
      c = ((c & 1) << 8) | num[i]!;
      num[i] = (c >> 1) ^ sign;
    }
  }

  readString(): string {
    const length = this.readNumber();
    const codes: number[] = [];
    for (let i = 0; i < length; i += 1) codes.push(this.readNumber());
    return String.fromCharCode(...codes);
  }
}

function hexToInt(a: Uint8Array, size: number): number {
  let n = 0;
  for (let i = 0; i <= size; i += 1) n = (n << 8) | a[i]!;
  return n >>> 0;
}

function hexToStr(a: Uint8Array, size: number): string {
  return String.fromCharCode(...a.subarray(0, size + 1));
}

function addHex(a: Uint8Array, b: Uint8Array, size: number): void {
  let c = 0;
  for (let i = size; i >= 0; i -= 1) {
    c += a[i]! + b[i]!;
    a[i] = c & 255;
    c >>= 8;
  }
}

function incHex(a: Uint8Array, size: number): void {
  let c = 1;
  for (let i = size; i >= 0 && c > 0; i -= 1) {
    c += a[i]!;
    a[i] = c & 255;
    c >>= 8;
  }
}

function mapCidRange(cmap: BuiltInCMap, low: number, high: number, cid: number): void {
  if (high - low > MAX_MAP_RANGE) unsupported('CMap range too large');
  for (let code = low; code <= high; code += 1) cmap.map.set(code, cid++);
}

/** pdfjs's CMap.mapBfRange: the destination's last byte counts up, carrying into the one before. */
function mapBfRange(cmap: BuiltInCMap, low: number, high: number, destination: string): void {
  if (high - low > MAX_MAP_RANGE) unsupported('CMap range too large');
  let dst = destination;
  const lastByte = dst.length - 1;
  for (let code = low; code <= high; code += 1) {
    cmap.map.set(code, dst);
    const next = dst.charCodeAt(lastByte) + 1;
    dst =
      next > 0xff
        ? `${dst.substring(0, lastByte - 1)}${String.fromCharCode(dst.charCodeAt(lastByte - 1) + 1)}\x00`
        : dst.substring(0, lastByte) + String.fromCharCode(next);
  }
}

/** The first range of a run of range items: its start, and its end as the start plus a delta. */
function readFirstRange(stream: BinaryStream, start: Uint8Array, end: Uint8Array, size: number): void {
  stream.readHex(start, size);
  stream.readHexNumber(end, size);
  addHex(end, start, size);
}

/**
 * The next range of a run of range items (pdfjs's loop body): its start is the previous end plus one,
 * and, unless the run is a sequence, plus a delta; its end is the start plus a delta.
 */
function readNextRange(
  stream: BinaryStream,
  start: Uint8Array,
  end: Uint8Array,
  size: number,
  sequence: boolean,
): void {
  incHex(end, size);
  if (!sequence) {
    stream.readHexNumber(start, size);
    addHex(start, end, size);
  } else start.set(end);
  stream.readHexNumber(end, size);
  addHex(end, start, size);
}

/** pdfjs's BinaryCMapReader.process, item types 0–5 and the useCMap reference. */
function decodeBinaryCMap(data: Uint8Array, depth: number): BuiltInCMap {
  const stream = new BinaryStream(data);
  const cmap: BuiltInCMap = { vertical: !!(stream.readByte() & 1), codespaceRanges: [], map: new Map() };
  let useCMap: string | null = null;
  const start = new Uint8Array(MAX_NUM_SIZE);
  const end = new Uint8Array(MAX_NUM_SIZE);
  const char = new Uint8Array(MAX_NUM_SIZE);
  const charCode = new Uint8Array(MAX_NUM_SIZE);
  const tmp = new Uint8Array(MAX_NUM_SIZE);
  const addCodespace = (size: number, low: number, high: number) => {
    let ranges = cmap.codespaceRanges[size];
    if (!ranges) {
      for (let i = cmap.codespaceRanges.length; i <= size; i += 1) cmap.codespaceRanges[i] ??= [];
      ranges = cmap.codespaceRanges[size]!;
    }
    ranges.push(low, high);
  };
  const ucs2 = 1;
  for (let b = stream.readByte(); b >= 0; b = stream.readByte()) {
    const type = b >> 5;
    if (type === 7) {
      if ((b & 0x1f) === 0) stream.readString();
      else if ((b & 0x1f) === 1) useCMap = stream.readString();
      continue;
    }
    const sequence = !!(b & 0x10);
    const size = b & 15;
    const count = stream.readNumber();
    switch (type) {
      case 0:
        readFirstRange(stream, start, end, size);
        addCodespace(size, hexToInt(start, size), hexToInt(end, size));
        for (let i = 1; i < count; i += 1) {
          readNextRange(stream, start, end, size, false);
          addCodespace(size, hexToInt(start, size), hexToInt(end, size));
        }
        break;
      case 1:
        // notdef ranges: read and dropped, as pdfjs does.
        readFirstRange(stream, start, end, size);
        stream.readNumber();
        for (let i = 1; i < count; i += 1) {
          readNextRange(stream, start, end, size, false);
          stream.readNumber();
        }
        break;
      case 2: {
        stream.readHex(char, size);
        let code = stream.readNumber();
        cmap.map.set(hexToInt(char, size), code);
        for (let i = 1; i < count; i += 1) {
          incHex(char, size);
          if (!sequence) {
            stream.readHexNumber(tmp, size);
            addHex(char, tmp, size);
          }
          code = stream.readSigned() + (code + 1);
          cmap.map.set(hexToInt(char, size), code);
        }
        break;
      }
      case 3: {
        readFirstRange(stream, start, end, size);
        mapCidRange(cmap, hexToInt(start, size), hexToInt(end, size), stream.readNumber());
        for (let i = 1; i < count; i += 1) {
          readNextRange(stream, start, end, size, sequence);
          mapCidRange(cmap, hexToInt(start, size), hexToInt(end, size), stream.readNumber());
        }
        break;
      }
      case 4:
        stream.readHex(char, ucs2);
        stream.readHex(charCode, size);
        cmap.map.set(hexToInt(char, ucs2), hexToStr(charCode, size));
        for (let i = 1; i < count; i += 1) {
          incHex(char, ucs2);
          if (!sequence) {
            stream.readHexNumber(tmp, ucs2);
            addHex(char, tmp, ucs2);
          }
          incHex(charCode, size);
          stream.readHexSigned(tmp, size);
          addHex(charCode, tmp, size);
          cmap.map.set(hexToInt(char, ucs2), hexToStr(charCode, size));
        }
        break;
      case 5:
        readFirstRange(stream, start, end, ucs2);
        stream.readHex(charCode, size);
        mapBfRange(cmap, hexToInt(start, ucs2), hexToInt(end, ucs2), hexToStr(charCode, size));
        for (let i = 1; i < count; i += 1) {
          readNextRange(stream, start, end, ucs2, sequence);
          stream.readHex(charCode, size);
          mapBfRange(cmap, hexToInt(start, ucs2), hexToInt(end, ucs2), hexToStr(charCode, size));
        }
        break;
      default:
        unsupported('unknown bcmap item');
    }
  }
  if (useCMap !== null) extendCMap(cmap, builtInCMap(useCMap, depth + 1));
  return cmap;
}

/** pdfjs's extendCMap: the parent's codespace when the child has none, its codes the child lacks. */
function extendCMap(cmap: BuiltInCMap, parent: BuiltInCMap): void {
  if (cmap.codespaceRanges.every((ranges) => ranges.length === 0))
    cmap.codespaceRanges = parent.codespaceRanges.map((ranges) => ranges.slice());
  for (const [code, value] of parent.map) if (!cmap.map.has(code)) cmap.map.set(code, value);
}
