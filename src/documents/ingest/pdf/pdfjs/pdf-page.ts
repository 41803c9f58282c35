import { AppError } from '../../../../core/errors.ts';
import { collectRules, type Matrix, type PageRules, type PathOps } from '../layout/pdf-rules.ts';
import type { TextRun } from '../layout/pdf-runs.ts';
import { mapPdfCharacters } from '../layout/pdf-text.ts';
import {
  MAX_TEXT_ITEMS_PER_PAGE,
  MIN_VALUES_FOR_TABLE,
  NUMERIC_RUN,
  type PdfPageContent,
} from '../pdf-page-content.ts';

export type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfjsModule['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type TextContent = Awaited<ReturnType<PdfPage['getTextContent']>>;

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
