import { describe, expect, it } from 'vitest';
import { generateValidReport } from '../../../test/support/generate-report.ts';
import { aggregateReports } from './aggregate-reports.ts';
import { disclosureRates } from './rates.ts';
import { regionalTotals, regionYearOverview } from './region-overview.ts';

const agencies = [
  { id: 'g', name: '某县人民政府', kind: 'government' as const, regionId: 'r', merged: [] },
  { id: 'd1', name: '某县民政局', kind: 'department' as const, regionId: 'r', merged: [] },
  { id: 'd2', name: '某县财政局', kind: 'department' as const, regionId: 'r', merged: [] },
];

const summary = (agencyId: string, seed: number, publishedOn: string | null) => {
  const numbers = generateValidReport(seed, { year: 2024 });
  return {
    reportId: `rep-${agencyId}`,
    agencyId,
    version: 1,
    origin: 'imported' as const,
    publishedOn,
    errorCount: 0,
    warningCount: 0,
    rates: disclosureRates(numbers.table3, numbers.table4),
    numbers,
  };
};

describe('regionYearOverview', () => {
  // Which reports the totals add up (those of the listed agencies) is the store's query, tested
  // in regional-overview.test.ts and report-figures.test.ts; here the totals are given.
  it('gives each agency its status and rates, and checks and rates the totals it is given', () => {
    const reports = [
      summary('g', 1, '2025-03-20'),
      summary('d1', 2, '2025-02-03'),
      summary('x', 3, '2025-01-10'),
    ];
    const totals = aggregateReports([reports[0]!.numbers, reports[1]!.numbers]);
    const o = regionYearOverview(2024, agencies, reports, totals, '2025-02-10');
    expect(o.agencies.map((a) => [a.agency.id, a.status, a.deadline])).toEqual([
      ['g', 'published', '2025-03-31'],
      ['d1', 'late', '2025-01-31'],
      ['d2', 'missing', '2025-01-31'],
    ]);
    expect(o.counts).toEqual({ published: 1, late: 1, 'date-unknown': 0, missing: 1, 'not-due': 0 });
    expect(o.totals.reports).toBe(2);
    expect(o.totals.table3.newReceived[6]).toBe(
      reports[0]!.numbers.table3.newReceived[6]! + reports[1]!.numbers.table3.newReceived[6]!,
    );
    expect(o.agencies[2]!.rates).toBeNull();
    expect(o.agencies[0]!.rates!.grantedShare.numerator).toBe(reports[0]!.numbers.table3.granted[6]);
    expect(o.rates.grantedShare.denominator).toBe(
      reports[0]!.numbers.table3.totalConcluded[6]! + reports[1]!.numbers.table3.totalConcluded[6]!,
    );
    expect(o.totalsFindings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('regionalTotals', () => {
  it('checks the totals with the table rules and reports none for a sum of valid reports', () => {
    const parts = [1, 2, 3].map((s) => generateValidReport(s));
    parts[0]!.table2.regulations = { issued: 2, repealed: 0, inForce: 5 };
    expect(regionalTotals(parts).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('finds a broken identity in the totals', () => {
    const parts = [1, 2].map((s) => generateValidReport(s));
    parts[1]!.table3.granted[0] = parts[1]!.table3.granted[0]! + 5;
    expect(
      regionalTotals(parts).findings.some((f) => f.ruleId.startsWith('T3-') && f.severity === 'error'),
    ).toBe(true);
  });
});
