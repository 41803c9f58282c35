import { AppError } from '../../core/errors.ts';
import { collectRules, type Matrix, type PageRules, type PathOps } from './pdf-rules.ts';
import type { TextRun } from './pdf-runs.ts';
import { mapPdfCharacters } from './pdf-text.ts';

export const NUMERIC_RUN = /^\s*[\d.,/／—-]+\s*$/;
/** Fewer separate value runs than this and the page has no table worth its borders. */
export const MIN_VALUES_FOR_TABLE = 3;
/**
 * Most text items read from one page (a report page has at most a few thousand); a page with more
 * is refused while pdfjs is still reading it, which bounds the time and memory a hostile content
 * stream of text operators can take.
 */
export const MAX_TEXT_ITEMS_PER_PAGE = 100_000;

export type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfjsModule['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type TextContent = Awaited<ReturnType<PdfPage['getTextContent']>>;

/** What one page contributes to layout, in viewport space (scale 1, y downwards). */
export interface PdfPageContent {
  runs: TextRun[];
  /** Null when the page has no text, too many rules, or its drawing could not be read. */
  rules: PageRules | null;
  width: number;
  height: number;
}

/**
 * Loads a page's text runs and, when it has text, its rules. Text is taken as printed
 * (pdfjs normalisation off) except for the radical look-alikes mapPdfCharacters replaces.
 * Throws AppError DOCUMENT_REFUSED naming the page when its text cannot be read or holds more
 * than MAX_TEXT_ITEMS_PER_PAGE items; a page whose drawing operators fail is read without rules.
 */
export async function loadPageText(
  pdfjs: PdfjsModule,
  document: PdfDocument,
  number: number,
): Promise<PdfPageContent> {
  try {
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const base = viewport.transform as Matrix;
    const runs: TextRun[] = [];
    for (const item of await readTextItems(page, number)) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const m = pdfjs.Util.transform(base, item.transform) as Matrix;
      const size = Math.hypot(m[2], m[3]);
      // Text rotated against the page (vertical headers) is placed by its origin only.
      const horizontal = Math.abs(m[1]) <= Math.abs(m[0]) * 0.3;
      runs.push({
        text: mapPdfCharacters(item.str),
        x: m[4],
        y: m[5],
        width: horizontal ? item.width : size,
        size,
      });
    }
    // Reading the drawing is the costly part of a page; only pages that print table values need it.
    const values = runs.filter((r) => NUMERIC_RUN.test(r.text)).length;
    const rules = values >= MIN_VALUES_FOR_TABLE ? await readRules(pdfjs, page, base) : null;
    page.cleanup();
    return { runs, rules, width: viewport.width, height: viewport.height };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('DOCUMENT_REFUSED', `PDF 第 ${number} 页已损坏，无法读取`);
  }
}

/** The page's text items as getTextContent gives them, read chunk by chunk up to the limit. */
async function readTextItems(page: PdfPage, number: number): Promise<TextContent['items']> {
  const reader = (
    page.streamTextContent({ disableNormalization: true }) as ReadableStream<TextContent>
  ).getReader();
  const items: TextContent['items'] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return items;
    for (const item of value.items) items.push(item);
    if (items.length > MAX_TEXT_ITEMS_PER_PAGE) {
      await reader.cancel();
      throw new AppError(
        'DOCUMENT_REFUSED',
        `PDF 第 ${number} 页的文字片段超过 ${MAX_TEXT_ITEMS_PER_PAGE} 个，不像年度报告，无法读取`,
      );
    }
  }
}

async function readRules(pdfjs: PdfjsModule, page: PdfPage, base: Matrix): Promise<PageRules | null> {
  try {
    // Annotations (links, form fields) draw no table borders; their appearance streams are skipped.
    const operators = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
    return collectRules(operators.fnArray, operators.argsArray, pdfjs.OPS as PathOps, base);
  } catch {
    return null;
  }
}
