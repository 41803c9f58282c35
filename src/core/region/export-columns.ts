import {
  TABLE2_LABELS,
  TABLE3_COLUMNS,
  TABLE3_ROW_KEYS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_KEYS,
  TABLE4_GROUP_LABELS,
  type Table3RowKey,
  type Table4GroupKey,
  table3FullLabel,
} from '../report/labels.ts';
import type { ReportNumbers } from '../report/report-numbers.ts';
import type { Cell, Table2, Table3, Table4 } from '../report/schema.ts';

/**
 * The stable column names of the regional export (one row per agency-year). They never change
 * once published: evaluators' scripts depend on them. Documented in docs/exports.md.
 *
 * - t2_<row>_<issued|repealed|in_force>, t2_licensing, t2_punishment, t2_coercion, t2_fees_wan_yuan
 * - t3_<row>_<column>: row keys of table 三 in snake case (denied.stateSecret → denied_state_secret),
 *   columns natural_person, commercial, research, social_welfare, legal_service, other, total
 * - t4_<review|litigation_direct|litigation_after_review>_<upheld|corrected|other|pending|total>
 *
 * A blank cell ('/', '—' or empty in the published report) is exported empty, never 0.
 */
export const TABLE3_COLUMN_KEYS = [
  'natural_person',
  'commercial',
  'research',
  'social_welfare',
  'legal_service',
  'other',
  'total',
] as const;

export const TABLE4_COLUMN_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

