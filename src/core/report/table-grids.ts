import { TABLE3_2019_OTHER_LABEL } from './format-2019.ts';
import { formatCell } from './format-cell.ts';
import {
  TABLE2_LABELS as L2,
  TABLE3_APPLICANT_HEADER,
  TABLE3_COLUMNS,
  TABLE3_GROUPS,
  TABLE3_LEGAL_PERSON_HEADER,
  TABLE3_NOTE,
  TABLE3_OUTCOME_CAPTION,
  TABLE3_OUTCOME_KEYS,
  TABLE3_ROW_KEYS,
  TABLE3_ROW_LABELS,
  TABLE4_AFTER_REVIEW_HEADER,
  TABLE4_COLUMNS,
  TABLE4_DIRECT_HEADER,
  TABLE4_GROUP_KEYS,
  TABLE4_LITIGATION_HEADER,
  TABLE4_REVIEW_HEADER,
  type TableId,
  table3Group,
} from './labels.ts';
import type { Cell, Report } from './schema.ts';
import { table2Of2019Grid } from './table-grids-2019.ts';

/**
 * The tables of the official form as grids of (possibly merged) cells, shared by the HTML and the
 * DOCX renderers so both print the same merges. A cell covered by a merge above or to the left is
 * simply absent from its row, as in HTML.
 */
export type GridCellKind = 'note' | 'header' | 'caption' | 'label' | 'number';

/** Which value of the report a number cell shows: row key and printed column caption. */
export interface CellRef {
  table: TableId;
  /** Table 二: the Table2 field (regulations, licensing …); 三: the row key; 四: the group key. */
  rowKey: string;
  /** The column's caption as the rules name it in findings (e.g. 自然人, 本年制发件数, 总计). */
  column: string;
}

export interface GridCell {
  kind: GridCellKind;
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** Number cells only: the value shown, so a screen can put a finding beside it. */
  ref?: CellRef;
}

export interface TableGrid {
  /** Also the table's CSS class (gk-table3 …); 'findings' is the appendix. */
  id: TableId | 'findings';
  /** Column widths in millimetres; they add up to the A4 text width of the 公文 layout (156 mm). */
  columnsMm: readonly number[];
  /** Rows repeated at the top of every page the table spans (table 二 has none). */
  headerRows: GridCell[][];
  bodyRows: GridCell[][];
}

export const TEXT_WIDTH_MM = 156;

const header = (text: string, rowSpan = 1, colSpan = 1): GridCell =>
  span({ kind: 'header', text }, rowSpan, colSpan);
const label = (text: string, rowSpan = 1, colSpan = 1): GridCell =>
  span({ kind: 'label', text }, rowSpan, colSpan);
const num = (cell: Cell, ref: CellRef, colSpan = 1): GridCell =>
  span({ kind: 'number', text: formatCell(cell), ref }, 1, colSpan);

function span(cell: GridCell, rowSpan: number, colSpan: number): GridCell {
  if (rowSpan > 1) cell.rowSpan = rowSpan;
  if (colSpan > 1) cell.colSpan = colSpan;
  return cell;
}

/**
 * Table 二 as on the form: one four-column table of four blocks (第二十条第（一）（五）（六）（八）项),
 * each with its caption row and its own 信息内容 header; single-value rows span the three data columns.
 */
export function table2Grid(report: Report): TableGrid {
  if (report.format2019) return table2Of2019Grid(report.format2019.table2);
  const t = report.table2;
  const caption = (text: string): GridCell[] => [{ kind: 'caption', text, colSpan: 4 }];
  const at = (rowKey: string, column: string): CellRef => ({ table: 'table2', rowKey, column });
  const single = (rowLabel: string, cell: Cell, rowKey: string, column: string): GridCell[] => [
    label(rowLabel),
    num(cell, at(rowKey, column), 3),
  ];
  return {
    id: 'table2',
    columnsMm: [48, 36, 36, 36],
    headerRows: [],
    bodyRows: [
      caption(L2.item1),
      [header(L2.contentHeader), header(L2.issued), header(L2.repealed), header(L2.inForce)],
      [
        label(L2.regulations),
        num(t.regulations.issued, at('regulations', L2.issued)),
        num(t.regulations.repealed, at('regulations', L2.repealed)),
        num(t.regulations.inForce, at('regulations', L2.inForce)),
      ],
      [
        label(L2.normativeDocuments),
        num(t.normativeDocuments.issued, at('normativeDocuments', L2.issued)),
        num(t.normativeDocuments.repealed, at('normativeDocuments', L2.repealed)),
        num(t.normativeDocuments.inForce, at('normativeDocuments', L2.inForce)),
      ],
      caption(L2.item5),
      [header(L2.contentHeader), header(L2.decisions, 1, 3)],
      single(L2.licensing, t.licensing, 'licensing', L2.decisions),
      caption(L2.item6),
      [header(L2.contentHeader), header(L2.decisions, 1, 3)],
      single(L2.punishment, t.punishment, 'punishment', L2.decisions),
      single(L2.coercion, t.coercion, 'coercion', L2.decisions),
      caption(L2.item8),
      [header(L2.contentHeader), header(L2.feesAmount, 1, 3)],
      single(L2.fees, t.feesWanYuan, 'feesWanYuan', L2.feesAmount),
    ],
  };
}

