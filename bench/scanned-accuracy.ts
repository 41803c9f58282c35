import { TABLE2_LABELS as L2, TABLE3_ROW_KEYS, TABLE4_GROUP_KEYS } from '../src/core/report/labels.ts';
import type { Cell, Report } from '../src/core/report/schema.ts';
import type { Finding } from '../src/core/rules/finding.ts';

/** One cell of the tables: where it is (table, row key or label) and its value. */
interface TableCell {
  table: 'table2' | 'table3' | 'table4';
  /** Table 三/四 row key, or table 二's row label (its findings name rows by label). */
  row: string;
  column: number;
  value: Cell;
}

/** Every cell of tables 二, 三 and 四 in form order. */
function cellsOf(report: Report): TableCell[] {
  const t2 = report.table2;
  const cells: TableCell[] = [];
  const add = (table: TableCell['table'], row: string, values: readonly Cell[]) => {
    for (const [column, value] of values.entries()) cells.push({ table, row, column, value });
  };
  const add2 = (row: string, values: Cell[]) => add('table2', row, values);
  add2(L2.regulations, [t2.regulations.issued, t2.regulations.repealed, t2.regulations.inForce]);
  add2(L2.normativeDocuments, [
    t2.normativeDocuments.issued,
    t2.normativeDocuments.repealed,
    t2.normativeDocuments.inForce,
  ]);
  add2(L2.licensing, [t2.licensing]);
  add2(L2.punishment, [t2.punishment]);
  add2(L2.coercion, [t2.coercion]);
  add2(L2.fees, [t2.feesWanYuan]);
  for (const row of TABLE3_ROW_KEYS) {
    add('table3', row, report.table3[row]);
  }
  for (const row of TABLE4_GROUP_KEYS) {
    add('table4', row, report.table4[row]);
  }
  return cells;
}

export interface CellScore {
  cells: number;
  /** Read exactly as printed (a printed blank read as null counts). */
  exact: number;
  /** Read differently and flagged: left null, or a finding names its table and row. */
  flaggedWrong: number;
  /** Read as a number other than the printed one with nothing pointing at it: the silent errors. */
  unflaggedWrong: number;
}

/**
 * Compares the cells read from a scan with the report it was printed from. A wrong cell counts as
 * flagged when it was left null (the reader's “无法识别”) or when a reader or checker finding names
 * its table and row (row key, or table 二's row label) — row-level, not column-level, so this
 * slightly favours the reader; exact cells are exact whatever the findings say.
 */
export function scoreCells(truth: Report, read: Report, findings: readonly Finding[]): CellScore {
  const expected = cellsOf(truth);
  const got = cellsOf(read);
  const score: CellScore = { cells: expected.length, exact: 0, flaggedWrong: 0, unflaggedWrong: 0 };
  expected.forEach((cell, index) => {
    const value = got[index]?.value;
    if (value === cell.value) {
      score.exact += 1;
      return;
    }
    const named = findings.some(
      (f) =>
        f.location.table === cell.table &&
        (f.location.rowKey === cell.row || (f.location.rowLabel ?? '').includes(cell.row)),
    );
    if (value === null || value === undefined || named) score.flaggedWrong += 1;
    else score.unflaggedWrong += 1;
  });
  return score;
}

/** A cell read wrong: where, what was printed, what was read, and whether anything points at it. */
export interface WrongCell {
  table: TableCell['table'];
  row: string;
  column: number;
  printed: Cell;
  read: Cell;
  flagged: boolean;
}

/** The cells read differently from the report the scan was printed from (as scoreCells counts them). */
export function wrongCells(truth: Report, read: Report, findings: readonly Finding[]): WrongCell[] {
  const got = cellsOf(read);
  return cellsOf(truth).flatMap((cell, index) => {
    const value = got[index]?.value ?? null;
    if (value === cell.value) return [];
    const named = findings.some(
      (f) =>
        f.location.table === cell.table &&
        (f.location.rowKey === cell.row || (f.location.rowLabel ?? '').includes(cell.row)),
    );
    return [
      {
        table: cell.table,
        row: cell.row,
        column: cell.column,
        printed: cell.value,
        read: value,
        flagged: value === null || named,
      },
    ];
  });
}

/** The sum of scores. */
export function addScores(scores: readonly CellScore[]): CellScore {
  return scores.reduce(
    (sum, s) => ({
      cells: sum.cells + s.cells,
      exact: sum.exact + s.exact,
      flaggedWrong: sum.flaggedWrong + s.flaggedWrong,
      unflaggedWrong: sum.unflaggedWrong + s.unflaggedWrong,
    }),
    { cells: 0, exact: 0, flaggedWrong: 0, unflaggedWrong: 0 },
  );
}
