import { AppError } from '../../../core/errors.ts';
import type { PdfPageContent } from '../pdf/pdf-page-content.ts';
import { numberLines } from '../pdf/read-pdf.ts';
import type { SourceDocument, SourceLine } from '../source-document.ts';
import { snapToFormat } from './format-lexicon.ts';
import { estimateSkew, type GrayImage, inkThreshold } from './gray-image.ts';
import { type OcrCell, type OcrPage, ocrPage } from './ocr-page.ts';
import { dpiFor, rasterisePdfPage, rotateImage } from './page-images.ts';
import { requireOcr } from './tesseract.ts';

/** Most pages of a scan read by OCR (seconds each): an annual report has 5–20. */
export const MAX_SCANNED_PAGES = 60;
/** Skews smaller than this (degrees) are left as they are. */
const MIN_SKEW = 0.05;

/**
 * Reads a PDF without a text layer (a scan) by OCR, page by page: pdftoppm draws the page, it is
 * straightened (estimateSkew, up to ±3°), and ocrPage reads its tables cell by cell and its text;
 * the pages are then laid out like a text PDF's (numberLines), each table line keeping the
 * recogniser's confidence per cell and the note “OCR，第N页”.
 *
 * Throws AppError DOCUMENT_REFUSED when Tesseract is not installed (naming what to install) or
 * the scan has more than MAX_SCANNED_PAGES pages.
 */
export async function readScannedPdf(
  bytes: Uint8Array,
  pages: readonly PdfPageContent[],
): Promise<SourceDocument> {
  requireOcr('PDF 没有文字层（可能是扫描件）');
  if (pages.length > MAX_SCANNED_PAGES) {
    throw new AppError(
      'DOCUMENT_REFUSED',
      `扫描件有 ${pages.length} 页，超过文字识别的上限 ${MAX_SCANNED_PAGES} 页`,
    );
  }
  const read: OcrPage[] = [];
  for (const [index, page] of pages.entries()) {
    const dpi = dpiFor(page.width, page.height);
    const image = await rasterisePdfPage(bytes, index + 1, dpi);
    read.push(await ocrPage(await straighten(image), dpi));
  }
  return scannedDocument(read);
}

/** The page image turned upright when it is skewed. */
export async function straighten(image: GrayImage): Promise<GrayImage> {
  const skew = estimateSkew(image, Math.min(200, Math.max(60, inkThreshold(image))));
  return Math.abs(skew) < MIN_SKEW ? image : rotateImage(image, -skew);
}

/** The SourceDocument of pages read by OCR. */
export function scannedDocument(pages: readonly OcrPage[]): SourceDocument {
  const lines = numberLines(
    pages.map((p) => p.content),
    (line, pageLine) => {
      line.note = `OCR，第${line.page}页`;
      // In place: the table bookkeeping of numberLines compares the mended captions.
      pageLine.cells.forEach((cell, i) => {
        pageLine.cells[i] = snapToFormat(cell);
      });
      if (!pageLine.inTable) return;
      const cells = pages[(line.page ?? 1) - 1]?.cells ?? [];
      line.confidence = pageLine.spans.map(
        ([x0, x1]) => cellAt(cells, (x0 + x1) / 2, pageLine.top)?.confidence ?? 100,
      );
    },
  );
  const confidences = pages.flatMap((p) => p.confidences);
  const mean = confidences.length === 0 ? 0 : confidences.reduce((a, b) => a + b, 0) / confidences.length;
  return {
    format: 'pdf',
    lines: lines as SourceLine[],
    pages: pages.length,
    scan: { pages: pages.length, meanConfidence: Math.round(mean * 10) / 10 },
  };
}

/** The OCR cell of a table line's cell: the one whose box holds the cell's middle, just below the row's top. */
function cellAt(cells: readonly OcrCell[], x: number, top: number): OcrCell | undefined {
  return cells.find(
    (c) => c.left - 1 <= x && x <= c.right + 1 && c.top - 3 <= top + 1 && top + 1 <= c.bottom,
  );
}
