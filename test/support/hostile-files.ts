import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Hostile files made at test time (a few MB on disk, gigabytes once inflated): decompression bombs
 * of every kind a reader inflates, and oversized or deeply nested markup. Nothing here is committed;
 * `makeHostileFiles()` writes them into a fresh temporary folder in well under a second.
 *
 * The bombs are built without compressing gigabytes: 1 MiB of one byte deflated with a full flush
 * is a byte-aligned run of blocks that refers to nothing before it, so N copies of it inflate to
 * N MiB. The zlib checksum (Adler-32) and the zip CRC-32 are computed as the data would need.
 */

const MIB = 1024 * 1024;
const SPACE = 0x20;

/** Raw deflate data inflating to `mib` MiB of `byte`, then `tail`; the last block is final. */
function deflatedRun(byte: number, mib: number, tail: Uint8Array = new Uint8Array(0)): Buffer {
  const block = deflateRawSync(Buffer.alloc(MIB, byte), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(tail, { level: 9 });
  return Buffer.concat([...Array.from({ length: mib }, () => block), end]);
}

/** Adler-32 of `count` bytes `byte` followed by `tail`, by the closed form of a constant run. */
function adler32OfRun(byte: number, count: number, tail: Uint8Array): number {
  const mod = 65521n;
  const n = BigInt(count);
  const c = BigInt(byte);
  let a = (1n + n * c) % mod;
  let b = (n + (c * n * (n + 1n)) / 2n) % mod;
  for (const value of tail) {
    a = (a + BigInt(value)) % mod;
    b = (b + a) % mod;
  }
  return Number((b << 16n) | a);
}

/** A zlib (FlateDecode) stream inflating to `mib` MiB of `byte` and then `tail`. */
export function zlibRun(byte: number, mib: number, tail: Uint8Array = new Uint8Array(0)): Buffer {
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(adler32OfRun(byte, mib * MIB, tail) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), deflatedRun(byte, mib, tail), checksum]);
}

type PdfPart = string | Buffer;

/** A PDF from object bodies (object n is `objects[n - 1]`; a body may hold binary stream data). */
function writePdf(objects: PdfPart[][], options: { xrefStreamFor?: number[] } = {}): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const push = (part: PdfPart) => {
    const buffer = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    chunks.push(buffer);
    length += buffer.length;
  };
  const offsets = objects.map((parts, index) => {
    const offset = length;
    push(`${index + 1} 0 obj\n`);
    for (const part of parts) push(part);
    push('\nendobj\n');
    return offset;
  });
  const compressed = options.xrefStreamFor ?? [];
  if (compressed.length === 0) {
    const xref = length;
    push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
    for (const offset of offsets) push(`${String(offset).padStart(10, '0')} 00000 n \n`);
    push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
    return Buffer.concat(chunks);
  }
  // A cross-reference stream (W [1 4 2]): objects listed in `xrefStreamFor` are in object stream
  // `compressed[0]`; the xref stream itself is the last object.
  const [container, ...inside] = compressed;
  const size = objects.length + inside.length + 2;
  const rows = Buffer.alloc(size * 7);
  const row = (num: number, type: number, field2: number, field3: number) => {
    rows.writeUInt8(type, num * 7);
    rows.writeUInt32BE(field2, num * 7 + 1);
    rows.writeUInt16BE(field3, num * 7 + 5);
  };
  row(0, 0, 0, 0xffff);
  for (const [index, offset] of offsets.entries()) row(index + 1, 1, offset, 0);
  for (const [index, num] of inside.entries()) row(num, 2, container ?? 0, index);
  const xrefNum = size - 1;
  const xrefOffset = length;
  row(xrefNum, 1, xrefOffset, 0);
  push(
    `${xrefNum} 0 obj\n<< /Type /XRef /Size ${size} /W [1 4 2] /Root 1 0 R /Length ${rows.length} >>\nstream\n`,
  );
  push(rows);
  push(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

const PAGE_TREE = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const TEXT = 'BT /F1 12 Tf 72 770 Td (Annual report) Tj ET';

function stream(dict: string, data: Buffer): PdfPart[] {
  return [`<< ${dict} /Length ${data.length} >>\nstream\n`, data, '\nendstream'];
}

/**
 * LZWDecode data (PDF's flavour: 9 to 12 bit codes, EarlyChange 1) decoding to at least `mib` MiB
 * of `byte`, written code by code rather than by compressing the run: after a literal, each next
 * code is the one the decoder is about to define (the previous string plus its first byte), so
 * the strings grow by one byte per code; a clear code starts again before the table is full.
 */
export function lzwRun(byte: number, mib: number): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let bitCount = 0;
  const emit = (code: number, width: number) => {
    bits = (bits << width) | code;
    bitCount += width;
    while (bitCount >= 8) {
      bitCount -= 8;
      bytes.push((bits >>> bitCount) & 0xff);
    }
    bits &= (1 << bitCount) - 1;
  };
  const CLEAR = 256;
  const EOD = 257;
  let width = 9;
  let decoded = 0;
  emit(CLEAR, width);
  while (decoded < mib * MIB) {
    emit(byte, width);
    decoded += 1;
    let length = 1;
    for (let next = 258; next < 4094; next += 1) {
      emit(next, width);
      length += 1;
      decoded += length;
      // The decoder widens its codes once next + 1 (EarlyChange) reaches a power of two.
      if (((next + 2) & (next + 1)) === 0) width = Math.min(width + 1, 12);
    }
    emit(CLEAR, width);
    width = 9;
  }
  emit(EOD, width);
  if (bitCount > 0) bytes.push((bits << (8 - bitCount)) & 0xff);
  return Buffer.from(bytes);
}

