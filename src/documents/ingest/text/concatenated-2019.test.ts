import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JIANGNING_2020_PRINTED } from '../../../../test/support/format-2019-fixture.ts';
import {
  TABLE2_2019_COLUMNS,
  TABLE2_2019_ROW_LABELS,
  TABLE2_2019_ROWS,
} from '../../../core/report/format-2019.ts';
import type { Cell } from '../../../core/report/schema.ts';
import { checkReport } from '../../check-report.ts';
import { readReportDocument } from '../read-document.ts';
import { splitRow2019 } from './concatenated-2019.ts';

/**
 * The 2019-format fixture (test/fixtures/format-2019/jiangning-2020.html) as concatenated crawled
 * text: every separator gone. The figures below are those printed on the page; a cell is read
 * right, or null with a finding naming its row — never a wrong number.
 */
const FILE = new URL('../../../../test/fixtures/format-2019/jiangning-2020.concat.txt', import.meta.url);
const PRINTED_TABLE2: Record<string, Record<string, number>> = JIANGNING_2020_PRINTED.table2;

describe('readReportDocument on a 2019-format report crawled as concatenated text', () => {
  it('reads it in the 2019 format: each table-二 cell right or null with a finding, tables 三 and 四 whole', async () => {
    const read = await readReportDocument(readFileSync(FILE), 'jiangning-2020.concat.txt');
    const { report } = read;
    expect(report.formatVersion).toBe('2019');
    expect(report.year).toBe(2020);
    // The title runs into the first sentence; the 落款 into the last one.
    expect([report.agency, report.publishedOn]).toEqual(['江宁市生态环境局', '2021-01-28']);
    expect(report.provenance?.publishedOn?.text).toBe('2021年1月28日');
    const table2 = report.format2019!.table2 as unknown as Record<string, Record<string, Cell>>;
    for (const { key, kind } of TABLE2_2019_ROWS) {
      for (const column of TABLE2_2019_COLUMNS[kind]) {
        const value = table2[key]![column];
        if (value === PRINTED_TABLE2[key]![column]) continue;
        expect(value, `${key}.${column}`).toBeNull();
        expect(
          read.findings.some(
            (f) =>
              f.ruleId === 'T2-05' &&
              f.location.rowLabel === TABLE2_2019_ROW_LABELS[key] &&
              f.message.includes('可能的拆分'),
          ),
          `${key}: a finding names the candidates`,
        ).toBe(true);
      }
    }
    // Rows whose run has one split only: "000", "5-148" (a sign starts 本年增/减; 5−14 < 0 is
    // impossible), "402", "20".
    expect(table2.regulations).toEqual(PRINTED_TABLE2.regulations);
    expect(table2.otherServices).toEqual(PRINTED_TABLE2.otherServices);
    expect(table2.coercion).toEqual(PRINTED_TABLE2.coercion);
    expect(table2.fees).toEqual(PRINTED_TABLE2.fees);
    // Table 三 (with （六）其他处理 as one row) and table 四 are split by their arithmetic.
    expect(report.format2019!.otherHandling).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(report.table3.newReceived).toEqual([15, 3, 0, 0, 1, 0, 19]);
    expect(report.table3.totalConcluded).toEqual([17, 3, 0, 0, 1, 0, 21]);
    expect(report.table3['other.other']).toEqual([null, null, null, null, null, null, null]);
    expect(report.table4).toEqual({
      review: [1, 0, 0, 0, 1],
      litigationDirect: [0, 1, 0, 1, 2],
      litigationAfterReview: [0, 0, 0, 0, 0],
    });
    expect(read.missingRows).toEqual([]);
    const ruleIds = new Set(
      checkReport(report, read)
        .filter((f) => f.assessable)
        .map((f) => f.ruleId),
    );
    // Only the blank table-二 cells are reported: no 2021 rule, no table-三/四 finding.
    expect([...ruleIds]).toEqual(['T2-05']);
  });
});

describe('splitRow2019', () => {
  it('reads a sign as the start of 本年增/减 and drops splits whose decrease exceeds the year before', () => {
    expect(splitRow2019('5-148', 'matters')).toEqual([[5, -1, 48]]);
    expect(splitRow2019('20', 'fees')).toEqual([[2, 0]]);
    expect(splitRow2019('2-3', 'fees')).toEqual([]);
  });

  it('lists every split a row allows when it has no arithmetic to decide', () => {
    expect(splitRow2019('3327', 'documents')).toEqual([
      [3, 3, 27],
      [33, 2, 7],
    ]);
    expect(splitRow2019('9126.5', 'procurement')).toEqual([
      [9, 126.5],
      [91, 26.5],
      [912, 6.5],
    ]);
    // No leading zeros: "05" is not a cell.
    // No leading zeros ("05" is not a cell), and 本年新公开数量 ≤ 对外公开总数量 rules out 10, 5, 0.
    expect(splitRow2019('1050', 'documents')).toEqual([[1, 0, 50]]);
  });
});
