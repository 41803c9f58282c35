import { AppError } from '../../../core/errors.ts';
import {
  INGEST_LIMITS,
  type ReadOptions,
  refuseEmptyOrOversized,
  type SourceDocument,
  type SourceLine,
} from '../source-document.ts';
import { PdfFastUnsupported } from './fast/pdf-objects.ts';
import { readPagesFast } from './fast/read-pages.ts';
import { layoutPage, type PageLine } from './layout/pdf-layout.ts';
import { joinSplitRow } from './layout/pdf-split-row.ts';
import type { PdfPageContent } from './pdf-page-content.ts';
import { type BudgetCheck, withBoundedInflate } from './pdfjs/pdf-inflate.ts';
import { loadPdfjs, openPdf } from './pdfjs/pdf-open.ts';
import { loadPageText, type PdfjsModule } from './pdfjs/pdf-page.ts';

/**
 * Reads the text layer of a PDF: with the fast reader of fast/ when it can read the file
 * exactly as pdfjs would (text-layer PDFs from office suites and browsers), otherwise (or with
 * `pdfReader: 'pdfjs'`, set by GONGKAI_PDF_READER=pdfjs) with pdfjs (opened by openPdf: no network, nothing drawn, CMaps
 * and standard font data from the pdfjs-dist package; streams inflated in one synchronous call,
 * see pdfjs/pdf-inflate.ts). Each page is laid out by layout/pdf-layout.ts:
 * ruled table rows become lines with one cell per cell, other text physical lines split at wide
 * gaps; page-number headers/footers are dropped; radical look-alikes are mapped (layout/pdf-text.ts).
 * `page` is the 1-based page, `line` the 1-based line on that page. A table whose rows continue
 * at the top of the next page keeps its table index.
 *
 * Throws AppError UNSUPPORTED_FORMAT when the bytes are not a PDF; DOCUMENT_REFUSED when the
 * file is too big, encrypted, truncated or damaged, has more than INGEST_LIMITS.maxPdfPages
 * pages, or yields more than INGEST_LIMITS.maxLines lines. A PDF with no text layer at all (a
 * scan) is read by OCR (ocr/read-scanned-pdf.ts), or refused naming what to install.
 */
export async function readPdf(
  bytes: Uint8Array,
  _fileName?: string,
  options: ReadOptions = {},
): Promise<SourceDocument> {
  checkEnvelope(bytes);
  const pages = options.pdfReader === 'pdfjs' ? null : readPagesFastOrNull(bytes);
  const module = pages ? null : await loadPdfjs();
  const read = pages ?? (await withBoundedInflate((check) => readText(module!, bytes, check)));
  if (read.every((page) => page.runs.length === 0)) {
    // No text layer: a scan, read by OCR where Tesseract is installed (refused with what to install otherwise).
    return (await import('../ocr/read-scanned-pdf.ts')).readScannedPdf(bytes, read, options.onPage);
  }
  return { format: 'pdf', lines: numberLines(read), pages: read.length };
}

/**
 * The pages as the fast reader (fast/) gives them, or null when it does not read this file
 * exactly as pdfjs would (PdfFastUnsupported: the file is then read with pdfjs, under the same
 * budgets). Anything else stands: its refusals (limits, ReadBudgetExceeded for a decompression
 * bomb) and its failures are never a reason to try another reader.
 */
function readPagesFastOrNull(bytes: Uint8Array): PdfPageContent[] | null {
  try {
    return readPagesFast(bytes);
  } catch (error) {
    if (error instanceof PdfFastUnsupported) return null;
    throw error;
  }
}

/** The checks made on the bytes alone, before pdfjs parses anything. */
function checkEnvelope(bytes: Uint8Array): void {
  refuseEmptyOrOversized(bytes, 'PDF');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new AppError('UNSUPPORTED_FORMAT', '不是 PDF 文件（缺少 %PDF 文件头）');
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.byteLength - 4096)));
  if (!tail.includes('%%EOF'))
    throw new AppError('DOCUMENT_REFUSED', 'PDF 文件不完整（缺少文件结尾，可能未下载完整）');
}

async function readText(
  module: PdfjsModule,
  bytes: Uint8Array,
  check: BudgetCheck,
): Promise<PdfPageContent[]> {
  const task = openPdf(module, bytes);
  try {
    const document = await task.promise.catch((error: unknown) => {
      check();
      throw refusalForLoadError(error);
    });
    check();
    if (document.numPages > INGEST_LIMITS.maxPdfPages) {
      throw new AppError(
        'DOCUMENT_REFUSED',
        `PDF 有 ${document.numPages} 页，超过上限 ${INGEST_LIMITS.maxPdfPages} 页`,
      );
    }
    const pages: PdfPageContent[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      pages.push(await loadPageText(module, document, number));
      check();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/**
 * Page and line numbers, and document-wide table indexes: a table whose rows go on at the top
 * of the next page keeps its index, and a row the page break cut in two is joined back
 * (joinSplitRow) and keeps the page and line where it starts.
 */
export function numberLines(
  pages: PdfPageContent[],
  onLine?: (line: SourceLine, pageLine: PageLine) => void,
): SourceLine[] {
  const lines: SourceLine[] = [];
  let tables = 0;
  let open: OpenTable | null = null;
  pages.forEach((page, pageIndex) => {
    const pageLines = layoutPage(page.runs, page.rules, page.width, page.height);
    const indexes = new Map<number, number>();
    // True while the page so far holds only rows that repeat the open table's header.
    let atTableTop = true;
    pageLines.forEach((pageLine, lineIndex) => {
      const line: SourceLine = {
        cells: pageLine.cells,
        inTable: pageLine.inTable,
        line: lineIndex + 1,
        page: pageIndex + 1,
      };
      onLine?.(line, pageLine);
      lines.push(line);
      if (!pageLine.inTable || pageLine.group === undefined) {
        open = null;
        atTableTop = false;
        return;
      }
      const key = pageLine.cells.join('|');
      const continued: OpenTable | null = atTableTop ? open : null;
      atTableTop = continued?.seen.has(key) === true;
      if (continued) {
        indexes.set(pageLine.group, continued.index);
        line.table = continued.index;
        if (atTableTop) return;
        const joined = joinSplitRow(continued.row, pageLine);
        if (joined) {
          continued.line.cells = joined.cells;
          continued.row = joined;
          lines.pop();
          return;
        }
      }
      let index = indexes.get(pageLine.group);
      if (index === undefined) {
        index = tables++;
        indexes.set(pageLine.group, index);
      }
      line.table = index;
      const seen = open?.index === index ? open.seen : new Set<string>();
      seen.add(key);
      open = { index, row: pageLine, line, seen };
    });
    if (lines.length > INGEST_LIMITS.maxLines) {
      throw new AppError('DOCUMENT_REFUSED', `PDF 内容超过 ${INGEST_LIMITS.maxLines} 行的上限，无法读取`);
    }
  });
  return lines;
}

/** The table the last line belonged to: its index, its last row and the rows seen so far. */
interface OpenTable {
  index: number;
  row: PageLine;
  line: SourceLine;
  seen: Set<string>;
}

function refusalForLoadError(error: unknown): AppError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new AppError('DOCUMENT_REFUSED', 'PDF 已加密，无法读取');
  if (name === 'InvalidPDFException')
    return new AppError('DOCUMENT_REFUSED', 'PDF 文件已损坏或格式无效，无法读取');
  return new AppError('DOCUMENT_REFUSED', 'PDF 文件已损坏或不完整，无法读取');
}
