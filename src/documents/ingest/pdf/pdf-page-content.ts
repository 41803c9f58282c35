import type { PageRules } from './layout/pdf-rules.ts';
import type { TextRun } from './layout/pdf-runs.ts';

/*
 * What both PDF readers (pdfjs/ and fast/) share: the page they hand to layout, and when a page's
 * drawing is read for table rules.
 */

/** A run that prints a table value (a number, or a dash for none). */
export const NUMERIC_RUN = /^\s*[\d.,/／—-]+\s*$/;
/** Fewer separate value runs than this and the page has no table worth its borders. */
export const MIN_VALUES_FOR_TABLE = 3;
/**
 * Most text items read from one page (a report page has at most a few thousand); a page with more
 * is refused while pdfjs is still reading it, which bounds the time and memory a hostile content
 * stream of text operators can take.
 */
export const MAX_TEXT_ITEMS_PER_PAGE = 100_000;

/** What one page contributes to layout, in viewport space (scale 1, y downwards). */
export interface PdfPageContent {
  runs: TextRun[];
  /** Null when the page has no text, too many rules, or its drawing could not be read. */
  rules: PageRules | null;
  width: number;
  height: number;
}
