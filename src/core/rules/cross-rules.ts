import {
  TABLE2_LABELS as L,
  TABLE3_COLUMNS,
  TABLE3_TOTAL_COLUMN,
  TABLE4_TOTAL_COLUMN,
  table3FullLabel,
} from '../report/labels.ts';
import type { Report } from '../report/schema.ts';
import type { Finding } from './finding.ts';
import { notAssessable, violation } from './make-finding.ts';

/** Y-01's message when last year's report is not at hand (the CLI adds how to give it). */
export const NO_PREVIOUS_REPORT = '未提供上一年度报告，上年结转无法与上年“结转下年度继续办理”核对';

/**
 * An agency merged into the report's agency during the report's year (机构改革): its applications
 * still pending at the end of the year before moved to the successor, so its 结转下年度继续办理 of
 * that year is part of the successor's 上年结转. `carriedForward` is null when it has no published
 * report of that year.
 */
export interface MergedCarryForward {
  agencyName: string;
  carriedForward: readonly (number | null)[] | null;
}

/**
 * Y-01: this year's 上年结转 equals last year's 结转下年度继续办理, per column, plus that of each
 * agency merged into this one during the year (`merged`, gathered by the caller).
 */
export function checkCarryOver(
  report: Report,
  previous: Report | undefined,
  merged: readonly MergedCarryForward[] = [],
): Finding[] {
  const location = {
    table: 'table3' as const,
    rowKey: 'carriedOver',
    rowLabel: table3FullLabel('carriedOver'),
  };
  if (!previous) return [notAssessable('Y-01', NO_PREVIOUS_REPORT, location)];
  if (previous.year !== report.year - 1) {
    return [
      notAssessable(
        'Y-01',
        `提供的上一年度报告是 ${previous.year} 年度，不是 ${report.year - 1} 年度`,
        location,
      ),
    ];
  }
  const withoutReport = merged.filter((m) => m.carriedForward === null).map((m) => `“${m.agencyName}”`);
  if (withoutReport.length > 0) {
    return [
      notAssessable(
        'Y-01',
        `本年度并入本机关的${withoutReport.join('、')}没有已发布的 ${previous.year} 年度报告，上年结转无法核对`,
        location,
      ),
    ];
  }
  const mismatched: string[] = [];
  const details: string[] = [];
  const blank: string[] = [];
  TABLE3_COLUMNS.forEach((name, c) => {
    const now = report.table3.carriedOver[c] ?? null;
    const parts = [
      previous.table3.carriedForward[c] ?? null,
      ...merged.map((m) => m.carriedForward?.[c] ?? null),
    ];
    if (now === null || parts.some((p) => p === null)) blank.push(name);
    else {
      const before = (parts as number[]).reduce((a, b) => a + b, 0);
      if (now !== before) {
        mismatched.push(name);
        details.push(
          `${name}：本年 ${now}，上年 ${parts.length > 1 ? `${parts.join(' + ')} = ` : ''}${before}`,
        );
      }
    }
  });
  const source =
    merged.length === 0
      ? `${previous.year} 年度报告`
      : `${previous.year} 年度本机关及并入的${merged.map((m) => `“${m.agencyName}”`).join('、')}报告`;
  const findings: Finding[] = [];
  if (mismatched.length > 0) {
    findings.push(
      violation('Y-01', `本年“上年结转”与 ${source}“结转下年度继续办理”不一致（${details.join('；')}）`, {
        ...location,
        columns: mismatched,
      }),
    );
  }
  if (blank.length > 0)
    findings.push(notAssessable('Y-01', '两年报告中有空白单元格', { ...location, columns: blank }));
  return findings;
}

/** Y-02 across years: 现行有效(N) = 现行有效(N−1) + 本年制发(N) − 本年废止(N). Soft: amendments blur it. */
export function checkStockAcrossYears(report: Report, previous: Report | undefined): Finding[] {
  if (!previous || previous.year !== report.year - 1) return [];
  const findings: Finding[] = [];
  for (const [label, key] of [
    [L.regulations, 'regulations'],
    [L.normativeDocuments, 'normativeDocuments'],
  ] as const) {
    const now = report.table2[key];
    const before = previous.table2[key].inForce;
    if (now.inForce === null || now.issued === null || now.repealed === null || before === null) continue;
    const expected = before + now.issued - now.repealed;
    if (now.inForce !== expected) {
      findings.push(
        violation(
          'Y-02',
          `现行有效 ${now.inForce} 件，但上年现行有效 ${before} + 本年制发 ${now.issued} − 本年废止 ${now.repealed} = ${expected} 件（修订等情形可能造成差异，请核实）`,
          { table: 'table2', rowLabel: label, columns: [L.inForce] },
        ),
      );
    }
  }
  return findings;
}

function table4Total(
  report: Report,
  group: 'review' | 'litigationDirect' | 'litigationAfterReview',
): number | null {
  return report.table4[group][TABLE4_TOTAL_COLUMN] ?? null;
}

/** X-01: cases in table 四 while table 三 shows no application this year nor carried over. */
export function checkCasesWithoutApplications(report: Report, previous: Report | undefined): Finding[] {
  const cases = (['review', 'litigationDirect', 'litigationAfterReview'] as const).map((g) =>
    table4Total(report, g),
  );
  if (!cases.some((n) => n !== null && n > 0)) return [];
  const received = report.table3.newReceived[TABLE3_TOTAL_COLUMN] ?? null;
  const carried = report.table3.carriedOver[TABLE3_TOTAL_COLUMN] ?? null;
  const lastYear = previous?.table3.newReceived[TABLE3_TOTAL_COLUMN] ?? null;
  if (received !== 0 || carried !== 0 || (previous && lastYear !== 0)) return [];
  return [
    violation(
      'X-01',
      `表四有行政复议或行政诉讼案件，但表三本年新收和上年结转申请均为 0${previous ? '，上一年度也没有申请' : ''}；案件可能涉及更早的申请，请核实`,
      { table: 'table4', columns: ['总计'] },
    ),
  ];
}

/** X-02: litigation after reconsideration without any reconsideration recorded. */
export function checkLitigationAfterReview(report: Report, previous: Report | undefined): Finding[] {
  const after = table4Total(report, 'litigationAfterReview');
  if (after === null || after === 0) return [];
  const review = table4Total(report, 'review');
  const reviewBefore = previous ? table4Total(previous, 'review') : 0;
  if (review !== 0 || reviewBefore !== 0) return [];
  return [
    violation(
      'X-02',
      `“复议后起诉”有 ${after} 件，但本年${previous ? '和上一年度' : ''}行政复议总计为 0；复议可能发生在更早年度，请核实`,
      { table: 'table4', rowLabel: '行政诉讼 复议后起诉', columns: ['总计'] },
    ),
  ];
}
