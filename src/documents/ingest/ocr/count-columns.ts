import { TABLE2_LABELS as L2, TABLE4_COLUMNS, TABLE4_GROUP_KEYS } from '../../../core/report/labels.ts';
import type { Report } from '../../../core/report/schema.ts';
import { UNREADABLE_CELL } from '../../../core/rules/proofread-ocr.ts';
import type { OcrCell } from './ocr-page.ts';

/**
 * The count columns of a scanned page and the cells of a table row that cannot be trusted in
 * them. A value must never land in the wrong cell: a cell that stands in a column of counts but
 * reads as something else than a number (“1]181”) would otherwise be taken for part of the row's
 * caption and shift the row's values one place; a cell that spans two count columns (a rule lost
 * to noise) holds two values run together. Such cells are given the text UNREADABLE_CELL, which
 * the interpreter keeps in its place as a blank, and the arithmetic proofreader reports (OCR-02).
 */

/** A column of counts on a page, in points: where its cells stand and the rows it covers. */
export interface CountColumn {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const NUMBER = /^\d+(?:\.\d+)?$/;
const HAN = /\p{Script=Han}/u;
/** OCR confidence from which Chinese text in a count column is taken for a caption. */
const MIN_CAPTION_CONFIDENCE = 60;
/** Cells of table 四's data row, and how many of them read as numbers make a row of counts. */
const TABLE4_CELLS = TABLE4_GROUP_KEYS.length * TABLE4_COLUMNS.length;
const MIN_COUNTS_IN_ROW = 8;
/** Cells read as numbers, one above the other, that make a count column. */
const MIN_CELLS = 3;

/** Ruled cells whose edges are this close (points) stand in one box column; rows this close touch. */
const SAME_EDGE = 3;
const TOUCHING = 6;

/**
 * The count columns of a page: at least MIN_CELLS cells read as numbers with their centres within
 * 4 pt, reaching up and down over the ruled cells of the same box column that touch them and are
 * no caption: a count misread in the first or last row of a table (“]4” for 14) still stands in
 * its column, and is not taken for the end of the row's caption (which would move the row's values).
 */
export function countColumns(cells: readonly OcrCell[]): CountColumn[] {
  return numberColumns(cells).map((column) => reachOver(column, cells));
}

function reachOver(column: CountColumn, cells: readonly OcrCell[]): CountColumn {
  const stack = cells
    .filter(
      (c) =>
        Math.abs(c.left - column.left) <= SAME_EDGE &&
        Math.abs(c.right - column.right) <= SAME_EDGE &&
        !isCaption(c.text, c.confidence),
    )
    .sort((a, b) => a.top - b.top);
  let { top, bottom } = column;
  for (const c of [...stack].reverse()) if (c.top < top && c.bottom >= top - TOUCHING) top = c.top;
  for (const c of stack) if (c.bottom > bottom && c.top <= bottom + TOUCHING) bottom = c.bottom;
  return { ...column, top, bottom };
}

/** A caption (a header over the counts) is Chinese read surely; a digit misread as one character is not. */
function isCaption(text: string, confidence: number): boolean {
  return HAN.test(text) && [...text].length > 1 && confidence >= MIN_CAPTION_CONFIDENCE;
}

function numberColumns(cells: readonly OcrCell[]): CountColumn[] {
  const numbers = cells
    .filter((c) => c.digits && NUMBER.test(c.text))
    .sort((a, b) => a.left + a.right - b.left - b.right);
  const columns: CountColumn[] = [];
  let group: OcrCell[] = [];
  const close = () => {
    if (group.length >= MIN_CELLS) {
      columns.push({
        left: median(group.map((c) => c.left)),
        right: median(group.map((c) => c.right)),
        top: Math.min(...group.map((c) => c.top)),
        bottom: Math.max(...group.map((c) => c.bottom)),
      });
    }
    group = [];
  };
  for (const cell of numbers) {
    const last = group.at(-1);
    if (last && (cell.left + cell.right - last.left - last.right) / 2 > 4) close();
    group.push(cell);
  }
  close();
  return columns;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Marks, in place, the cells of one table row (its texts, their left and right edges, and the
 * row's top, in points) that cannot be trusted: every count cell of the row when one of its cells
 * runs over two count columns, otherwise each count cell that reads as neither a number nor
 * a blank nor a caption. Returns the indexes marked.
 */
export function markUntrustedCells(
  texts: string[],
  spans: readonly [number, number][],
  confidences: readonly number[],
  top: number,
  columns: readonly CountColumn[],
  isValue: (text: string) => boolean,
): number[] {
  if (
    texts.length === TABLE4_CELLS &&
    texts.filter((text) => NUMBER.test(text)).length >= MIN_COUNTS_IN_ROW
  ) {
    // Table 四's one row of counts has no column of counts to stand in: its cells are all counts.
    const marked: number[] = [];
    texts.forEach((text, i) => {
      if (text === '' || isValue(text)) return;
      texts[i] = UNREADABLE_CELL;
      marked.push(i);
    });
    return marked;
  }
  const here = columns.filter((c) => c.top - 2 <= top && top <= c.bottom);
  if (here.length === 0) return [];
  // A row with no number in it is a header row over the counts (“行政复议 | 行政诉讼”), however
  // badly its captions read: a data row has its counts, and a whole row of counts is never all lost.
  if (!texts.some((text) => text !== '' && isValue(text))) return [];
  const inColumns = spans.map(
    ([x0, x1]) =>
      here.filter((c) => Math.min(x1, c.right) - Math.max(x0, c.left) >= 0.6 * (c.right - c.left)).length,
  );
  // In a row of counts one character (“工” for a 1) is a misread digit however sure the recogniser is.
  const caption = (i: number) => isCaption(texts[i]!, confidences[i] ?? 0);
  const merged = texts.some((text, i) => inColumns[i]! >= 2 && text !== '' && !caption(i));
  const marked: number[] = [];
  texts.forEach((text, i) => {
    if (inColumns[i] === 0 || text === '') return;
    if (merged || (!isValue(text) && !caption(i))) {
      texts[i] = UNREADABLE_CELL;
      marked.push(i);
    }
  });
  return marked;
}

/** Table 二's rows: the key of their cells, their caption and the columns of their values. */
export const TABLE2_ROWS: { key: keyof Report['table2']; label: string; columns: string[] }[] = [
  { key: 'regulations', label: L2.regulations, columns: [L2.issued, L2.repealed, L2.inForce] },
  { key: 'normativeDocuments', label: L2.normativeDocuments, columns: [L2.issued, L2.repealed, L2.inForce] },
  { key: 'licensing', label: L2.licensing, columns: [L2.decisions] },
  { key: 'punishment', label: L2.punishment, columns: [L2.decisions] },
  { key: 'coercion', label: L2.coercion, columns: [L2.decisions] },
  { key: 'feesWanYuan', label: L2.fees, columns: [L2.feesAmount] },
];

/**
 * Marks, in place, the value cells of a table-二 row that read as no value: a row of the form is its
 * caption cell and one cell per column of the form (“行政规范性文件 | 和0 | 1 | 30”), so a cell after
 * the caption is a count whatever OCR made of it; taken for part of the caption it would lose the
 * row and blame the agency for three blank cells (T2-01). Returns the indexes marked.
 */
export function markTable2Cells(texts: string[], isValue: (text: string) => boolean): number[] {
  const row = TABLE2_ROWS.find((r) => r.label === texts[0]?.trim());
  if (!row || texts.length !== 1 + row.columns.length) return [];
  const marked: number[] = [];
  for (let i = 1; i < texts.length; i += 1) {
    if (texts[i] === '' || isValue(texts[i]!)) continue;
    texts[i] = UNREADABLE_CELL;
    marked.push(i);
  }
  return marked;
}
