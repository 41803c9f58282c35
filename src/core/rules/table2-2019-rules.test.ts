import { describe, expect, it } from 'vitest';
import { generateValid2019Report, generateValidReport } from '../../../test/support/generate-report.ts';
import { parseReport } from '../report/parse-report.ts';
import { validateReport } from './validate-report.ts';

/** Findings other than Y-01, which cannot be assessed without last year's report. */
const check = (report: Parameters<typeof validateReport>[0]) =>
  validateReport(report).filter((f) => f.ruleId !== 'Y-01');
const ids = (report: Parameters<typeof validateReport>[0]) => check(report).map((f) => f.ruleId);

describe('validateReport on a report in the 2019 format', () => {
  it('finds nothing in a valid one: no 2021 table-二 rule fires on its null table2', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const report = parseReport(JSON.parse(JSON.stringify(generateValid2019Report(seed))));
      expect(check(report)).toEqual([]);
    }
  });

  it('reports a blank 2019 table-二 cell as T2-05, naming the 2019 row and column', () => {
    const report = generateValid2019Report(3);
    report.format2019!.table2.procurement.projects = null;
    const finding = validateReport(report).find((f) => f.ruleId === 'T2-05');
    expect(finding?.location).toMatchObject({
      table: 'table2',
      rowLabel: '政府集中采购',
      columns: ['采购项目数量'],
    });
  });

  it('accepts a negative 本年增/减 but not a fractional one', () => {
    const report = generateValid2019Report(4);
    report.format2019!.table2.licensing = { previous: 5, change: -2, decisions: 10 };
    expect(ids(report)).toEqual([]);
    report.format2019!.table2.licensing.change = 1.5;
    expect(ids(report)).toEqual(['T2-05']);
  });

  it('warns (T2-06) when more was newly published than is published in all', () => {
    const report = generateValid2019Report(5);
    report.format2019!.table2.normativeDocuments = { made: 4, published: 4, total: 3 };
    expect(ids(report)).toEqual(['T2-06']);
  });

  it('checks the one （六）其他处理 row in the outcome sum (T3-02) and its row total (T3-03)', () => {
    const report = generateValid2019Report(6);
    const other = report.format2019!.otherHandling;
    other[0] = (other[0] ?? 0) + 1;
    const found = check(report);
    expect(found.map((f) => f.ruleId).sort()).toEqual(['T3-02', 'T3-03']);
    expect(found.find((f) => f.ruleId === 'T3-03')?.location.rowLabel).toBe('（六）其他处理');
  });

  it('reports a blank cell of the （六）其他处理 row (T3-04), not the null 2021 items', () => {
    const report = generateValid2019Report(7);
    report.format2019!.otherHandling[2] = null;
    const t304 = validateReport(report).filter((f) => f.ruleId === 'T3-04');
    expect(t304.map((f) => f.location.rowLabel)).toEqual(['（六）其他处理']);
  });
});

describe('parseReport and the format version', () => {
  it('reads a report without formatVersion as the 2021 format', () => {
    const json = JSON.parse(JSON.stringify(generateValidReport(1)));
    delete json.formatVersion;
    expect(parseReport(json).formatVersion).toBe('2021');
  });

  it('refuses a 2019 report without its table 二, and a 2019 report with 2021 figures', () => {
    const json = JSON.parse(JSON.stringify(generateValid2019Report(2)));
    expect(() => parseReport({ ...json, format2019: undefined })).toThrow('format2019');
    expect(() => parseReport({ ...json, table2: generateValidReport(2).table2 })).toThrow('table2');
    const split = structuredClone(json);
    split.table3['other.other'] = [0, 0, 0, 0, 0, 0, 0];
    expect(() => parseReport(split)).toThrow('其他处理');
  });

  it('refuses format2019 on a 2021 report', () => {
    const json = JSON.parse(JSON.stringify(generateValidReport(2)));
    json.format2019 = generateValid2019Report(2).format2019;
    expect(() => parseReport(json)).toThrow('format2019');
  });
});
