import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE3_ROW_KEYS } from '../../core/report/labels.ts';
import { parseReport } from '../../core/report/parse-report.ts';
import { checkReport } from '../check-report.ts';
import { readReportDocument } from './read-document.ts';

/**
 * Reports printed the way agencies really print them (test/fixtures/reading/, made by make.py with
 * LibreOffice): a misprinted row caption, a variant table-二 caption, a table-三 row with every cell
 * blank and （六）其他处理 printed as one row (the 2019 layout) inside a 2024 report.
 */
const DIR = new URL('../../../test/fixtures/reading/', import.meta.url);
const FILES = readdirSync(DIR)
  .filter((f) => /^wps-misprint\.(html|lo\.docx|lo\.pdf)$/.test(f))
  .sort();
const truth = parseReport(JSON.parse(readFileSync(new URL('wps-misprint.truth.json', DIR), 'utf8')));

describe('reading wps-misprint', () => {
  it('has the three documents', () => expect(FILES).toHaveLength(3));

  it.each(FILES)('%s: every cell of tables 二、三、四 as printed', async (file) => {
    const { report } = await readReportDocument(readFileSync(new URL(file, DIR)), file);
    expect(report.table2).toEqual(truth.table2);
    for (const key of TABLE3_ROW_KEYS) expect([key, report.table3[key]]).toEqual([key, truth.table3[key]]);
    expect(report.table4).toEqual(truth.table4);
    expect(report.extras?.rows.map((r) => [r.label, r.values, r.subtotalOf])).toEqual(
      truth.extras?.rows.map((r) => [r.label, r.values, r.subtotalOf]),
    );
  });

  it.each(FILES)('%s: the misprint is an N-09 info at its place, not a missing row', async (file) => {
    const ingest = await readReportDocument(readFileSync(new URL(file, DIR)), file);
    const findings = checkReport(ingest.report, ingest);
    const n09 = findings.filter((f) => f.ruleId === 'N-09');
    expect(n09.map((f) => [f.severity, f.location.table, f.location.rowKey ?? f.location.rowLabel])).toEqual(
      expect.arrayContaining([
        ['info', 'table3', 'denied.lawForbidden'],
        ['info', 'table2', '行政规范性文件'],
      ]),
    );
    expect(n09.find((f) => f.location.rowKey === 'denied.lawForbidden')?.message).toContain(
      '其他法律行政止公开',
    );
    // （六）printed as one row: one finding, not three missing rows and not an "extra row".
    const shape = findings.filter((f) => f.ruleId === 'T3-05');
    expect(shape.map((f) => [f.severity, f.location.rowLabel])).toEqual([['error', '（六）其他处理']]);
    // The blank row is blank (T3-04), the merged items are not reported as blank.
    const blank = findings.filter((f) => f.ruleId === 'T3-04').map((f) => f.location.rowKey);
    expect(blank).toEqual(['notProcessed.repeat']);
    expect(findings.filter((f) => f.ruleId === 'T2-01')).toEqual([]);
  });
});

describe('reading the agency and publication date from where pages put them', () => {
  const read = async (file: string) => readReportDocument(readFileSync(new URL(file, DIR)), file);
  const truthOf = (stem: string) =>
    parseReport(JSON.parse(readFileSync(new URL(`${stem}.truth.json`, DIR), 'utf8')));

  it('meta-pubdate.html: the agency without its 名称 label, the date from <meta name="PubDate">', async () => {
    const { report } = await read('meta-pubdate.html');
    const truth = truthOf('meta-pubdate');
    expect([report.agency, report.title, report.publishedOn]).toEqual([
      truth.agency,
      truth.title,
      truth.publishedOn,
    ]);
    expect(report.provenance?.publishedOn?.text).toBe('<meta name="PubDate" content="2025-03-09 10:12:00">');
    expect(report.table3).toEqual(truth.table3);
  });

  it('meta-pubdate.html: （七）总计 is checked against the merged （六） row', async () => {
    const ingest = await read('meta-pubdate.html');
    expect(checkReport(ingest.report, ingest).filter((f) => f.ruleId === 'T3-02')).toEqual([]);
  });

  it('meta-timeline.html: the date of a bare “时间：” info line', async () => {
    const { report } = await read('meta-timeline.html');
    expect(report.publishedOn).toBe(truthOf('meta-timeline').publishedOn);
    expect(report.provenance?.publishedOn?.text).toMatch(/^时间：2025-03-10/);
  });

  it('meta-pubdate.lo.docx: no printed date; the core properties are named, never taken for the publication', async () => {
    const ingest = await read('meta-pubdate.lo.docx');
    expect(ingest.report.publishedOn).toBeNull();
    const p01 = checkReport(ingest.report, ingest).filter((f) => f.ruleId === 'P-01' && f.assessable);
    expect(p01.map((f) => [f.severity, f.location.source?.text])).toEqual([
      ['info', 'dcterms:created 2025-01-19T20:31:00Z（文件属性，只说明文件的时间）'],
    ]);
    expect(p01[0]?.message).toContain('北京时间 2025-01-20');
  });
});

describe('reading a DOCX whose headings Word numbers itself', () => {
  it('numbered-headings.docx reads like the same report with typed numbers', async () => {
    const read = async (file: string) => readReportDocument(readFileSync(new URL(file, DIR)), file);
    const typed = await read('wps-misprint.lo.docx');
    const numbered = await read('numbered-headings.docx');
    expect(numbered.report.sections).toEqual(typed.report.sections);
    expect(numbered.report.table3).toEqual(typed.report.table3);
    expect(numbered.paragraphs.overview.map((p) => p.text)).toEqual(
      typed.paragraphs.overview.map((p) => p.text),
    );
    expect(numbered.paragraphs.overview.some((p) => p.text.startsWith('（一）主动公开情况。'))).toBe(true);
    expect(numbered.findings.filter((f) => f.ruleId === 'S-01')).toEqual([]);
  });
});
