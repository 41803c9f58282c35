import { TABLE2_2019_COLUMNS, TABLE2_2019_ROWS } from '../report/format-2019.ts';
import { TABLE3_ROW_KEYS, TABLE4_GROUP_KEYS, table3Group } from '../report/labels.ts';
import { zeroTable2, zeroTable3, zeroTable4 } from '../report/report-numbers.ts';
import type { Cell, Format2019, Report, Table2, Table2Of2019, Table3, Table4 } from '../report/schema.ts';

/** Sum of cells; null when any is blank, since the total is then unknown. */
function add(a: Cell, b: Cell): Cell {
  return a === null || b === null ? null : a + b;
}

/** Adds row `b` into `sum`; true when `b` has a blank cell. */
function addRowInto(sum: Cell[], b: readonly Cell[]): boolean {
  let blank = false;
  for (let i = 0; i < sum.length; i += 1) {
    const v = b[i] ?? null;
    if (v === null) blank = true;
    sum[i] = add(sum[i]!, v);
  }
  return blank;
}

/** Adds amounts in 万元 exactly to 4 decimals (one 元), never drifting like floats. */
function addFees(a: Cell, b: Cell): Cell {
  if (a === null || b === null) return null;
  return Math.round(a * 10_000 + b * 10_000) / 10_000;
}

export interface RegionalTotals {
  /** Table 二 of the reports in the 2021 format. */
  table2: Table2;
  /** Table 三; the （六）其他处理 of reports in the 2019 format is in `format2019.otherHandling`. */
  table3: Table3;
  table4: Table4;
  /** The 2019-format reports' own table 二 and （六）其他处理 row, summed; absent when there is none. */
  format2019?: Format2019;
  /** How many reports were added. */
  reports: number;
  /** Reports with at least one blank cell: their totals are null where they were blank. */
  incomplete: number;
}

/**
 * The region's tables: the cell-by-cell sum of every agency's tables (the supervising office's
 * regional totals). A blank cell in any report makes the regional cell blank rather than
 * silently counting it as 0; `incomplete` says how many reports did that.
 */
export function aggregateReports(reports: readonly Report[]): RegionalTotals {
  const table2 = zeroTable2();
  const table3 = zeroTable3();
  const table4 = zeroTable4();
  let incomplete = 0;
  let format2019: Format2019 | undefined;
  // In place: the sums are fresh objects of this function, and this loop runs over thousands of reports.
  for (const r of reports) {
    if (r.format2019) {
      format2019 ??= zeroFormat2019();
      let blank = addFormat2019Into(format2019, r.format2019);
      for (const k of TABLE3_ROW_KEYS) {
        if (table3Group(k) !== 'other') blank = addRowInto(table3[k], r.table3[k]) || blank;
      }
      for (const g of TABLE4_GROUP_KEYS) blank = addRowInto(table4[g], r.table4[g]) || blank;
      if (blank) incomplete += 1;
      continue;
    }
    const t = r.table2;
    let blank = false;
    for (const stock of ['regulations', 'normativeDocuments'] as const) {
      for (const column of ['issued', 'repealed', 'inForce'] as const) {
        const v = t[stock][column];
        if (v === null) blank = true;
        table2[stock][column] = add(table2[stock][column], v);
      }
    }
    for (const key of ['licensing', 'punishment', 'coercion'] as const) {
      if (t[key] === null) blank = true;
      table2[key] = add(table2[key], t[key]);
    }
    if (t.feesWanYuan === null) blank = true;
    table2.feesWanYuan = addFees(table2.feesWanYuan, t.feesWanYuan);
    for (const k of TABLE3_ROW_KEYS) blank = addRowInto(table3[k], r.table3[k]) || blank;
    for (const g of TABLE4_GROUP_KEYS) blank = addRowInto(table4[g], r.table4[g]) || blank;
    if (blank) incomplete += 1;
  }
  return {
    table2,
    table3,
    table4,
    ...(format2019 ? { format2019 } : {}),
    reports: reports.length,
    incomplete,
  };
}

function zeroFormat2019(): Format2019 {
  const table2 = Object.fromEntries(
    TABLE2_2019_ROWS.map(({ key, kind }) => [
      key,
      Object.fromEntries(TABLE2_2019_COLUMNS[kind].map((c) => [c, 0])),
    ]),
  ) as Table2Of2019;
  return { table2, otherHandling: [0, 0, 0, 0, 0, 0, 0] };
}

/** Adds a 2019-format report's own parts into `sum`; true when one of its cells is blank. */
function addFormat2019Into(sum: Format2019, b: Format2019): boolean {
  let blank = addRowInto(sum.otherHandling, b.otherHandling);
  for (const { key, kind } of TABLE2_2019_ROWS) {
    const into = sum.table2[key] as Record<string, Cell>;
    const from = b.table2[key] as Record<string, Cell>;
    for (const c of TABLE2_2019_COLUMNS[kind]) {
      const v = from[c] ?? null;
      if (v === null) blank = true;
      into[c] = c === 'amount' ? addFees(into[c] ?? null, v) : add(into[c] ?? null, v);
    }
  }
  return blank;
}
