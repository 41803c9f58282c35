import { AppError } from '../../../core/errors.ts';
import { readValue } from '../interpret/cell-values.ts';
import type { PdfPageContent } from '../pdf/pdf-page-content.ts';
import { numberLines } from '../pdf/read-pdf.ts';
import { INGEST_LIMITS, type SourceDocument, type SourceLine } from '../source-document.ts';
import { countColumns, markTable2Cells, markUntrustedCells } from './count-columns.ts';
import { DOUBTFUL_CAPTION, snapDoubtfulCaption, snapToFormat } from './format-lexicon.ts';
import { estimateSkew, type GrayImage, inkThreshold } from './gray-image.ts';
import { type OcrCell, type OcrPage, ocrPages } from './ocr-page.ts';
import { dpiFor, imageResolutions, MIN_SCAN_DPI, rasterisePdfPage, rotateImage } from './page-images.ts';
import { placeMisreadRows, placeUnreadTable2Rows } from './place-rows.ts';
import { requireOcr } from './tesseract.ts';

/** Skews smaller than this (degrees) are left as they are. */
const MIN_SKEW = 0.05;

/**
 * Reads a PDF without a text layer (a scan) by OCR, page by page: pdftoppm draws the page, it is
 * straightened (estimateSkew, up to ±3°), and ocrPages reads its tables cell by cell and its text
 * (PAGES_PER_RUN pages with one recogniser start-up per pass: readInRuns);
 * the pages are then laid out like a text PDF's (numberLines), each table line keeping the
 * recogniser's confidence per cell and the note “OCR，第N页”.
 *
 * Throws AppError DOCUMENT_REFUSED when Tesseract is not installed (naming what to install) or
 * the scan has more than INGEST_LIMITS.maxScannedPages pages, or is scanned coarser than MIN_SCAN_DPI.
 */
export async function readScannedPdf(
  bytes: Uint8Array,
  pages: readonly PdfPageContent[],
  onPage?: (page: number, pages: number) => void,
): Promise<SourceDocument> {
  requireOcr('PDF 没有文字层（可能是扫描件）');
  if (pages.length > INGEST_LIMITS.maxScannedPages) {
    throw new AppError(
      'DOCUMENT_REFUSED',
      `扫描件有 ${pages.length} 页，超过文字识别的上限 ${INGEST_LIMITS.maxScannedPages} 页`,
    );
  }
  const resolutions = await imageResolutions(bytes);
  if (resolutions.size === 0)
    throw new AppError('DOCUMENT_REFUSED', 'PDF 没有文字层，也没有扫描图像，无法读取');
  const coarsest = Math.min(...resolutions.values());
  if (coarsest < MIN_SCAN_DPI) {
    throw new AppError(
      'DOCUMENT_REFUSED',
      `PDF 没有文字层，是扫描件，但扫描分辨率太低（约 ${Math.round(coarsest)} dpi），无法可靠识别；请提供 ${MIN_SCAN_DPI} dpi 以上（最好 200–300 dpi）的扫描件`,
    );
  }
  const read = await readInRuns(
    pages.length,
    async (index) => {
      const dpi = dpiFor(pages[index]!.width, pages[index]!.height);
      // A page without an image (a blank separator page) has nothing to read.
      if (!resolutions.has(index + 1)) return null;
      return { gray: await straighten(await rasterisePdfPage(bytes, index + 1, dpi)), dpi };
    },
    (index) => emptyPage(pages[index]!),
    onPage,
  );
  return scannedDocument(read);
}

/**
 * Pages read together: each recogniser pass reads them with one Tesseract process (ocrPages), whose
 * start-up costs as much as a page; few enough that their images stay well under the reader
 * process's memory cap (INGEST_DEFAULTS.maxMemoryMb: six pages added some 90 MB).
 */
export const PAGES_PER_RUN = 3;

/**
 * Reads `count` pages PAGES_PER_RUN at a time: `load` gives each page's straightened image and
 * resolution (null for a page with nothing to read, which `empty` stands for), the pages of a run
 * with the same resolution are read by ocrPages. `onPage(page, pages)` says how far it has got:
 * the first page of each run as the run starts, the run's other pages once it is read.
 */
export async function readInRuns(
  count: number,
  load: (index: number) => Promise<{ gray: GrayImage; dpi: number } | null>,
  empty: (index: number) => OcrPage,
  onPage?: (page: number, pages: number) => void,
): Promise<OcrPage[]> {
  const read: OcrPage[] = [];
  for (let from = 0; from < count; from += PAGES_PER_RUN) {
    const run: { index: number; gray: GrayImage; dpi: number }[] = [];
    const to = Math.min(count, from + PAGES_PER_RUN);
    // The run's first page is announced as it starts (a run takes seconds: the web shows
    // “第1/6页识别中” meanwhile), the others as the run ends.
    onPage?.(from + 1, count);
    for (let index = from; index < to; index += 1) {
      const page = await load(index);
      if (page) run.push({ index, ...page });
      else read[index] = empty(index);
    }
    for (const dpi of new Set(run.map((page) => page.dpi))) {
      const same = run.filter((page) => page.dpi === dpi);
      const done = await ocrPages(
        same.map((page) => page.gray),
        dpi,
      );
      same.forEach((page, i) => {
        read[page.index] = done[i]!;
      });
    }
    for (let index = from + 1; index < to; index += 1) onPage?.(index + 1, count);
  }
  return read;
}

function emptyPage(page: PdfPageContent): OcrPage {
  return {
    content: { runs: [], rules: null, width: page.width, height: page.height },
    cells: [],
    confidences: [],
  };
}

/** The page image turned upright when it is skewed. */
export async function straighten(image: GrayImage): Promise<GrayImage> {
  const skew = estimateSkew(image, Math.min(200, Math.max(60, inkThreshold(image))));
  return Math.abs(skew) < MIN_SKEW ? image : rotateImage(image, -skew);
}

/** The SourceDocument of pages read by OCR. */
export function scannedDocument(pages: readonly OcrPage[]): SourceDocument {
  const columns = pages.map((p) => countColumns(p.cells));
  const lines = numberLines(
    pages.map((p) => p.content),
    (line, pageLine) => {
      line.note = `OCR，第${line.page}页`;
      const cells = pages[(line.page ?? 1) - 1]?.cells ?? [];
      const confidence = pageLine.inTable
        ? pageLine.spans.map(([x0, x1]) => cellAt(cells, (x0 + x1) / 2, pageLine.top)?.confidence ?? 100)
        : [];
      // In place: the table bookkeeping of numberLines compares the mended captions.
      pageLine.cells.forEach((cell, i) => {
        const snapped = snapToFormat(cell);
        pageLine.cells[i] =
          snapped === cell && (confidence[i] ?? 100) < DOUBTFUL_CAPTION ? snapDoubtfulCaption(cell) : snapped;
      });
      if (!pageLine.inTable) return;
      line.confidence = confidence;
      const marked = markUntrustedCells(
        pageLine.cells,
        pageLine.spans,
        line.confidence,
        pageLine.top,
        columns[(line.page ?? 1) - 1] ?? [],
        (text) => readValue(text) !== null,
      );
      marked.push(...markTable2Cells(pageLine.cells, (text) => readValue(text) !== null));
      for (const i of marked) line.confidence[i] = 0;
    },
  );
  placeMisreadRows(lines as SourceLine[]);
  placeUnreadTable2Rows(lines as SourceLine[]);
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
