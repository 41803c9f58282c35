import { describe, expect, it } from 'vitest';
import { generateValidReport } from '../../../test/support/generate-report.ts';
import { reportSchema } from '../report/schema.ts';
import { validateReport } from '../rules/validate-report.ts';
import { aggregateReports } from './aggregate-reports.ts';
import { disclosureRates } from './rates.ts';
import { type OverviewAgency, regionYearOverview } from './region-overview.ts';
import { regionalSummaryReport } from './regional-summary.ts';

const agency = (id: string, name: string): OverviewAgency => ({
  id,
  name,
  kind: 'department',
  regionId: 'r',
  merged: [],
});
const AGENCIES = [agency('a', '甲局'), agency('b', '乙局'), agency('c', '丙局')];

function overview() {
  const a = generateValidReport(1, { year: 2024 });
  const b = generateValidReport(2, { year: 2024 });
  const summary = (id: string, r: typeof a, publishedOn: string, errorCount: number) => ({
    reportId: `r-${id}`,
    agencyId: id,
    version: 1,
    origin: 'imported' as const,
    publishedOn,
    errorCount,
    warningCount: 0,
    rates: disclosureRates(r.table3, r.table4),
  });
  return {
    a,
    b,
    overview: regionYearOverview(
      2024,
      AGENCIES,
      [summary('a', a, '2025-01-20', 0), summary('b', b, '2025-02-14', 2)],
      aggregateReports([a, b]),
      '2025-06-01',
    ),
  };
}

describe('regionalSummaryReport', () => {
  it('is a valid gongkai-report/1 whose tables are the sum of the agencies’ tables', () => {
    const { a, b, overview: o } = overview();
    const report = regionalSummaryReport('测试市', o);
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.table3.newReceived).toEqual(
      a.table3.newReceived.map((v, i) => v! + b.table3.newReceived[i]!),
    );
    expect(report.table4.review).toEqual(a.table4.review.map((v, i) => v! + b.table4.review[i]!));
    expect(report.table2.licensing).toBe(a.table2.licensing! + b.table2.licensing!);
    // The drafted statistics quote the totals, so the narrative rules find nothing to contradict.
    const narrative = validateReport(report).filter(
      (f) => f.ruleId.startsWith('N-') && f.severity === 'error',
    );
    expect(narrative).toEqual([]);
  });

  it('says who published on time, late or not at all, and whose report has errors', () => {
    const report = regionalSummaryReport('测试市', overview().overview);
    expect(report.agency).toBe('测试市（各机关汇总）');
    expect(report.sections.overview).toContain(
      '本地区共3个机关应发布2024年政府信息公开工作年度报告，已发布2份，其中已按时发布1份、逾期发布1份；逾期未发布1个机关',
    );
    expect(report.sections.overview).not.toContain('本机关');
    // Each of the format's five sub-headings once, in order, none left empty.
    const headings = report.sections.overview.match(/^（[一二三四五六七八九十]+）.*$/gm);
    expect(headings).toEqual([
      '（一）主动公开',
      '（二）依申请公开',
      '（三）政府信息管理',
      '（四）政府信息公开平台建设',
      '（五）监督保障',
    ]);
    const lines = report.sections.overview.split('\n');
    for (const heading of headings ?? []) {
      const next = lines[lines.indexOf(heading) + 1] ?? '';
      expect(next.startsWith('（')).toBe(false);
      expect(next.length).toBeGreaterThan(10);
    }
    expect(report.sections.problems).toContain('逾期未发布年度报告的机关：丙局。');
    expect(report.sections.problems).toContain('逾期发布年度报告的机关：乙局。');
    expect(report.sections.problems).toContain('年度报告核查发现错误的机关：乙局（2个错误）。');
    expect(report.sections.other).toBe('本汇总依据各机关2024年度最新发布的年度报告（共2份）逐格相加生成。');
  });
});
