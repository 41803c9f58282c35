import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateValidReport } from '../../../test/support/generate-report.ts';
import { loadSeedReport } from '../../../test/support/seeds.ts';
import { validateReport } from '../rules/validate-report.ts';
import { aggregateReports } from './aggregate-reports.ts';
import { disclosureRates } from './rates.ts';
import { textSimilarity } from './similarity.ts';

describe('aggregateReports', () => {
  it('gives regional totals that are themselves a valid report', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 30 }), (seeds) => {
        const reports = seeds.map((s) => generateValidReport(s, { year: 2024 }));
        const totals = aggregateReports(reports);
        const region = {
          ...reports[0]!,
          agency: '某某市人民政府',
          table2: totals.table2,
          table3: totals.table3,
          table4: totals.table4,
        };
        const identityErrors = validateReport(region).filter(
          (f) => f.assessable && /^T[34]-0[1-3]$/.test(f.ruleId),
        );
        return (
          identityErrors.length === 0 &&
          totals.table3.newReceived[6] === reports.reduce((s, r) => s + r.table3.newReceived[6]!, 0)
        );
      }),
      { numRuns: 100 },
    );
  });

  it('keeps a blank cell blank in the total and counts the incomplete report', () => {
    const a = generateValidReport(1);
    const b = generateValidReport(2);
    b.table3.granted[1] = null;
    const totals = aggregateReports([a, b]);
    expect(totals.table3.granted[1]).toBeNull();
    expect(totals.table3.granted[0]).toBe(a.table3.granted[0]! + b.table3.granted[0]!);
    expect(totals.incomplete).toBe(1);
  });

  it('adds fees in 万元 exactly', () => {
    const a = generateValidReport(1);
    const b = generateValidReport(2);
    a.table2.feesWanYuan = 0.1;
    b.table2.feesWanYuan = 0.2;
    expect(aggregateReports([a, b]).table2.feesWanYuan).toBe(0.3);
  });
});

describe('disclosureRates', () => {
  it('computes shares of concluded applications and the correction rate of decided cases', () => {
    const r = loadSeedReport('004');
    const rates = disclosureRates(r.table3, r.table4);
    expect(rates.grantedShare).toEqual({ value: 33.3, numerator: 1, denominator: 3 });
    expect(rates.deniedShare.value).toBe(33.3);
    expect(rates.reviewCorrectionRate.value).toBeNull(); // no case decided: no division by zero
  });

  it('leaves out cases still pending from the correction rate', () => {
    const r = generateValidReport(3);
    r.table4.review = [2, 1, 0, 1, 4];
    expect(disclosureRates(r.table3, r.table4).reviewCorrectionRate).toEqual({
      value: 33.3,
      numerator: 1,
      denominator: 3,
    });
  });
});

describe('textSimilarity', () => {
  it('scores a copy with new numbers and year as near-identical', () => {
    const text = loadSeedReport('000').sections.problems;
    const copied = text.replace(/2023/g, '2024').replace(/\d+/g, '7');
    expect(textSimilarity(text, copied)).toBeGreaterThan(0.95);
  });

  it('scores two different agencies’ sections as different', () => {
    const a = loadSeedReport('000').sections.problems;
    const b = loadSeedReport('004').sections.problems;
    expect(textSimilarity(a, b)).toBeLessThan(0.5);
  });

  it('refuses to judge very short texts', () => {
    expect(textSimilarity('无', '无')).toBeNull();
  });
});
