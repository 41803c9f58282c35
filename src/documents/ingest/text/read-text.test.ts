import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateValid2019Report, generateValidReport } from '../../../../test/support/generate-report.ts';
import { reportToText } from '../../../../test/support/report-to-text.ts';
import { AppError } from '../../../core/errors.ts';
import { readReportDocument } from '../read-document.ts';
import { readText } from './read-text.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('readText', () => {
  it('splits tab-separated rows into cells and keeps line numbers', async () => {
    const doc = await readText(encode('标题\n\n规章\t0\t1\t2\n'));
    expect(doc.lines).toEqual([
      { cells: ['标题'], inTable: false, line: 1 },
      { cells: ['规章', '0', '1', '2'], inTable: true, line: 3, table: 0 },
    ]);
  });

  it('reads Markdown headings, bold marks and pipe tables', async () => {
    const doc = await readText(
      encode('## **一、总体情况**\n| 规章 | 0 | 0 | 0 |\n|---|---|---|---|\n'),
      'md',
    );
    expect(doc.lines[0]).toMatchObject({ cells: ['一、总体情况'], heading: 2 });
    expect(doc.lines[1]).toMatchObject({ cells: ['规章', '0', '0', '0'], inTable: true });
    expect(doc.lines).toHaveLength(2);
  });

  it('decodes GB18030 text', async () => {
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc0, 0xca, 0xd0]); // 中卫市
    expect((await readText(gbk)).lines[0]?.cells).toEqual(['中卫市']);
  });

  it('refuses an empty file and binary garbage', async () => {
    await expect(readText(new Uint8Array())).rejects.toThrow('文件为空');
    await expect(readText(new Uint8Array([0, 1, 2, 3, 0, 255]))).rejects.toBeInstanceOf(AppError);
  });
});

describe('readReportDocument on generated text exports', () => {
  it('gives back every number, blank and section of any valid report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (seed) => {
        const report = generateValidReport(seed, { scale: 60 });
        const { report: read } = await readReportDocument(encode(reportToText(report)), 'r.txt');
        expect(read.table2).toEqual(report.table2);
        expect(read.table3).toEqual(report.table3);
        expect(read.table4).toEqual(report.table4);
        expect(read.sections).toEqual(report.sections);
        expect(read.agency).toBe(report.agency);
        expect(read.year).toBe(report.year);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps blank cells as null', async () => {
    const report = generateValidReport(5);
    report.table3.partial[2] = null;
    report.table2.licensing = null;
    const { report: read } = await readReportDocument(encode(reportToText(report)), 'r.txt');
    expect(read.table3.partial[2]).toBeNull();
    expect(read.table2.licensing).toBeNull();
  });

  it('reads a report in the 2019 format instead of refusing it (read-format-2019.test.ts)', async () => {
    const text = reportToText(generateValid2019Report(5));
    const { report } = await readReportDocument(encode(text), 'old.txt');
    expect(report.formatVersion).toBe('2019');
  });

  it('refuses a text that is not an annual report', async () => {
    await expect(readReportDocument(encode('会议纪要\n今天开会讨论了三件事。\n'), 'x.txt')).rejects.toThrow(
      '不像政府信息公开工作年度报告',
    );
  });
});
