import { describe, expect, it } from 'vitest';
import { clone, generateValidReport } from '../../../test/support/generate-report.ts';
import type { Report } from '../report/schema.ts';
import {
  checkCarryOver,
  checkCasesWithoutApplications,
  checkLitigationAfterReview,
  checkStockAcrossYears,
} from './cross-rules.ts';

function pair(): { previous: Report; report: Report } {
  const previous = clone(generateValidReport(11, { year: 2023 }));
  const report = clone(generateValidReport(12, { year: 2024 }));
  report.table3.carriedOver = [...previous.table3.carriedForward];
  return { previous, report };
}

describe('checkCarryOver (Y-01)', () => {
  it('passes when 上年结转 equals last year’s 结转下年度 in every column', () => {
    const { previous, report } = pair();
    expect(checkCarryOver(report, previous)).toEqual([]);
  });

  it('fires naming the columns that differ', () => {
    const { previous, report } = pair();
    report.table3.carriedOver[0] = (report.table3.carriedOver[0] ?? 0) + 1;
    report.table3.carriedOver[6] = (report.table3.carriedOver[6] ?? 0) + 1;
    const [finding] = checkCarryOver(report, previous);
    expect(finding?.location.columns).toEqual(['自然人', '总计']);
  });

  it('cannot be assessed without the previous report, or with a report of another year', () => {
    const { previous, report } = pair();
    expect(checkCarryOver(report, undefined)[0]?.assessable).toBe(false);
    previous.year = 2021;
    expect(checkCarryOver(report, previous)[0]?.message).toContain('2021');
  });
});

describe('checkCarryOver (Y-01) with agencies merged in during the year', () => {
  it('adds each merged agency’s 结转下年度 to last year’s, column by column', () => {
    const { previous, report } = pair();
    const merged = clone(generateValidReport(13, { year: 2023 })).table3.carriedForward;
    expect(merged.some((n) => (n ?? 0) > 0)).toBe(true);
    const entry = { agencyName: '测试市旅游局', carriedForward: merged };
    // The successor's own carry-over alone now misses the merged agency's pending applications.
    const [missing] = checkCarryOver(report, previous, [entry]);
    expect(missing?.location.columns).toEqual(
      ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].filter(
        (_, c) => (merged[c] ?? 0) !== 0,
      ),
    );
    expect(missing?.message).toContain('测试市旅游局');
    report.table3.carriedOver = report.table3.carriedOver.map((n, c) => (n ?? 0) + (merged[c] ?? 0));
    expect(checkCarryOver(report, previous, [entry])).toEqual([]);
  });

  it('cannot be assessed when a merged agency has no report of last year', () => {
    const { previous, report } = pair();
    const [finding] = checkCarryOver(report, previous, [
      { agencyName: '测试市旅游局', carriedForward: null },
    ]);
    expect(finding?.assessable).toBe(false);
    expect(finding?.message).toContain('测试市旅游局');
  });
});

describe('checkStockAcrossYears (Y-02)', () => {
  it('passes when 现行有效 follows from last year plus issued minus repealed', () => {
    const { previous, report } = pair();
    const p = previous.table2.normativeDocuments.inForce ?? 0;
    report.table2.normativeDocuments = { issued: 3, repealed: 1, inForce: p + 2 };
    expect(checkStockAcrossYears(report, previous)).toEqual([]);
  });

  it('warns when the stock does not follow', () => {
    const { previous, report } = pair();
    const p = previous.table2.normativeDocuments.inForce ?? 0;
    report.table2.normativeDocuments = { issued: 3, repealed: 1, inForce: p + 5 };
    expect(checkStockAcrossYears(report, previous)[0]?.severity).toBe('warning');
  });
});

describe('checkCasesWithoutApplications (X-01)', () => {
  it('informs when there are cases but no application this year nor carried over', () => {
    const r = clone(generateValidReport(5));
    r.table3.newReceived = [0, 0, 0, 0, 0, 0, 0];
    r.table3.carriedOver = [0, 0, 0, 0, 0, 0, 0];
    r.table4.review = [1, 0, 0, 0, 1];
    expect(checkCasesWithoutApplications(r, undefined)[0]?.severity).toBe('info');
  });

  it('stays quiet when there were applications', () => {
    const r = clone(generateValidReport(5));
    r.table4.review = [1, 0, 0, 0, 1];
    expect(checkCasesWithoutApplications(r, undefined)).toEqual([]);
  });
});

describe('checkLitigationAfterReview (X-02)', () => {
  it('informs when there is litigation after reconsideration but no reconsideration', () => {
    const r = clone(generateValidReport(5));
    r.table4.review = [0, 0, 0, 0, 0];
    r.table4.litigationAfterReview = [0, 0, 0, 2, 2];
    expect(checkLitigationAfterReview(r, undefined)).toHaveLength(1);
  });

  it('stays quiet when a reconsideration was recorded', () => {
    const r = clone(generateValidReport(5));
    r.table4.review = [1, 0, 0, 0, 1];
    r.table4.litigationAfterReview = [0, 0, 0, 2, 2];
    expect(checkLitigationAfterReview(r, undefined)).toEqual([]);
  });
});
