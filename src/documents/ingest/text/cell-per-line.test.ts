import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_NAMES, seedTextPath } from '../../../../test/support/seeds.ts';
import { parseReport } from '../../../core/report/parse-report.ts';
import { readReportDocument } from '../read-document.ts';
import { looksLikeCellPerLine, placeBlanks } from './cell-per-line.ts';

/**
 * Crawled text made from the fixture pages (test/fixtures/build/make-crawled-fixtures.ts): each
 * must read back to the tables of its page's truth, cell by cell.
 */
const DIR = new URL('../../../../test/fixtures/documents/', import.meta.url);
const CRAWLED = readdirSync(new URL('../crawled/', DIR))
  .filter((f) => /\.(soup|cells|cells-cr)\.txt$/.test(f))
  .sort();
/**
 * get_text('\n') drops an empty <td></td> without a trace: that row's blank cell cannot be
 * located and the row is read positionally (its blank last), so only that row differs.
 */
const UNLOCATABLE: Record<string, string> = { 'gen-errors.soup.txt': 'denied.stateSecret' };

const truthOf = (file: string) =>
  parseReport(JSON.parse(readFileSync(new URL(`${file.split('.')[0]}.truth.json`, DIR), 'utf8')));

describe('readReportDocument on crawled one-cell-per-line text', () => {
  it('has fixtures of every variant', () => {
    for (const variant of ['soup', 'cells', 'cells-cr'])
      expect(CRAWLED.filter((f) => f.endsWith(`.${variant}.txt`)).length).toBeGreaterThanOrEqual(10);
  });

  it.each(CRAWLED)('reads the tables of %s cell by cell', async (file) => {
    const bytes = readFileSync(new URL(`../crawled/${file}`, DIR));
    const { report } = await readReportDocument(bytes, file);
    const truth = truthOf(file);
    const table3 = { ...truth.table3 };
    const unlocatable = UNLOCATABLE[file] as keyof typeof table3 | undefined;
    if (unlocatable) {
      expect(report.table3[unlocatable]).not.toEqual(truth.table3[unlocatable]);
      table3[unlocatable] = report.table3[unlocatable];
    }
    expect(report.table2).toEqual(truth.table2);
    expect(report.table3).toEqual(table3);
    expect(report.table4).toEqual(truth.table4);
    expect(report.year).toBe(truth.year);
  });
});

describe('looksLikeCellPerLine', () => {
  it('is false for the seeds (tab-separated tables)', () => {
    for (const name of SEED_NAMES) {
      expect(looksLikeCellPerLine(readFileSync(seedTextPath(name), 'utf8').split(/\r\n|\r|\n/))).toBe(false);
    }
  });

  it('is false for text with space-separated rows', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `第${i}行 1 2 3 4 5 6 21`);
    expect(looksLikeCellPerLine(rows)).toBe(false);
  });
});

describe('placeBlanks', () => {
  it('puts a blank cell where the empty lines exceed the separator', () => {
    // label, 1, (blank), 2 with one empty line between cells and one more for the blank
    expect(placeBlanks([1, 1, 2, 1], 1, 1)).toEqual([0, 0, 1, 0]);
    // the same when a blank cell is a whole empty block (two more empty lines)
    expect(placeBlanks([1, 3, 1, 1], 1, 1)).toEqual([0, 1, 0, 0]);
    // two adjacent blank blocks
    expect(placeBlanks([1, 5, 1], 1, 2)).toEqual([0, 2, 0]);
  });

  it('puts blanks at the end when nothing locates them', () => {
    expect(placeBlanks([0, 0, 0], 0, 2)).toEqual([0, 0, 2]);
  });
});

describe('readReportDocument on a hand-shaped crawled file', () => {
  it('reads a blank table-二 cell shown only by an extra empty line, with CR line endings', async () => {
    const file = readFileSync(new URL('../crawled/seed-004.cells-cr.txt', DIR), 'utf8');
    // 规章: 0, 0, 0 → 0, (blank), 0: drop the middle value and leave one more empty line
    const changed = file.replace(/(规章\r\r)(\d+)\r\r(\d+)\r\r(\d+)/, '$1$2\r\r\r$4');
    expect(changed).not.toBe(file);
    const { report } = await readReportDocument(new TextEncoder().encode(changed), 'x.txt');
    const truth = truthOf('seed-004');
    expect(report.table2.regulations).toEqual({ ...truth.table2.regulations, repealed: null });
    expect(report.table3).toEqual(truth.table3);
  });
});