/** RunLengthDecode data decoding to `mib` MiB of `byte` (each two bytes: 128 copies). */
export function runLengthRun(byte: number, mib: number): Buffer {
  const runs = (mib * MIB) / 128;
  const data = Buffer.alloc(runs * 2 + 1);
  for (let i = 0; i < runs; i += 1) {
    data[i * 2] = 129; // 257 - 129 = 128 copies of the next byte
    data[i * 2 + 1] = byte;
  }
  data[runs * 2] = 128; // end of data
  return data;
}

/**
 * A one-page PDF whose content stream is spaces compressed by LZW or run-length encoding, decoding
 * to `mib` MiB: filters the fast reader leaves to pdfjs's own JavaScript decoders.
 */
export function otherFilterBombPdf(filter: 'LZWDecode' | 'RunLengthDecode', mib: number): Buffer {
  return writePdf([
    [CATALOG],
    [PAGE_TREE],
    [
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    ],
    ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'],
    stream(`/Filter /${filter}`, filter === 'LZWDecode' ? lzwRun(SPACE, mib) : runLengthRun(SPACE, mib)),
  ]);
}

/** A one-page PDF whose content stream is Flate-compressed spaces inflating to `mib` MiB. */
export function contentBombPdf(mib: number): Buffer {
  return writePdf([
    [CATALOG],
    [PAGE_TREE],
    [
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    ],
    ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'],
    stream('/Filter /FlateDecode', zlibRun(SPACE, mib, Buffer.from(`\n${TEXT}\n`, 'latin1'))),
  ]);
}

/** A one-page PDF with readable text whose embedded font program and image each inflate to `mib` MiB. */
export function fontAndImageBombPdf(mib: number): Buffer {
  return writePdf([
    [CATALOG],
    [PAGE_TREE],
    [
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 7 0 R >> >> /Contents 5 0 R >>',
    ],
    [
      '<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /Encoding /WinAnsiEncoding /FontDescriptor 6 0 R >>',
    ],
    stream('', Buffer.from(`q 100 0 0 100 72 600 cm /Im1 Do Q\n${TEXT}`, 'latin1')),
    [
      '<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 8 0 R >>',
    ],
    stream(
      '/Type /XObject /Subtype /Image /Width 16384 /Height 16384 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode',
      zlibRun(0, mib),
    ),
    stream(`/Length1 ${mib * MIB} /Filter /FlateDecode`, zlibRun(0, mib)),
  ]);
}

/**
 * A one-page PDF (cross-reference stream) whose font dictionary sits in an object stream that
 * inflates to `mib` MiB of spaces before it: read by pdfjs's own JavaScript decoder.
 */
export function objectStreamBombPdf(mib: number): Buffer {
  const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  const header = '6 0 ';
  const data = headerThenRun(header, mib, font);
  const first = header.length + mib * MIB;
  return writePdf(
    [
      [CATALOG],
      [PAGE_TREE],
      [
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> >> /Contents 4 0 R >>',
      ],
      stream('', Buffer.from(TEXT, 'latin1')),
      // The object stream: "6 0" then spaces up to /First, where the font dictionary is.
      stream(`/Type /ObjStm /N 1 /First ${first} /Filter /FlateDecode`, data),
    ],
    { xrefStreamFor: [5, 6] },
  );
}

/** zlib data inflating to `header`, `mib` MiB of spaces, then `tail`. */
function headerThenRun(header: string, mib: number, tail: string): Buffer {
  const head = deflateRawSync(Buffer.from(header, 'latin1'), { finishFlush: constants.Z_FULL_FLUSH });
  const body = deflatedRun(SPACE, mib, Buffer.from(tail, 'latin1'));
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(adlerAfter(Buffer.from(header, 'latin1'), mib, Buffer.from(tail, 'latin1')) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), head, body, checksum]);
}

