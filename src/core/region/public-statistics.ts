import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES } from '../applications/application.ts';
import { TABLE3_GROUPS, TABLE3_TOTAL_COLUMN, table3Group } from '../report/labels.ts';
import type { Cell, Table3 } from '../report/schema.ts';

/** One year of a region's applications, as the public statistics page shows them. */
export interface YearStatistics {
  year: number;
  /** Reports added into the totals (the agencies' newest published reports). */
  reports: number;
  /** 本年新收 by applicant type (自然人, 商业企业 … 其他), then the total; null where a report left it blank. */
  received: { type: string; label: string; count: Cell }[];
  receivedTotal: Cell;
  /** 办理结果 by outcome group (予以公开, 部分公开, 不予公开 …) for all applicants. */
  outcomes: { key: string; label: string; count: Cell }[];
  concluded: Cell;
}

const add = (a: Cell, b: Cell): Cell => (a === null || b === null ? null : a + b);

/**
 * A region's table 三 totals turned into what a citizen reads: applications received by type of
 * applicant and answered by outcome. Grouped outcomes (不予公开 1–8 …) are summed into their group.
 */
export function yearStatistics(year: number, reports: number, table3: Table3): YearStatistics {
  // No report that year: nothing is known, which is not zero — every count is null (无数据).
  if (reports === 0) table3 = blankTable3(table3);
  const t = TABLE3_TOTAL_COLUMN;
  const groups: { key: string; label: string; count: Cell }[] = [
    { key: 'granted', label: '予以公开', count: table3.granted[t] ?? null },
    { key: 'partial', label: '部分公开', count: table3.partial[t] ?? null },
  ];
  for (const [group, caption] of Object.entries(TABLE3_GROUPS)) {
    let sum: Cell = 0;
    for (const [key, row] of Object.entries(table3)) {
      if (table3Group(key as keyof Table3) === group) sum = add(sum, row[t] ?? null);
    }
    groups.push({ key: group, label: caption.replace(/^（.）/, ''), count: sum });
  }
  return {
    year,
    reports,
    received: APPLICANT_TYPES.map((type, i) => ({
      type,
      label: APPLICANT_TYPE_LABELS[type],
      count: table3.newReceived[i] ?? null,
    })),
    receivedTotal: table3.newReceived[t] ?? null,
    outcomes: groups,
    concluded: table3.totalConcluded[t] ?? null,
  };
}

/** The statistics as CSV (UTF-8 with BOM so that Excel reads the Chinese), one row per year. */
export function statisticsCsv(years: readonly YearStatistics[]): string {
  const first = years[0];
  if (!first) return '\uFEFF年度,报告数\r\n';
  const header = [
    '年度',
    '报告数',
    ...first.received.map((r) => `新收申请_${r.label}`),
    '新收申请_合计',
    ...first.outcomes.map((o) => `办理结果_${o.label}`),
    '办结总数',
  ];
  const cell = (c: Cell) => (c === null ? '' : String(c));
  const rows = years.map((y) =>
    [
      String(y.year),
      String(y.reports),
      ...y.received.map((r) => cell(r.count)),
      cell(y.receivedTotal),
      ...y.outcomes.map((o) => cell(o.count)),
      cell(y.concluded),
    ].join(','),
  );
  return `\uFEFF${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

/** The same rows with every cell blank. */
function blankTable3(table3: Table3): Table3 {
  return Object.fromEntries(Object.entries(table3).map(([key, row]) => [key, row.map(() => null)])) as Table3;
}