const TABLE3_LABEL_COLUMNS_MM = [10, 18, 42];
const TABLE3_NUMBER_COLUMN_MM = (TEXT_WIDTH_MM - 70) / 7;

/**
 * Table 三 as on the form: the 勾稽 note fills the top-left block (three header rows × three label
 * columns); 申请人情况 spans the seven data columns and 法人或其他组织 the five in the middle; the
 * row header has three levels (三、本年度办理结果 → （三）不予公开 → 1.属于国家秘密).
 */
export function table3Grid(report: Report): TableGrid {
  const legal = TABLE3_COLUMNS.slice(1, 6);
  const headerRows: GridCell[][] = [
    [{ kind: 'note', text: TABLE3_NOTE, rowSpan: 3, colSpan: 3 }, header(TABLE3_APPLICANT_HEADER, 1, 7)],
    [header(TABLE3_COLUMNS[0], 2), header(TABLE3_LEGAL_PERSON_HEADER, 1, 5), header(TABLE3_COLUMNS[6], 2)],
    legal.map((c) => header(c)),
  ];
  const groupSizes = new Map<string, number>();
  for (const key of TABLE3_ROW_KEYS) {
    const group = table3Group(key);
    if (group) groupSizes.set(group, (groupSizes.get(group) ?? 0) + 1);
  }
  const format2019 = report.format2019;
  // The 21 leaves (19 and the one （六）其他处理 row in the 2019 format) and （七）总计.
  const outcomeRows = TABLE3_OUTCOME_KEYS.length + 1 - (format2019 ? 2 : 0);
  const bodyRows: GridCell[][] = [];
  const seen = new Set<string>();
  for (const key of TABLE3_ROW_KEYS) {
    if (format2019 && table3Group(key) === 'other') {
      if (key !== 'other.noCorrection') continue;
      const values = format2019.otherHandling.map((c, i) =>
        num(c, { table: 'table3', rowKey: 'other', column: TABLE3_COLUMNS[i] ?? '' }),
      );
      bodyRows.push([label(TABLE3_2019_OTHER_LABEL, 1, 2), ...values]);
      continue;
    }
    const values = report.table3[key].map((c, i) =>
      num(c, { table: 'table3', rowKey: key, column: TABLE3_COLUMNS[i] ?? '' }),
    );
    const text = TABLE3_ROW_LABELS[key];
    const group = table3Group(key);
    const labels: GridCell[] = [];
    if (key === 'granted') labels.push(label(TABLE3_OUTCOME_CAPTION, outcomeRows));
    if (key === 'newReceived' || key === 'carriedOver' || key === 'carriedForward') {
      labels.push(label(text, 1, 3));
    } else if (group) {
      if (!seen.has(group)) {
        seen.add(group);
        labels.push(label(TABLE3_GROUPS[group], groupSizes.get(group)));
      }
      labels.push(label(text));
    } else {
      labels.push(label(text, 1, 2));
    }
    bodyRows.push([...labels, ...values]);
  }
  return {
    id: 'table3',
    columnsMm: [...TABLE3_LABEL_COLUMNS_MM, ...Array.from({ length: 7 }, () => TABLE3_NUMBER_COLUMN_MM)],
    headerRows,
    bodyRows,
  };
}

/**
 * Table 四 as on the form: 行政复议 (5 columns) | 行政诉讼 (10) → 未经复议直接起诉 (5) | 复议后起诉 (5),
 * then the five result captions under each, then the one data row.
 */
export function table4Grid(report: Report): TableGrid {
  const t = report.table4;
  const results = (): GridCell[] => TABLE4_COLUMNS.map((c) => header(c));
  return {
    id: 'table4',
    columnsMm: Array.from({ length: 15 }, () => TEXT_WIDTH_MM / 15),
    headerRows: [
      [header(TABLE4_REVIEW_HEADER, 1, 5), header(TABLE4_LITIGATION_HEADER, 1, 10)],
      [
        ...TABLE4_COLUMNS.map((c) => header(c, 2)),
        header(TABLE4_DIRECT_HEADER, 1, 5),
        header(TABLE4_AFTER_REVIEW_HEADER, 1, 5),
      ],
      [...results(), ...results()],
    ],
    bodyRows: [
      TABLE4_GROUP_KEYS.flatMap((g) =>
        t[g].map((c, i) => num(c, { table: 'table4', rowKey: g, column: TABLE4_COLUMNS[i] ?? '' })),
      ),
    ],
  };
}
