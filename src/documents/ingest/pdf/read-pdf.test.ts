import { describe, expect, it } from 'vitest';
import {
  badInputs,
  compareWithTruth,
  findRow,
  fixtureDocuments,
  loadTruth,
  missingParagraphs,
  readFixture,
} from '../../../../test/support/document-fixtures.ts';
import { AppError } from '../../../core/errors.ts';
import { INGEST_LIMITS, type SourceDocument } from '../source-document.ts';
import { readPdf } from './read-pdf.ts';

/**
 * A minimal PDF: one content stream per page (PDF operators, y upwards on a 600 × 800 page),
 * Helvetica as /F1. Enough to drive pdfjs through text, rules and page structure.
 */
function buildPdf(pages: string[]): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, index) => 4 + index * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((content, index) => {
    const id = pageIds[index]!;
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = pdf.length;
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

const text = (x: number, y: number, value: string, size = 10): string =>
  `BT /F1 ${size} Tf ${x} ${y} Td (${value}) Tj ET`;

/** Columns at x 50 | 200 | 300 | 400, rows at y 700 | 680 | 660 (PDF space), drawn as rectangles. */
const TABLE_PAGE = [
  text(50, 740, 'Report 2024'),
  '0 0 0 RG 0.5 w',
  '50 680 150 20 re 200 680 100 20 re 300 680 100 20 re S',
  '50 660 150 20 re 200 660 100 20 re 300 660 100 20 re S',
  // A white hairline inside a cell: background paint, not a rule.
  '1 1 1 rg 250 662 1 16 re f 0 0 0 rg',
  text(55, 686, 'Granted'),
  text(205, 686, '12'),
  text(305, 686, '30'),
  text(55, 666, 'Partial'),
  text(305, 666, '4'),
  text(290, 30, '- 1 -'),
].join('\n');

async function refusal(bytes: Uint8Array): Promise<AppError> {
  try {
    await readPdf(bytes);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected readPdf to refuse the input');
}

describe('readPdf', () => {
  it('reads ruled table rows as lines with one cell per cell, empty cells kept, page numbers dropped', async () => {
    const doc = await readPdf(buildPdf([TABLE_PAGE, text(50, 740, 'Second page')]));
    expect(doc.format).toBe('pdf');
    expect(doc.pages).toBe(2);
    expect(doc.lines.map((line) => [line.page, line.line, line.cells, line.inTable, line.table])).toEqual([
      [1, 1, ['Report 2024'], false, undefined],
      [1, 2, ['Granted', '12', '30'], true, 0],
      [1, 3, ['Partial', '', '4'], true, 0],
      [2, 1, ['Second page'], false, undefined],
    ]);
  });

  it('refuses a PDF with more pages than the limit before reading them', async () => {
    const pages = Array.from({ length: INGEST_LIMITS.maxPdfPages + 1 }, () => '');
    const error = await refusal(buildPdf(pages));
    expect(error.code).toBe('DOCUMENT_REFUSED');
    expect(error.message).toContain(`超过上限 ${INGEST_LIMITS.maxPdfPages} 页`);
  });

  it('refuses a PDF with neither text nor a scanned image', async () => {
    const error = await refusal(buildPdf(['0 0 0 RG 50 50 100 100 re S', '']));
    expect(error.message).toMatch(/^PDF 没有文字层(，也没有扫描图像|（可能是扫描件）)/);
  });

  it('refuses input that is not a PDF, is cut short, or is too big', async () => {
    expect((await refusal(new TextEncoder().encode('一、总体情况'))).code).toBe('UNSUPPORTED_FORMAT');
    const whole = buildPdf([TABLE_PAGE]);
    expect((await refusal(whole.subarray(0, Math.floor(whole.length * 0.6)))).message).toContain('不完整');
    expect((await refusal(new Uint8Array(INGEST_LIMITS.maxFileBytes + 1))).message).toContain('大小上限');
  });

  it('refuses a damaged PDF with a Chinese message', async () => {
    const damaged = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n%%EOF\n');
    const error = await refusal(damaged);
    expect(error.code).toBe('DOCUMENT_REFUSED');
    expect(error.message).toMatch(/^PDF .*(损坏|无效|没有文字层)/);
  });

  it('leaves the caller’s bytes usable', async () => {
    const bytes = buildPdf([TABLE_PAGE]);
    await readPdf(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  });
});

describe('readPdf on the fixture documents', () => {
  const documents = fixtureDocuments('pdf');
  const read = new Map<string, Promise<SourceDocument>>();
  /** Each fixture is read once for all the tests below. */
  const readOnce = (file: string): Promise<SourceDocument> => {
    if (!read.has(file)) read.set(file, readPdf(readFixture(file)));
    return read.get(file)!;
  };

  it.each(documents.map((document) => [document.file, document] as const))(
    '%s: tables 二, 三 and 四 print exactly the truth, paragraphs are all read',
    async (_file, document) => {
      const doc = await readOnce(document.file);
      const truth = loadTruth(document);
      expect(compareWithTruth(doc, truth)).toEqual([]);
      expect(missingParagraphs(doc, truth)).toEqual([]);
      expect(doc.lines.every((line) => line.page !== undefined && line.page <= doc.pages!)).toBe(true);
    },
  );

  it('puts the 部分公开 row of table 三 on one line with the truth values, wrapped label joined', async () => {
    for (const document of documents) {
      const found = findRow(await readOnce(document.file), /部分公开/, 7);
      expect(found?.row.label, document.file).toMatch(
        /部分公开[（(]区分处理的[，,]只计这一情形[，,]不计其他情形[)）]$/,
      );
      expect(found?.row.values.slice(0, 7), document.file).toEqual(loadTruth(document).table3.partial);
    }
  });

  it('maps the radical look-alikes Chromium writes (⼈⺠ → 人民)', async () => {
    const chromium = documents.filter((document) => document.file.includes('chromium'));
    for (const document of chromium) {
      const all = (await readOnce(document.file)).lines.flatMap((line) => line.cells).join('');
      expect(all, document.file).not.toMatch(/[\u2E80-\u2FDF]/);
      expect(all, document.file).toContain('人民');
    }
  });

  it('keeps table 三 one table when it continues on the next page', async () => {
    const pagebreak = documents.filter((document) => document.file.startsWith('gen-pagebreak'));
    for (const document of pagebreak) {
      const doc = await readOnce(document.file);
      const first = findRow(doc, /本年新收/, 7)!.row.line;
      const last = findRow(doc, /结转下年度/, 7)!.row.line;
      expect(last.page, document.file).toBeGreaterThan(first.page!);
      expect(last.table, document.file).toBe(first.table);
    }
  });

  const expected: Record<string, RegExp> = {
    'bad/empty.pdf': /^文件为空/,
    'bad/garbage.pdf': /^不是 PDF 文件/,
    'bad/text-as.pdf': /^不是 PDF 文件/,
    'bad/truncated.pdf': /不完整|损坏/,
    'bad/encrypted.pdf': /^PDF 已加密，无法读取$/,
    // Scans are read by OCR (issue 18); this one was scanned at 90 dpi, too coarse for digits.
    'bad/scanned.pdf':
      /^PDF 没有文字层(，是扫描件，但扫描分辨率太低（约 90 dpi）|（可能是扫描件）；需要安装 tesseract-ocr)/,
  };
  it.each(Object.keys(badInputs()).filter((file) => file.endsWith('.pdf')))('refuses %s', async (file) => {
    const error = await refusal(readFixture(file));
    expect(['DOCUMENT_REFUSED', 'UNSUPPORTED_FORMAT']).toContain(error.code);
    expect(error.message).toMatch(expected[file] ?? /./);
    expect(error.message).not.toMatch(/[A-Za-z]{12,}/);
  });
});