const snake = (key: string) => key.replace(/\./g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The identifying columns that precede the cells. */
export const EXPORT_ID_COLUMNS = [
  'region_code',
  'region_name',
  'agency',
  'agency_kind',
  'year',
  'version',
  'origin',
  'published_on',
  'error_count',
  'warning_count',
] as const;

export type ExportIdColumn = (typeof EXPORT_ID_COLUMNS)[number];

/** The Chinese headers of the identifying columns (the default for XLSX and the web's download). */
const EXPORT_ID_HEADERS_ZH: Record<ExportIdColumn, string> = {
  region_code: '行政区划代码',
  region_name: '地区',
  agency: '机关',
  agency_kind: '机关类型',
  year: '年度',
  version: '版本',
  origin: '来源',
  published_on: '发布日期',
  error_count: '错误数',
  warning_count: '警告数',
};

const L = TABLE2_LABELS;
const TABLE2_CELLS: Array<[string, string, (t: Table2) => Cell]> = [
  ['t2_regulations_issued', `${L.regulations} ${L.issued}`, (t) => t.regulations.issued],
  ['t2_regulations_repealed', `${L.regulations} ${L.repealed}`, (t) => t.regulations.repealed],
  ['t2_regulations_in_force', `${L.regulations} ${L.inForce}`, (t) => t.regulations.inForce],
  [
    't2_normative_documents_issued',
    `${L.normativeDocuments} ${L.issued}`,
    (t) => t.normativeDocuments.issued,
  ],
  [
    't2_normative_documents_repealed',
    `${L.normativeDocuments} ${L.repealed}`,
    (t) => t.normativeDocuments.repealed,
  ],
  [
    't2_normative_documents_in_force',
    `${L.normativeDocuments} ${L.inForce}`,
    (t) => t.normativeDocuments.inForce,
  ],
  ['t2_licensing', `${L.licensing} ${L.decisions}`, (t) => t.licensing],
  ['t2_punishment', `${L.punishment} ${L.decisions}`, (t) => t.punishment],
  ['t2_coercion', `${L.coercion} ${L.decisions}`, (t) => t.coercion],
  ['t2_fees_wan_yuan', `${L.fees} ${L.feesAmount}`, (t) => t.feesWanYuan],
];

/** The column of a table 三 cell (`column`: 0 自然人 … 6 总计). */
export function table3CellColumn(row: Table3RowKey, column: number): string {
  return `t3_${snake(row)}_${TABLE3_COLUMN_KEYS[column]}`;
}

/** The column of a table 四 cell (`column`: 0 维持 … 4 总计). */
export function table4CellColumn(group: Table4GroupKey, column: number): string {
  return `t4_${snake(group)}_${TABLE4_COLUMN_KEYS[column]}`;
}

/** The cell columns, in form order: table 二, table 三 row by row, table 四 group by group. */
export const EXPORT_CELL_COLUMNS: readonly string[] = [
  ...TABLE2_CELLS.map(([name]) => name),
  ...TABLE3_ROW_KEYS.flatMap((row) => TABLE3_COLUMN_KEYS.map((_, c) => table3CellColumn(row, c))),
  ...TABLE4_GROUP_KEYS.flatMap((g) => TABLE4_COLUMN_KEYS.map((_, c) => table4CellColumn(g, c))),
];

export const EXPORT_COLUMNS: readonly string[] = [...EXPORT_ID_COLUMNS, ...EXPORT_CELL_COLUMNS];

/**
 * The same columns with the form's own words (“表三 （三）不予公开 1.属于国家秘密 自然人”), in
 * EXPORT_COLUMNS order: for people opening the file; the English keys stay for programs.
 */
export const EXPORT_COLUMNS_ZH: readonly string[] = [
  ...EXPORT_ID_COLUMNS.map((c) => EXPORT_ID_HEADERS_ZH[c]),
  ...TABLE2_CELLS.map(([, header]) => `表二 ${header}`),
  ...TABLE3_ROW_KEYS.flatMap((row) => TABLE3_COLUMNS.map((c) => `表三 ${table3FullLabel(row)} ${c}`)),
  ...TABLE4_GROUP_KEYS.flatMap((g) => TABLE4_COLUMNS.map((c) => `表四 ${TABLE4_GROUP_LABELS[g]} ${c}`)),
];

/** en: the stable snake_case keys (for programs); zh: the form's words (for people). */
export type ExportHeaders = 'en' | 'zh';

export function exportHeaderRow(headers: ExportHeaders): readonly string[] {
  return headers === 'zh' ? EXPORT_COLUMNS_ZH : EXPORT_COLUMNS;
}

export type { ReportNumbers };

/** Every cell of a report's tables, in the order of EXPORT_CELL_COLUMNS. */
export function reportCells(numbers: ReportNumbers): Cell[] {
  return [
    ...TABLE2_CELLS.map(([, , get]) => get(numbers.table2)),
    ...TABLE3_ROW_KEYS.flatMap((row) => TABLE3_COLUMN_KEYS.map((_, i) => numbers.table3[row][i] ?? null)),
    ...TABLE4_GROUP_KEYS.flatMap((g) => TABLE4_COLUMN_KEYS.map((_, i) => numbers.table4[g][i] ?? null)),
  ];
}

/** The tables back from their cells in EXPORT_CELL_COLUMNS order (the inverse of reportCells). */
export function numbersFromCells(cells: readonly Cell[]): ReportNumbers {
  let i = 0;
  const next = (): Cell => cells[i++] ?? null;
  const stock = () => ({ issued: next(), repealed: next(), inForce: next() });
  const table2: Table2 = {
    regulations: stock(),
    normativeDocuments: stock(),
    licensing: next(),
    punishment: next(),
    coercion: next(),
    feesWanYuan: next(),
  };
  const table3 = Object.fromEntries(
    TABLE3_ROW_KEYS.map((row) => [row, TABLE3_COLUMN_KEYS.map(next)]),
  ) as unknown as Table3;
  const table4 = Object.fromEntries(
    TABLE4_GROUP_KEYS.map((g) => [g, TABLE4_COLUMN_KEYS.map(next)]),
  ) as unknown as Table4;
  return { table2, table3, table4 };
}

export type ExportValue = string | number | null;

export interface ExportRowInput {
  regionCode: string;
  regionName: string;
  agency: string;
  agencyKind: string;
  year: number;
  version: number;
  origin: string;
  publishedOn: string | null;
  errorCount: number;
  warningCount: number;
  numbers: ReportNumbers;
}

/** One export row: the identifying columns then every cell (EXPORT_COLUMNS order). */
export function exportRow(r: ExportRowInput): ExportValue[] {
  return [
    r.regionCode,
    r.regionName,
    r.agency,
    r.agencyKind,
    r.year,
    r.version,
    r.origin,
    r.publishedOn,
    r.errorCount,
    r.warningCount,
    ...reportCells(r.numbers),
  ];
}

function csvField(value: ExportValue): string {
  if (value === null) return '';
  const text = String(value);
  // Formula injection: a text cell starting with = + - @ is prefixed so that Excel shows it as text.
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a UTF-8 byte order mark (so that Excel opens Chinese text correctly) and CRLF lines. */
export function toCsv(columns: readonly string[], rows: readonly ExportValue[][]): string {
  const lines = [columns.join(','), ...rows.map((r) => r.map(csvField).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
