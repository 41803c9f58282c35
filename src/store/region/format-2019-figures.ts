import { TABLE3_COLUMN_KEYS } from '../../core/region/export-columns.ts';
import { TABLE2_2019_COLUMNS, TABLE2_2019_ROWS } from '../../core/report/format-2019.ts';
import type { Cell, Format2019, Table2Of2019 } from '../../core/report/schema.ts';

/**
 * The columns of report_figures and region_year_figures that hold what only a report in the 2019
 * format (国办公开办函〔2019〕60号) has (migration 2026-12-07-250): its own table 二, each row in its
 * own columns (f19_t2_<row>_<column>), and table 三's （六）其他处理 printed as one row
 * (f19_t3_other_handling_<column>). 采购总金额 is stored ×10,000 (…_amount_e4) so that sums of
 * amounts with up to four decimals stay exact, as the fees are stored in 元.
 *
 * In a region's sums each format's own cells are summed over the reports in that format only: a
 * 2019 report has no 2021 table 二 and no three （六） rows (null in its row, not blank), a 2021 report
 * no f19 cells — the same sums as aggregateReports makes from the reports' JSON.
 */

const snake = (key: string) => key.replace(/\./g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** 采购总金额 ×10,000 is stored (four decimals exact). */
const AMOUNT_SCALE = 10_000;

const TABLE2_CELLS = TABLE2_2019_ROWS.flatMap(({ key, kind }) =>
  TABLE2_2019_COLUMNS[kind].map((column) => ({
    key,
    column,
    name: `f19_t2_${snake(key)}_${column === 'amount' ? 'amount_e4' : snake(column)}`,
  })),
);

/** The 2019-format columns, in order: table 二 row by row, then （六）其他处理's seven columns. */
export const FORMAT2019_FIGURE_COLUMNS: readonly string[] = [
  ...TABLE2_CELLS.map((c) => c.name),
  ...TABLE3_COLUMN_KEYS.map((c) => `f19_t3_other_handling_${c}`),
];

/** A 2019-format report's own cells in FORMAT2019_FIGURE_COLUMNS order (all null for a 2021 report). */
export function format2019FigureCells(format2019: Format2019 | undefined): Cell[] {
  if (!format2019) return FORMAT2019_FIGURE_COLUMNS.map(() => null);
  const table2 = TABLE2_CELLS.map(({ key, column }) => {
    const v = (format2019.table2[key] as Record<string, Cell>)[column] ?? null;
    return v === null || column !== 'amount' ? v : Math.round(v * AMOUNT_SCALE);
  });
  return [...table2, ...TABLE3_COLUMN_KEYS.map((_, c) => format2019.otherHandling[c] ?? null)];
}

/** The 2019 format's own parts back from their cells (the inverse of format2019FigureCells). */
export function format2019FromFigureCells(cells: readonly Cell[]): Format2019 {
  const table2: Record<string, Record<string, Cell>> = {};
  TABLE2_CELLS.forEach(({ key, column }, i) => {
    const v = cells[i] ?? null;
    table2[key] ??= {};
    table2[key][column] = v === null || column !== 'amount' ? v : v / AMOUNT_SCALE;
  });
  const otherHandling = TABLE3_COLUMN_KEYS.map((_, c) => cells[TABLE2_CELLS.length + c] ?? null);
  return { table2: table2 as unknown as Table2Of2019, otherHandling };
}
