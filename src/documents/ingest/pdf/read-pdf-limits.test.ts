import { describe, expect, it } from 'vitest';
import { writeHandPdf } from '../../../../test/support/hand-written-pdf.ts';
import {
  contentBombPdf,
  fontAndImageBombPdf,
  objectStreamBombPdf,
  otherFilterBombPdf,
} from '../../../../test/support/hostile-files.ts';
import { AppError } from '../../../core/errors.ts';
import { readReportDocument } from '../read-document.ts';
import { INGEST_LIMITS, ReadBudgetExceeded } from '../source-document.ts';

/**
 * A valid PDF written by hand: catalog, page tree, Helvetica, one content stream shared by
 * `pages` A4 pages; the xref table gives each object's byte offset.
 */
function writePdf(content: string, pages = 1): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '', // the page tree, once the pages have numbers
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  const kids: string[] = [];
  for (let page = 0; page < pages; page += 1) {
    objects.push(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>',
    );
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  return writeHandPdf(objects);
}

async function refusal(bytes: Uint8Array): Promise<AppError> {
  try {
    await readReportDocument(bytes, 'report.pdf');
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the PDF to be refused');
}

describe('readReportDocument on hostile and foreign PDFs', () => {
  it('refuses a valid 500-page PDF with the page limit, without reading its pages', async () => {
    const started = performance.now();
    const error = await refusal(writePdf('BT /F1 12 Tf 72 770 Td (Annual report) Tj ET', 500));
    expect(error.code).toBe('DOCUMENT_REFUSED');
    expect(error.message).toBe(`PDF 有 500 页，超过上限 ${INGEST_LIMITS.maxPdfPages} 页`);
    expect(error.message).not.toContain('\n');
    // Bounded, not a speed measure: reading 500 pages would take far longer.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reads or refuses, in bounded time, a page whose content stream holds 60,000 text operators', async () => {
    const operators: string[] = ['BT /F1 6 Tf'];
    for (let row = 0; row < 600; row += 1) {
      for (let column = 0; column < 100; column += 1) {
        operators.push(`1 0 0 1 ${20 + column * 5.5} ${830 - row * 1.35} Tm (${(row * column) % 10}) Tj`);
      }
    }
    operators.push('ET');
    // A ruled grid over the whole page, so that the drawing is read and every run placed in a cell.
    const ruled = [
      ...Array.from({ length: 101 }, (_, k) => `${20 + k * 5.5} 20 m ${20 + k * 5.5} 832 l S`),
      ...Array.from({ length: 101 }, (_, k) => `20 ${32 + k * 8} m 570 ${32 + k * 8} l S`),
    ];
    const started = performance.now();
    const outcome = await readReportDocument(writePdf([...ruled, ...operators].join('\n')), 'big.pdf').then(
      () => null,
      (error: unknown) => error,
    );
    if (outcome !== null) {
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).code).toBe('DOCUMENT_REFUSED');
      expect((outcome as AppError).message).not.toContain('\n');
    }
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it('refuses a one-page PDF whose text is not an annual report', async () => {
    const lines = ['Quarterly sales review', 'Revenue grew by 12 percent over the quarter.', 'Thank you.'];
    const content = ['BT /F1 12 Tf 72 770 Td 16 TL', ...lines.map((line) => `(${line}) Tj T*`), 'ET'].join(
      '\n',
    );
    const error = await refusal(writePdf(content));
    expect(error.code).toBe('DOCUMENT_REFUSED');
    expect(error.message).toMatch(/^不像政府信息公开工作年度报告/);
    expect(error.message).not.toContain('\n');
  });
});

describe('readReportDocument on decompression bombs, whichever PDF reader runs', () => {
  const budgetRefusal = /^PDF 内容解压后超过 \d+ MB（(单个数据流|全部数据流合计)上限），拒绝读取$/;

  it.each([
    ['fast', 'a content stream of 1 GB', () => contentBombPdf(1024)],
    ['pdfjs', 'a content stream of 1 GB', () => contentBombPdf(1024)],
    ['pdfjs', 'a font program and an image of 1 GB', () => fontAndImageBombPdf(1024)],
    // Object streams are decoded by pdfjs's own JavaScript decoder, bounded by its patched DecodeStream.
    ['pdfjs', 'an object stream of 1 GB', () => objectStreamBombPdf(1024)],
    // Filters the fast reader leaves to pdfjs, decoded by the same bounded DecodeStream. The
    // refusal names a stream over its budget: only data that decodes gets there (a corrupt stream
    // ends with less).
    ['fast', 'an LZW content stream of 1 GB', () => otherFilterBombPdf('LZWDecode', 1024)],
    ['fast', 'a run-length content stream of 64 MB', () => otherFilterBombPdf('RunLengthDecode', 64)],
  ] as const)(
    'the %s reader refuses %s with the budget reason',
    async (pdfReader, _what, make) => {
      const error = await readReportDocument(new Uint8Array(make()), 'bomb.pdf', { pdfReader }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ReadBudgetExceeded);
      expect((error as AppError).code).toBe('DOCUMENT_REFUSED');
      expect((error as AppError).message).toMatch(budgetRefusal);
    },
    60_000,
  );
});
