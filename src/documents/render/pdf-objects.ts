import { inflateSync } from 'node:zlib';

/**
 * Just enough of a PDF reader for the files headless Chromium (Skia) writes: a classic xref table,
 * direct objects, direct stream lengths. Anything else makes `PdfObjects.open` return null and the
 * caller leave the file alone.
 */
export interface PdfObject {
  /** The dictionary text (latin1), without the stream data. */
  dict: string;
  /** Raw stream bytes (still encoded), when the object is a stream. */
  stream?: Uint8Array;
}

export class PdfObjects {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly text: string,
    private readonly offsets: Map<number, number>,
    readonly startxref: number,
    readonly trailer: string,
  ) {}

  static open(bytes: Uint8Array): PdfObjects | null {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const tail = text.slice(-1024);
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!start) return null;
    const startxref = Number(start[1]);
    if (!text.startsWith('xref', startxref)) return null; // an xref stream: not Chromium's layout
    const trailerAt = text.indexOf('trailer', startxref);
    if (trailerAt < 0) return null;
    const offsets = new Map<number, number>();
    const section = text.slice(startxref + 4, trailerAt);
    const lines = section.split(/\r?\n|\r/).filter((l) => l.trim() !== '');
    let next = 0;
    for (const line of lines) {
      const head = /^\s*(\d+)\s+(\d+)\s*$/.exec(line);
      if (head) {
        next = Number(head[1]);
        continue;
      }
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
      if (!entry) return null;
      if (entry[3] === 'n') offsets.set(next, Number(entry[1]));
      next += 1;
    }
    const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(trailerAt))?.[1];
    if (trailer === undefined || /\/Prev\b/.test(trailer)) return null;
    return new PdfObjects(bytes, text, offsets, startxref, trailer);
  }

  get(num: number): PdfObject | null {
    const at = this.offsets.get(num);
    if (at === undefined) return null;
    const header = new RegExp(`^${num}\\s+0\\s+obj\\s*`).exec(this.text.slice(at, at + 32));
    if (!header) return null;
    const bodyAt = at + header[0].length;
    const endobj = this.text.indexOf('endobj', bodyAt);
    const streamAt = this.text.indexOf('stream', bodyAt);
    if (streamAt < 0 || (endobj >= 0 && endobj < streamAt)) {
      return { dict: this.text.slice(bodyAt, endobj < 0 ? undefined : endobj) };
    }
    const dict = this.text.slice(bodyAt, streamAt);
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    if (!length) return null;
    let dataAt = streamAt + 'stream'.length;
    if (this.text[dataAt] === '\r') dataAt += 1;
    if (this.text[dataAt] === '\n') dataAt += 1;
    return { dict, stream: this.bytes.subarray(dataAt, dataAt + Number(length[1])) };
  }

  /** The decoded stream (FlateDecode or none); null for other filters or a broken stream. */
  decoded(num: number): { dict: string; data: Buffer } | null {
    const obj = this.get(num);
    if (!obj?.stream) return null;
    const filter = /\/Filter\s*(\/\w+|\[[^\]]*\])/.exec(obj.dict)?.[1];
    if (filter === undefined) return { dict: obj.dict, data: Buffer.from(obj.stream) };
    if (filter.replace(/[[\]\s]/g, '') !== '/FlateDecode') return null;
    try {
      return { dict: obj.dict, data: inflateSync(obj.stream) };
    } catch {
      return null;
    }
  }

  numbers(): number[] {
    return [...this.offsets.keys()];
  }

  /**
   * The file plus an incremental update that replaces the given objects (PDF 1.7 §7.5.6): the
   * original bytes are kept as they are, a new xref section points to the new versions.
   */
  withUpdates(updates: Map<number, { dict: string; data: Uint8Array }>): Uint8Array {
    const parts: Buffer[] = [Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength)];
    let offset = this.bytes.byteLength;
    const push = (b: Buffer) => {
      parts.push(b);
      offset += b.length;
    };
    push(Buffer.from('\n', 'latin1'));
    const written: [number, number][] = [];
    for (const [num, { dict, data }] of [...updates].sort((a, b) => a[0] - b[0])) {
      written.push([num, offset]);
      push(Buffer.from(`${num} 0 obj\n<<${dict} /Length ${data.length}>>\nstream\n`, 'latin1'));
      push(Buffer.from(data));
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
    const xrefAt = offset;
    const xref = written.map(([num, at]) => `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`).join('');
    const keep = ['Size', 'Root', 'Info', 'ID']
      .map((key) => new RegExp(`/${key}\\s*(\\[[^\\]]*\\]|\\d+\\s+\\d+\\s+R|\\d+)`).exec(this.trailer))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => m[0])
      .join(' ');
    push(
      Buffer.from(
        `xref\n${xref}trailer\n<<${keep} /Prev ${this.startxref}>>\nstartxref\n${xrefAt}\n%%EOF\n`,
        'latin1',
      ),
    );
    const out = Buffer.concat(parts);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
}
