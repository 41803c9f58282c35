import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JIANGNING_2020_PRINTED as PRINTED } from '../../../test/support/format-2019-fixture.ts';
import { generateValid2019Report, generateValidReport } from '../../../test/support/generate-report.ts';
import { reportToText } from '../../../test/support/report-to-text.ts';
import type { Report } from '../../core/report/schema.ts';
import { checkReport } from '../check-report.ts';
import { readReportDocument } from './read-document.ts';

/**
 * Reports in the 2019 format (国办公开办函〔2019〕60号). The fixture under test/fixtures/format-2019 is
 * one 2020 report written by hand as an agency web page (.html), converted by LibreOffice to DOCX and
 * that DOCX to PDF (`soffice --headless --convert-to`, see its README), copied as crawled text
 * (one row a line, cells separated by spaces), and turned into the crawlers' other shapes by
 * test/fixtures/build/make-crawled-fixtures.ts (one cell per line: `soup`, `cells`, `cells-cr`; and
 * `concat`, every separator gone). The expected figures below are those printed in it.
 */
const FIXTURES = new URL('../../../test/fixtures/format-2019/', import.meta.url);
const FILES = [
  'jiangning-2020.html',
  'jiangning-2020.lo.docx',
  'jiangning-2020.lo.pdf',
  'jiangning-2020.crawled.txt',
  'jiangning-2020.soup.txt',
  'jiangning-2020.cells.txt',
  'jiangning-2020.cells-cr.txt',
];

describe('readReportDocument on a report in the 2019 format', () => {
  it.each(FILES)('reads %s cell by cell in its own layout', async (name) => {
    const read = await readReportDocument(readFileSync(new URL(name, FIXTURES)), name);
    const { report } = read;
    expect(report).toMatchObject({
      formatVersion: '2019',
      agency: '江宁市生态环境局',
      year: 2020,
      publishedOn: '2021-01-28',
    });
    expect(report.format2019?.table2).toEqual(PRINTED.table2);
    expect(report.format2019?.otherHandling).toEqual(PRINTED.otherHandling);
    expect(report.table3).toEqual(PRINTED.table3);
    expect(report.table4).toEqual(PRINTED.table4);
    // The 2021 table 二 was not printed: every cell null, and no 2021 rule is applied to it.
    expect(
      Object.values(report.table2).flatMap((v) =>
        v !== null && typeof v === 'object' ? Object.values(v) : [v],
      ),
    ).toEqual(Array(10).fill(null));
    expect(read.missingRows).toEqual([]);
    const findings = checkReport(report, read).filter((f) => f.assessable);
    expect(findings.map((f) => f.ruleId)).toEqual([]);
  });

  it('checks a 2019 report with that format’s rules, naming its rows and where they are printed', async () => {
    const name = 'jiangning-2020.crawled.txt';
    const text = readFileSync(new URL(name, FIXTURES), 'utf8')
      .replace('政府集中采购 9 126.5', '政府集中采购 / 126.5')
      .replace('（六）其他处理 1 0 0 0 0 0 1', '（六）其他处理 2 0 0 0 0 0 2');
    const read = await readReportDocument(new TextEncoder().encode(text), name);
    const findings = checkReport(read.report, read).filter((f) => f.assessable);
    const t205 = findings.find((f) => f.ruleId === 'T2-05');
    expect(t205?.location).toMatchObject({ rowLabel: '政府集中采购', columns: ['采购项目数量'] });
    expect(t205?.location.source?.text).toContain('政府集中采购');
    const t302 = findings.filter((f) => f.ruleId === 'T3-02');
    expect(t302.map((f) => f.location.columns)).toEqual([['自然人'], ['总计']]);
    expect(findings.some((f) => f.ruleId.startsWith('T2-0') && f.ruleId !== 'T2-05')).toBe(false);
  });

  it('places blank 2019 table-二 cells of one-cell-per-line text by the empty lines, in that format’s columns', async () => {
    const name = 'jiangning-2020.cells-cr.txt';
    const printed = readFileSync(new URL(name, FIXTURES), 'utf8');
    // A blank cell is one more empty line (the cells-cr shape): 本年新公开数量 of 规范性文件 and
    // 上一年项目数量 of 行政许可 (three columns in this format, one in 2021) left blank.
    const text = printed
      .replace('规范性文件\r\r3\r\r3\r\r27', '规范性文件\r\r3\r\r\r27')
      .replace('行政许可\r\r12\r\r1\r\r356', '行政许可\r\r\r1\r\r356');
    expect(text).not.toBe(printed);
    const { report } = await readReportDocument(new TextEncoder().encode(text), name);
    expect(report.format2019?.table2.normativeDocuments).toEqual({ made: 3, published: null, total: 27 });
    expect(report.format2019?.table2.licensing).toEqual({ previous: null, change: 1, decisions: 356 });
    expect(report.format2019?.table2.otherServices).toEqual(PRINTED.table2.otherServices);
  });

  it('reads generated 2019 reports written as a tab-separated text export, blanks included', async () => {
    for (let seed = 1; seed <= 30; seed += 1) {
      const report = generateValid2019Report(seed);
      report.format2019!.table2.fees.change = seed % 3 === 0 ? null : -1;
      report.format2019!.otherHandling[seed % 7] = null;
      const { report: read } = await readReportDocument(
        new TextEncoder().encode(reportToText(report)),
        'r.txt',
      );
      const view = (r: Report) => ({
        f: r.formatVersion,
        t2: r.format2019,
        t3: r.table3,
        t4: r.table4,
        t2021: r.table2,
      });
      expect(view(read)).toEqual(view(report));
    }
  });

  it('reads a 2019 or 2020 report printed in the 2021 layout as the 2021 format (told by table 二, not the year)', async () => {
    const report = generateValidReport(5, { year: 2020 });
    const { report: read } = await readReportDocument(
      new TextEncoder().encode(reportToText(report)),
      'r.txt',
    );
    expect(read.formatVersion).toBe('2021');
    expect(read.format2019).toBeUndefined();
    expect(read.table2).toEqual(report.table2);
  });

  it('refuses a report of 2018 or before in neither format', async () => {
    const text = reportToText(generateValidReport(5, { year: 2018 }));
    await expect(readReportDocument(new TextEncoder().encode(text), 'old.txt')).rejects.toThrow(
      '2018 年度及以前',
    );
  });
});
