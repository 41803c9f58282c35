import type { Cell } from '../../../core/report/schema.ts';
import { UNREADABLE_CELL } from '../../../core/rules/proofread-ocr.ts';
import type { SourceLine } from '../source-document.ts';

/** Printed markers of a blank cell: the checker keeps them as null, never 0. */
const NULL_MARKERS = new Set(['/', '／', '-', '－', '—', '——', '–', '\\', '无', '空', UNREADABLE_CELL]);
const NUMBER = /^[-+−]?\d+(?:\.\d+)?$/;
/** Up to nine ASCII digits (/^\d{1,9}$/ without a regular expression: most cells are such). */
function isPlainInteger(text: string): boolean {
  if (text.length === 0 || text.length > 9) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}
const EMPTY: ValueToken = { kind: 'empty' };

export type ValueToken =
  | { kind: 'number'; value: number; text: string }
  | { kind: 'null'; text: string }
  | { kind: 'empty' };

/** Reads one cell's text as a value: a number (full-width digits, thousands separators and 万元 tolerated), a blank marker, or nothing. */
const valueCache = new Map<string, ValueToken | null>();
const MAX_CACHED = 50_000;

export function readValue(text: string): ValueToken | null {
  if (text === '') return EMPTY;
  if (isPlainInteger(text)) return { kind: 'number', value: Number(text), text };
  // Labels repeat from report to report: remember what a text was read as.
  const cached = valueCache.get(text);
  if (cached !== undefined) return cached;
  const value = readValueUncached(text);
  if (valueCache.size >= MAX_CACHED) valueCache.clear();
  valueCache.set(text, value);
  return value;
}

function readValueUncached(text: string): ValueToken | null {
  const t = text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/(?<=\d),(?=\d{3}\b)/g, '')
    .replace(/万?元$/, '')
    .replace(/^−/, '-');
  if (t === '') return EMPTY;
  if (NUMBER.test(t)) return { kind: 'number', value: Number(t), text };
  if (NULL_MARKERS.has(t)) return { kind: 'null', text };
  return null;
}

export interface SplitLine {
  /** The label text of the line: every cell (or token) before the values, joined. */
  label: string;
  /** Value tokens after the label, in order (empty cells included for positional reading). */
  values: ValueToken[];
}

/**
 * Splits a line into its label and the values after it. Table rows (several cells) are split at
 * the last cell that is not a value; a single-cell line (text extracted from a PDF, values
 * separated by spaces) is split at the trailing run of value tokens.
 */
export function splitLine(line: SourceLine): SplitLine {
  const { cells } = line;
  if (cells.length > 1) {
    const read = cells.map(readValue);
    const lastLabel = read.lastIndexOf(null);
    const labels: string[] = [];
    for (let i = 0; i <= lastLabel; i += 1) if (cells[i]!.trim() !== '') labels.push(cells[i]!);
    return { label: labels.join(' '), values: read.slice(lastLabel + 1) as ValueToken[] };
  }
  const text = line.cells[0] ?? '';
  const tokens = text.trim().split(/[\s\u3000]+/);
  let start = tokens.length;
  while (
    start > 0 &&
    readValue(tokens[start - 1]!)?.kind !== undefined &&
    readValue(tokens[start - 1]!)?.kind !== 'empty'
  )
    start -= 1;
  // A label such as "1.属于国家秘密" never ends in a bare number; "2023" after text is not a cell.
  const values = tokens.slice(start).map((t) => readValue(t)!);
  return { label: tokens.slice(0, start).join(' '), values };
}

/**
 * Chooses `expected` cells from a row's value tokens, and what is printed beyond them.
 * - When at least `expected` cells hold a number or a blank marker, empty cells are layout
 *   (leading cells of a tab export, trailing padding) and are ignored.
 * - Otherwise empty cells are blank cells of the form, read by position.
 */
export function pickCells(values: readonly ValueToken[], expected: number): { cells: Cell[]; extra: Cell[] } {
  const filled = values.filter((v) => v.kind !== 'empty');
  const toCell = (v: ValueToken | undefined): Cell => (v && v.kind === 'number' ? v.value : null);
  if (filled.length >= expected) {
    const cells: Cell[] = [];
    const extra: Cell[] = [];
    for (let i = 0; i < filled.length; i += 1) (i < expected ? cells : extra).push(toCell(filled[i]));
    return { cells, extra };
  }
  let positional = [...values];
  while (positional.length > expected && positional[0]?.kind === 'empty') positional = positional.slice(1);
  while (positional.length > expected && positional[positional.length - 1]?.kind === 'empty')
    positional = positional.slice(0, -1);
  const cells = Array.from({ length: expected }, (_, i) => toCell(positional[i]));
  return { cells, extra: [] };
}

export function hasValues(values: readonly ValueToken[]): boolean {
  return values.some((v) => v.kind !== 'empty');
}
