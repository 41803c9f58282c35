import { TABLE3_ROW_KEYS, type Table3RowKey, table3FullLabel } from '../../../core/report/labels.ts';
import { LOW_OCR_CONFIDENCE } from '../../../core/rules/proofread-ocr.ts';
import { readValue } from '../interpret/cell-values.ts';
import { matchTable3Row, structuralRow } from '../interpret/table3-labels.ts';
import type { SourceLine } from '../source-document.ts';
import { TABLE2_ROWS } from './count-columns.ts';
import { DOUBTFUL_CAPTION } from './format-lexicon.ts';

/** Values of a table-三 row. */
const TABLE3_VALUES = 7;

interface DataRow {
  line: SourceLine;
  /** How many leading cells hold the caption. */
  labelCells: number;
  key: Table3RowKey | null;
}

/**
 * Places, in place, the table-三 rows of a scan whose caption OCR misread (“（四）无法提供 | 人” for
 * “（四）无法提供 1.本机关不掌握相关政府信息”) by the table's order: a row of seven counts whose
 * caption names no row of the form, read with less than LOW_OCR_CONFIDENCE, standing between
 * the rows just before and just after one row of the form, is that row; its caption cells are
 * replaced by the form's. A misread caption so never drops its row or moves its values (no
 * invented T3-05); a caption read with confidence keeps its wording, and the checker still
 * reports a printed variant.
 */
export function placeMisreadRows(lines: readonly SourceLine[]): void {
  const rows: DataRow[] = [];
  let lastKey: Table3RowKey | null = null;
  for (const line of lines) {
    if (!line.confidence) continue;
    const labelCells = line.cells.length - TABLE3_VALUES;
    if (labelCells < 1) continue;
    const values = line.cells.slice(labelCells);
    if (!values.every((text) => text !== '' && readValue(text) !== null)) continue;
    if (!values.some((text) => readValue(text)?.kind === 'number')) continue;
    const label = line.cells.slice(0, labelCells).join('');
    const key: Table3RowKey | null = matchTable3Row(label)?.key ?? structuralRow(label, { lastKey });
    if (key) lastKey = key;
    rows.push({ line, labelCells, key });
  }
  const index = (key: Table3RowKey | null | undefined) => (key ? TABLE3_ROW_KEYS.indexOf(key) : Number.NaN);
  rows.forEach((row, i) => {
    if (row.key !== null) return;
    const confidence = Math.min(...(row.line.confidence ?? []).slice(0, row.labelCells));
    if (!(confidence < LOW_OCR_CONFIDENCE)) return;
    const before = i > 0 ? index(rows[i - 1]!.key) : -1;
    const after = i + 1 < rows.length ? index(rows[i + 1]!.key) : TABLE3_ROW_KEYS.length;
    if (after - before !== 2) return;
    const key = TABLE3_ROW_KEYS[before + 1]!;
    if (rows.some((other) => other.key === key)) return;
    row.key = key;
    row.line.cells.fill('', 0, row.labelCells);
    row.line.cells[row.labelCells - 1] = table3FullLabel(key);
  });
}

/**
 * Places, in place, a table-二 row whose caption OCR could not read (ink read as nothing or nearly,
 * under DOUBTFUL_CAPTION: “ | 0 | 0 | 0” for “规章 | 0 | 0 | 0”) by the form's order: standing in
 * one table just before the row the form puts after it, or just after the row the form puts before
 * it, with the values that row of the form has, it is that row (unless that caption is printed
 * elsewhere). A caption left unread would lose the row and blame the agency for its cells (T2-01).
 */
export function placeUnreadTable2Rows(lines: readonly SourceLine[]): void {
  const captionOf = (line: SourceLine | undefined) => line?.cells[0]?.trim() ?? '';
  const printed = new Set(lines.filter((l) => l.inTable).map(captionOf));
  lines.forEach((line, i) => {
    if (!line.inTable || !line.confidence || !((line.confidence[0] ?? 100) < DOUBTFUL_CAPTION)) return;
    if (TABLE2_ROWS.some((r) => r.label === captionOf(line))) return;
    const values = line.cells.slice(1);
    if (values.length === 0 || !values.every((text) => text !== '' && readValue(text) !== null)) return;
    const neighbour = (other: SourceLine | undefined, step: number) => {
      if (!other || other.table !== line.table) return undefined;
      const at = TABLE2_ROWS.findIndex((r) => r.label === captionOf(other));
      return at < 0 ? undefined : TABLE2_ROWS[at + step];
    };
    const candidates = [neighbour(lines[i + 1], -1), neighbour(lines[i - 1], 1)].filter(
      (row) => row !== undefined && row.columns.length === values.length && !printed.has(row.label),
    );
    const row = candidates[0];
    if (!row || candidates.some((other) => other !== row)) return;
    line.cells[0] = row.label;
    printed.add(row.label);
  });
}