function adlerAfter(head: Buffer, mib: number, tail: Buffer): number {
  const mod = 65521n;
  let a = 1n;
  let b = 0n;
  for (const value of head) {
    a = (a + BigInt(value)) % mod;
    b = (b + a) % mod;
  }
  const n = BigInt(mib * MIB);
  const c = BigInt(SPACE);
  b = (b + n * a + (c * n * (n + 1n)) / 2n) % mod;
  a = (a + n * c) % mod;
  for (const value of tail) {
    a = (a + BigInt(value)) % mod;
    b = (b + a) % mod;
  }
  return Number((b << 16n) | a);
}

/** A zip archive with stored-name entries; `deflated` entries are given as raw deflate data. */
function writeZip(
  entries: { name: string; data: Buffer; size: number; crc: number; deflated: boolean }[],
): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(entry.deflated ? 8 : 0, 8);
    header.writeUInt32LE(entry.crc >>> 0, 14);
    header.writeUInt32LE(entry.data.length, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(entry.deflated ? 8 : 0, 10);
    record.writeUInt32LE(entry.crc >>> 0, 16);
    record.writeUInt32LE(entry.data.length, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    local.push(header, name, entry.data);
    central.push(record, name);
    offset += header.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

function stored(name: string, text: string) {
  const data = Buffer.from(text, 'utf8');
  return { name, data, size: data.length, crc: crc32(data), deflated: false };
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A DOCX whose word/document.xml inflates to `mib` MiB of spaces (a zip bomb). */
export function docxBomb(mib: number): Buffer {
  let crc = 0;
  const chunk = Buffer.alloc(MIB, SPACE);
  for (let k = 0; k < mib; k += 1) crc = crc32(chunk, crc);
  return writeZip([
    stored('[Content_Types].xml', CONTENT_TYPES),
    stored('_rels/.rels', RELS),
    { name: 'word/document.xml', data: deflatedRun(SPACE, mib), size: mib * MIB, crc, deflated: true },
  ]);
}

/** A DOCX whose body nests `depth` tables inside each other. */
export function deeplyNestedDocx(depth: number): Buffer {
  const open = '<w:tbl><w:tr><w:tc>'.repeat(depth);
  const close = '<w:p><w:r><w:t>深</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'.repeat(depth);
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${open}${close}</w:body></w:document>`;
  return writeZip([
    stored('[Content_Types].xml', CONTENT_TYPES),
    stored('_rels/.rels', RELS),
    stored('word/document.xml', xml),
  ]);
}

/** An HTML page of about `mib` MiB: one table of many short rows. */
export function largeHtml(mib: number): Buffer {
  const row = '<tr><td>行政许可</td><td>12</td><td>3</td></tr>\n';
  const rows = Math.floor((mib * MIB) / Buffer.byteLength(row));
  return Buffer.from(`<!doctype html><html><body><table>\n${row.repeat(rows)}</table></body></html>`, 'utf8');
}

/**
 * An HTML page of about `mib` MiB that is within every budget of the reader: one paragraph of
 * Chinese text. Reading it costs some three times its size in memory.
 */
export function largeParagraphHtml(mib: number): Buffer {
  const word = '年度报告';
  const count = Math.floor((mib * MIB) / Buffer.byteLength(word));
  return Buffer.from(`<!doctype html><html><body><p>${word.repeat(count)}</p></body></html>`, 'utf8');
}

/** An HTML page nesting `depth` div elements. */
export function deeplyNestedHtml(depth: number): Buffer {
  return Buffer.from(
    `<!doctype html><html><body>${'<div>'.repeat(depth)}深${'</div>'.repeat(depth)}</body></html>`,
  );
}

export interface HostileFiles {
  dir: string;
  /** Content stream inflating to 1 GiB. */
  pdfBomb1g: string;
  /** Content stream inflating to 4 GiB. */
  pdfBomb4g: string;
  fontImageBomb: string;
  objectStreamBomb: string;
  docxBomb: string;
  nestedDocx: string;
  /** 49 MB of short table rows: refused by the element budget. */
  html49mb: string;
  /** 49 MB of one paragraph: within every budget, over a low memory cap. */
  html49mbParagraph: string;
  nestedHtml: string;
}

/** Writes every hostile file into a fresh temporary folder. */
export function makeHostileFiles(): HostileFiles {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
  mkdirSync(dir, { recursive: true });
  const write = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  return {
    dir,
    pdfBomb1g: write('bomb-1g.pdf', contentBombPdf(1024)),
    pdfBomb4g: write('bomb-4g.pdf', contentBombPdf(4096)),
    fontImageBomb: write('font-image-bomb.pdf', fontAndImageBombPdf(1024)),
    objectStreamBomb: write('object-stream-bomb.pdf', objectStreamBombPdf(1024)),
    docxBomb: write('bomb-1100m.docx', docxBomb(1100)),
    nestedDocx: write('nested.docx', deeplyNestedDocx(100_000)),
    html49mb: write('large-49m.html', largeHtml(49)),
    html49mbParagraph: write('paragraph-49m.html', largeParagraphHtml(49)),
    nestedHtml: write('nested.html', deeplyNestedHtml(200_000)),
  };
}
