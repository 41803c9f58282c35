/**
 * Reports for the renderer tests and the previews under docs/render/ (test support, not shipped
 * code): the real seed 002 and a report whose every cell holds a distinct non-zero number.
 */
import { readFileSync } from 'node:fs';
import {
  TABLE2_LABELS as L2,
  TABLE3_APPLICANT_HEADER,
  TABLE3_COLUMNS,
  TABLE3_GROUPS,
  TABLE3_LEGAL_PERSON_HEADER,
  TABLE3_NOTE,
  TABLE3_OUTCOME_CAPTION,
  TABLE3_ROW_KEYS,
  TABLE3_ROW_LABELS,
  TABLE4_AFTER_REVIEW_HEADER,
  TABLE4_COLUMNS,
  TABLE4_DIRECT_HEADER,
  TABLE4_GROUP_KEYS,
  TABLE4_LITIGATION_HEADER,
  TABLE4_REVIEW_HEADER,
  table3Group,
} from '../../src/core/report/labels.ts';
import { type Report, reportSchema } from '../../src/core/report/schema.ts';

export function seedReport(id = '002'): Report {
  const url = new URL(`../fixtures/seeds/${id}.report.json`, import.meta.url);
  return reportSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

/**
 * Every cell distinct and non-zero (identities do not hold: rendering does not validate).
 * Table 三: 10000 + 100·row + column (five digits, as a city-wide report has); table 四: 4001…4015;
 * table 二: 301…309 and a fee of 1234.5678 万元. Extras are set and must not be rendered.
 */
export function fullReport(): Report {
  const base = seedReport('002');
  const table3 = Object.fromEntries(
    TABLE3_ROW_KEYS.map((key, r) => [
      key,
      Array.from({ length: 7 }, (_, c) => 10_000 + 100 * (r + 1) + c + 1),
    ]),
  ) as Report['table3'];
  const table4 = Object.fromEntries(
    TABLE4_GROUP_KEYS.map((g, i) => [g, Array.from({ length: 5 }, (_, c) => 4001 + 5 * i + c)]),
  ) as Report['table4'];
  return {
    ...base,
    agency: '某某省某某市人民政府办公室（测试：每格数字不同）',
    table2: {
      regulations: { issued: 301, repealed: 302, inForce: 303 },
      normativeDocuments: { issued: 304, repealed: 305, inForce: 306 },
      licensing: 307,
      punishment: 308,
      coercion: 309,
      feesWanYuan: 1234.5678,
    },
    table3,
    table4,
    extras: {
      cells: [{ table: 'table3', row: 'granted', position: 8, value: 987_654 }],
      rows: [{ table: 'table3', label: '（三）不予公开小计', values: [876_543, 0, 0, 0, 0, 0, 0] }],
    },
  };
}

/** Every number printed in the tables of `report`, in form order (table 二, 三, 四). */
export function tableNumbers(report: Report): (number | null)[] {
  const t2 = report.table2;
  return [
    t2.regulations.issued,
    t2.regulations.repealed,
    t2.regulations.inForce,
    t2.normativeDocuments.issued,
    t2.normativeDocuments.repealed,
    t2.normativeDocuments.inForce,
    t2.licensing,
    t2.punishment,
    t2.coercion,
    t2.feesWanYuan,
    ...TABLE3_ROW_KEYS.flatMap((k) => report.table3[k]),
    ...TABLE4_GROUP_KEYS.flatMap((g) => report.table4[g]),
  ];
}

/** A cell as a table markup gives it: text and spans (HTML rowspan/colspan semantics). */
export interface SpannedCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** Expands HTML-style rows (covered positions absent) into a full matrix, a merged cell's text in every position it covers. */
export function expandSpans(rows: SpannedCell[][]): string[][] {
  const matrix: string[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (matrix[r]![c] !== undefined) c += 1;
      for (let dr = 0; dr < cell.rowSpan; dr += 1) {
        for (let dc = 0; dc < cell.colSpan; dc += 1) {
          const target = matrix[r + dr];
          if (target) target[c + dc] = cell.text;
        }
      }
      c += cell.colSpan;
    }
  });
  return matrix;
}

const str = (cells: readonly (number | null)[]) => cells.map((c) => (c === null ? '' : String(c)));

/** Table 三 of the official form as a 28 × 10 matrix (3 header rows, 25 data rows), merged cells repeated. */
export function expectedTable3(report: Report): string[][] {
  const note = [TABLE3_NOTE, TABLE3_NOTE, TABLE3_NOTE];
  const rows: string[][] = [
    [...note, ...Array<string>(7).fill(TABLE3_APPLICANT_HEADER)],
    [...note, TABLE3_COLUMNS[0], ...Array<string>(5).fill(TABLE3_LEGAL_PERSON_HEADER), TABLE3_COLUMNS[6]],
    [...note, ...TABLE3_COLUMNS],
  ];
  for (const key of TABLE3_ROW_KEYS) {
    const label = TABLE3_ROW_LABELS[key];
    const group = table3Group(key);
    let labels: string[];
    if (key === 'newReceived' || key === 'carriedOver' || key === 'carriedForward')
      labels = [label, label, label];
    else if (group) labels = [TABLE3_OUTCOME_CAPTION, TABLE3_GROUPS[group], label];
    else labels = [TABLE3_OUTCOME_CAPTION, label, label];
    rows.push([...labels, ...str(report.table3[key])]);
  }
  return rows;
}

/** Table 四 as a 4 × 15 matrix. */
export function expectedTable4(report: Report): string[][] {
  return [
    [...Array<string>(5).fill(TABLE4_REVIEW_HEADER), ...Array<string>(10).fill(TABLE4_LITIGATION_HEADER)],
    [
      ...TABLE4_COLUMNS,
      ...Array<string>(5).fill(TABLE4_DIRECT_HEADER),
      ...Array<string>(5).fill(TABLE4_AFTER_REVIEW_HEADER),
    ],
    [...TABLE4_COLUMNS, ...TABLE4_COLUMNS, ...TABLE4_COLUMNS],
    TABLE4_GROUP_KEYS.flatMap((g) => str(report.table4[g])),
  ];
}

/** Table 二 as a 14 × 4 matrix: four blocks, each a caption row, a 信息内容 header and its rows. */
export function expectedTable2(report: Report): string[][] {
  const t = report.table2;
  const caption = (text: string) => [text, text, text, text];
  const wide = (a: string, b: string) => [a, b, b, b];
  return [
    caption(L2.item1),
    [L2.contentHeader, L2.issued, L2.repealed, L2.inForce],
    [L2.regulations, ...str([t.regulations.issued, t.regulations.repealed, t.regulations.inForce])],
    [
      L2.normativeDocuments,
      ...str([t.normativeDocuments.issued, t.normativeDocuments.repealed, t.normativeDocuments.inForce]),
    ],
    caption(L2.item5),
    wide(L2.contentHeader, L2.decisions),
    wide(L2.licensing, str([t.licensing])[0]!),
    caption(L2.item6),
    wide(L2.contentHeader, L2.decisions),
    wide(L2.punishment, str([t.punishment])[0]!),
    wide(L2.coercion, str([t.coercion])[0]!),
    caption(L2.item8),
    wide(L2.contentHeader, L2.feesAmount),
    wide(L2.fees, str([t.feesWanYuan])[0]!),
  ];
}
