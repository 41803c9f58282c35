import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeHandPdf } from '../../../../../test/support/hand-written-pdf.ts';
import { pdfjsPages } from '../../../../../test/support/pdfjs-pages.ts';
import { PdfFile } from './pdf-file.ts';
import { PdfFastUnsupported, PdfRef, PdfStream } from './pdf-objects.ts';
import { readPagesFast } from './read-pages.ts';

const FIXTURES = join(import.meta.dirname, '../../../../../test/fixtures/documents');

const readable = [
  ...readdirSync(FIXTURES).filter((name) => name.endsWith('.pdf') && !name.includes('encrypted')),
  // WPS (Identity-V twins, WinAnsi Latin without ToUnicode), Word, 极速PDF (predefined CMaps, fonts not embedded).
  ...readdirSync(join(FIXTURES, '../producers'))
    .filter((name) => name.endsWith('.pdf'))
    .map((name) => `../producers/${name}`),
];

describe('readPagesFast against pdfjs', () => {
  it('has fixtures from both producers to compare', () => {
    expect(readable.filter((name) => name.includes('.lo.')).length).toBeGreaterThanOrEqual(5);
    expect(readable.filter((name) => name.includes('.chromium.')).length).toBeGreaterThanOrEqual(5);
    for (const producer of ['wps', 'word', 'jisu'])
      expect(readable.filter((name) => name.endsWith(`.${producer}.pdf`)).length).toBeGreaterThanOrEqual(5);
  });

  // Every number of every run and rule, not only the lines made from them.
  it.each(readable)('reads %s exactly as pdfjs does (runs, rules, page sizes)', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
    const fast = readPagesFast(bytes);
    expect(fast.length).toBeGreaterThan(0);
    expect(fast.some((page) => page.rules !== null && page.rules.horizontal.length > 0)).toBe(true);
    expect(fast).toEqual(await pdfjsPages(bytes));
  });

  it.each(['bad/encrypted.pdf', 'seed-003.lo.owner-encrypted.pdf', 'bad/truncated.pdf', 'bad/garbage.pdf'])(
    'leaves %s to pdfjs',
    (name) => {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
      expect(() => readPagesFast(bytes)).toThrow(PdfFastUnsupported);
    },
  );
});

