import {
  TABLE3_COLUMNS,
  TABLE3_OUTCOME_KEYS,
  TABLE3_ROW_KEYS,
  TABLE3_TOTAL_COLUMN,
  TABLE4_GROUP_KEYS,
} from '../report/labels.ts';
import type { Cell, Report } from '../report/schema.ts';

/**
 * The hard identities of DOMAIN.md §A.5 (T3-01, T3-02, T3-03, T4-01..03) as linear equations over
 * cells, for code that reasons about which cells an identity involves (the OCR proofreader). The
 * validator's messages stay in table3-rules.ts and table4-rules.ts; both follow §A.5.
 */

/** A cell of table 三 or 四 by its place in the report: `table3.<rowKey>` or `table4.<group>`, and the column. */
export interface CellAddress {
  table: 'table3' | 'table4';
  row: string;
  column: number;
}

/** Σ coefficient × cell = 0. */
export interface Identity {
  ruleId: 'T3-01' | 'T3-02' | 'T3-03' | 'T4-01' | 'T4-02' | 'T4-03';
  terms: { cell: CellAddress; coefficient: 1 | -1 }[];
}

const t3 = (row: string, column: number, coefficient: 1 | -1) => ({
  cell: { table: 'table3' as const, row, column },
  coefficient,
});

function table3Identities(): Identity[] {
  const identities: Identity[] = [];
  TABLE3_COLUMNS.forEach((_, c) => {
    identities.push({
      ruleId: 'T3-01',
      terms: [
        t3('newReceived', c, 1),
        t3('carriedOver', c, 1),
        t3('totalConcluded', c, -1),
        t3('carriedForward', c, -1),
      ],
    });
    identities.push({
      ruleId: 'T3-02',
      terms: [t3('totalConcluded', c, 1), ...TABLE3_OUTCOME_KEYS.map((key) => t3(key, c, -1))],
    });
  });
  for (const row of TABLE3_ROW_KEYS) {
    identities.push({
      ruleId: 'T3-03',
      terms: [
        t3(row, TABLE3_TOTAL_COLUMN, 1),
        ...TABLE3_COLUMNS.map((_, c) => c)
          .filter((c) => c !== TABLE3_TOTAL_COLUMN)
          .map((c) => t3(row, c, -1)),
      ],
    });
  }
  return identities;
}

function table4Identities(): Identity[] {
  const ids = ['T4-01', 'T4-02', 'T4-03'] as const;
  return TABLE4_GROUP_KEYS.map((group, g) => ({
    ruleId: ids[g]!,
    terms: [0, 1, 2, 3, 4].map((column) => ({
      cell: { table: 'table4' as const, row: group, column },
      coefficient: column === 4 ? (1 as const) : (-1 as const),
    })),
  }));
}

/** Every hard identity of tables 三 and 四. */
export const REPORT_IDENTITIES: readonly Identity[] = [...table3Identities(), ...table4Identities()];

export function cellKey(cell: CellAddress): string {
  return `${cell.table}.${cell.row}[${cell.column}]`;
}

/** The value of a cell in a report (null when blank or absent). */
export function cellValue(report: Report, cell: CellAddress): Cell {
  const rows = (cell.table === 'table3' ? report.table3 : report.table4) as Record<
    string,
    Cell[] | undefined
  >;
  return rows[cell.row]?.[cell.column] ?? null;
}