/** A PDF written by hand; `xrefStream` puts the objects but the first in an object stream. */
function writePdf(objects: string[], streams: Map<number, string>, xrefStream: boolean): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.5\n')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  const add = (text: string | Buffer) => {
    const buffer = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
    chunks.push(buffer);
    length += buffer.length;
  };
  const writeObject = (number: number, body: string) => {
    offsets[number] = length;
    const stream = streams.get(number);
    if (stream === undefined) {
      add(`${number} 0 obj\n${body}\nendobj\n`);
      return;
    }
    const data = deflateSync(Buffer.from(stream, 'latin1'));
    add(`${number} 0 obj\n<< ${body} /Length ${data.length} /Filter /FlateDecode >>\nstream\n`);
    add(data);
    add('\nendstream\nendobj\n');
  };
  const count = objects.length;
  if (!xrefStream) {
    objects.forEach((body, index) => {
      writeObject(index + 1, body);
    });
    const xref = length;
    add(`xref\n0 ${count + 1}\n0000000000 65535 f \n`);
    for (let n = 1; n <= count; n += 1) add(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
    add(`trailer\n<< /Size ${count + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
    return new Uint8Array(Buffer.concat(chunks));
  }
  // Streams stay outside (they cannot go into object streams); the rest goes into object count + 1.
  const inside = objects.map((_, index) => index + 1).filter((n) => !streams.has(n));
  for (const n of objects.map((_, index) => index + 1)) if (streams.has(n)) writeObject(n, objects[n - 1]!);
  let header = '';
  let body = '';
  for (const n of inside) {
    header += `${n} ${body.length} `;
    body += `${objects[n - 1]}\n`;
  }
  const objStm = count + 1;
  streams.set(objStm, header + body);
  writeObject(objStm, `/Type /ObjStm /N ${inside.length} /First ${header.length}`);
  const xrefNumber = count + 2;
  const rows: number[][] = [[0, 0, 255]];
  for (let n = 1; n <= count + 1; n += 1) {
    if (inside.includes(n)) rows.push([2, objStm, inside.indexOf(n)]);
    else rows.push([1, offsets[n]!, 0]);
  }
  const xrefOffset = length;
  rows.push([1, xrefOffset, 0]);
  // PNG "Up" predictor rows, as Word and Acrobat write them: 1 + 4 + 1 bytes a row.
  const raw: number[] = [];
  let previous = [0, 0, 0, 0, 0, 0];
  for (const [type, field, index] of rows) {
    const row = [
      type!,
      (field! >> 24) & 255,
      (field! >> 16) & 255,
      (field! >> 8) & 255,
      field! & 255,
      index!,
    ];
    raw.push(2, ...row.map((value, k) => (value - previous[k]! + 256) & 255));
    previous = row;
  }
  const data = deflateSync(Buffer.from(raw));
  add(
    `${xrefNumber} 0 obj\n<< /Type /XRef /Size ${xrefNumber + 1} /W [1 4 1] /Root 1 0 R /Filter /FlateDecode ` +
      `/DecodeParms << /Predictor 12 /Columns 6 >> /Length ${data.length} >>\nstream\n`,
  );
  add(data);
  add(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}

/** A real embedded TrueType program (a LibreOffice subset), as the bytes of its stream, decoded. */
function trueTypeProgram(): string {
  const file = new PdfFile(new Uint8Array(readFileSync(join(FIXTURES, 'seed-000.lo.pdf'))));
  for (let num = 1; num < 2000; num += 1) {
    const descriptor = file.dict(file.resolve(new PdfRef(num, 0)));
    const program = file.resolve(descriptor?.get('FontFile2'));
    if (program instanceof PdfStream) return Buffer.from(file.decode(program)).toString('latin1');
  }
  throw new Error('no TrueType program in seed-000.lo.pdf');
}

function utf16(text: string): string {
  return [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
}

/**
 * A table page that uses what fixtures from LibreOffice and Chromium do not: a Type0 font with
 * Identity-H and /W, TJ adjustments, Tz/Tc/Tw/TL, the ' and " operators, a Form XObject drawing
 * part of the table, grey and RGB rules, and an inline image.
 */
function featurePdf(xrefStream: boolean): Uint8Array {
  const cjk = '政府信息公开工作年度报告收到申请数';
  const toUnicode = (pairs: string) =>
    `/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n${pairs}\nendcmap CMapName currentdict /CMap defineresource pop end end`;
  const cidPairs = `${cjk.length} beginbfchar\n${[...cjk].map((c, i) => `<${(i + 1).toString(16).padStart(4, '0')}> <${utf16(c)}>`).join('\n')}\nendbfchar`;
  const latinPairs = '1 beginbfrange\n<20> <7e> <0020>\nendbfrange';
  const cid = (text: string) =>
    `<${[...text].map((c) => (cjk.indexOf(c) + 1).toString(16).padStart(4, '0')).join('')}>`;
  const rows = [
    ['收到申请数', '12', '3', '0'],
    ['公开', '7', '1', '10'],
  ];
  let content = 'q 0.5 g 0 0 595 842 re f Q\n';
  content += '0 G 0.8 w\n';
  for (const [r, y] of [700, 680, 660].entries()) content += `72 ${y} m 500 ${y} l ${r === 2 ? 'S' : 'S'}\n`;
  content += '1 0 0 RG 72 660 m 72 700 l S 0 0 1 rg 200 660 0.5 40 re f\n';
  content += 'BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI\n';
  content += 'BT /F1 10 Tf 14 TL 80 706 Td (Annual report 2024) Tj T* [(Item)-300(value)] TJ ET\n';
  rows.forEach((row, index) => {
    const y = 686 - index * 20;
    content += `BT /F2 10 Tf 80 ${y} Td ${cid(row[0]!)} Tj ET\n`;
    content += `BT /F1 10 Tf 2 Tc 0.5 Tw 90 Tz 1 0 0 1 210 ${y} Tm (${row[1]}) Tj 100 0 Td (${row[2]}) Tj 0 Tc 0 Tw 100 Tz ET\n`;
  });
  content += 'q 1 0 0 1 400 0 cm /Fm1 Do Q\n';
  content += `BT /F1 9 Tf 12 TL 72 600 Td (first line) Tj (second line) ' 1 0.5 (third line) " ET\n`;
  content += `BT /F2 12 Tf 72 560 Td [${cid('政府')} -120 ${cid('信息')} 400 ${cid('公开')}] TJ ET\n`;
  const form = `0 0 1 RG 10 680 m 90 680 l S BT /F1 10 Tf 20 686 Td (${rows[0]![3]}) Tj 0 -20 Td (${rows[1]![3]}) Tj ET`;
  const program = trueTypeProgram();
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>',
    '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /Fm1 9 0 R >> >> /Contents 4 0 R >>',
    '',
    `<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 126 /Widths [${Array.from({ length: 95 }, (_, i) => 500 + (i % 7) * 20).join(' ')}] /ToUnicode 7 0 R /FontDescriptor 11 0 R >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /NotoSansCJK /Encoding /Identity-H /DescendantFonts [8 0 R] /ToUnicode 10 0 R >>',
    '',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSansCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [1 [980 990] 5 10 1000] /FontDescriptor 11 0 R >>',
    '/Type /XObject /Subtype /Form /BBox [0 0 200 842] /Resources << /Font << /F1 5 0 R >> >>',
    '',
    '<< /Type /FontDescriptor /FontName /Embedded /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 12 0 R >>',
    `/Length1 ${program.length}`,
  ];
  const streams = new Map<number, string>([
    [12, program],
    [4, content],
    [7, toUnicode(latinPairs)],
    [9, form],
    [10, toUnicode(cidPairs)],
  ]);
  return writePdf(objects, streams, xrefStream);
}

describe('readPagesFast on structures the fixtures lack', () => {
  it.each([
    ['an xref table', false],
    ['an xref stream with PNG predictors and an object stream', true],
  ])('reads a page written with %s exactly as pdfjs does', async (_label, xrefStream) => {
    const bytes = featurePdf(xrefStream);
    const fast = readPagesFast(bytes);
    const texts = fast[0]!.runs.map((run) => run.text);
    // Tc 2 at 10 pt and a TJ gap of 0.12 em are spaces to pdfjs, as they are on paper.
    expect(texts).toEqual(
      expect.arrayContaining([
        '收到申请数',
        '1 2',
        '7',
        '10',
        'Item value',
        'second line',
        '政府 信息',
        '公开',
      ]),
    );
    expect(texts.join('|')).toContain('Annual report 2024');
    expect(fast[0]!.rules?.horizontal.length).toBeGreaterThanOrEqual(4);
    expect(fast).toEqual(await pdfjsPages(bytes));
  });
});

describe('readPagesFast on hostile structure', () => {
  const page = (content: string) =>
    featureLess(content, '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>');

  /** One page with the given content and no fonts, written with an xref table. */
  function featureLess(content: string, pages: string, prevSelf = false): Uint8Array {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      pages,
      '<< /Type /Page /Parent 2 0 R /Resources << >> /Contents 4 0 R >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ];
    return writeHandPdf(objects, { prevSelf });
  }

  it('reads a page without text as a page without runs', () => {
    expect(readPagesFast(page('0 0 m 10 10 l S'))).toEqual([
      { runs: [], rules: null, width: 595, height: 842 },
    ]);
  });

  it('leaves to pdfjs an xref whose /Prev points at itself', () => {
    const bytes = featureLess('', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', true);
    expect(() => readPagesFast(bytes)).toThrow(PdfFastUnsupported);
  });

  it('leaves to pdfjs operands nested 100,000 arrays deep, without exhausting the stack', () => {
    expect(() => readPagesFast(page(`${'['.repeat(100_000)} TJ`))).toThrow(PdfFastUnsupported);
  });

  it('leaves to pdfjs a page tree whose page is its own parent', () => {
    const bytes = featureLess('', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>');
    expect(() => readPagesFast(bytes)).toThrow(PdfFastUnsupported);
  });
});
