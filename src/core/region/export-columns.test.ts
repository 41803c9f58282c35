import { describe, expect, it } from 'vitest';
import { generateValidReport } from '../../../test/support/generate-report.ts';
import {
  EXPORT_CELL_COLUMNS,
  EXPORT_COLUMNS,
  EXPORT_COLUMNS_ZH,
  exportHeaderRow,
  exportRow,
  reportCells,
  toCsv,
} from './export-columns.ts';

describe('EXPORT_COLUMNS', () => {
  it('are unique, snake case and stable', () => {
    expect(new Set(EXPORT_COLUMNS).size).toBe(EXPORT_COLUMNS.length);
    expect(EXPORT_COLUMNS.every((c) => /^[a-z0-9_]+$/.test(c))).toBe(true);
    expect(EXPORT_COLUMNS).toHaveLength(10 + 10 + 25 * 7 + 15);
    // Published names: changing one breaks evaluators' scripts (docs/exports.md).
    expect(EXPORT_COLUMNS.slice(0, 12)).toEqual([
      'region_code',
      'region_name',
      'agency',
      'agency_kind',
      'year',
      'version',
      'origin',
      'published_on',
      'error_count',
      'warning_count',
      't2_regulations_issued',
      't2_regulations_repealed',
    ]);
    expect(EXPORT_COLUMNS).toContain('t3_granted_natural_person');
    expect(EXPORT_COLUMNS).toContain('t3_not_processed_confirm_or_reissue_legal_service');
    expect(EXPORT_COLUMNS.at(-1)).toBe('t4_litigation_after_review_total');
  });
});

describe('EXPORT_COLUMNS_ZH', () => {
  it('names every column in the form’s words, once each, in the same order as the keys', () => {
    expect(EXPORT_COLUMNS_ZH).toHaveLength(EXPORT_COLUMNS.length);
    expect(new Set(EXPORT_COLUMNS_ZH).size).toBe(EXPORT_COLUMNS_ZH.length);
    const zhOf = (key: string) => EXPORT_COLUMNS_ZH[EXPORT_COLUMNS.indexOf(key)];
    expect(zhOf('region_code')).toBe('行政区划代码');
    expect(zhOf('t2_fees_wan_yuan')).toBe('表二 行政事业性收费 本年收费金额（单位：万元）');
    expect(zhOf('t3_granted_natural_person')).toBe('表三 （一）予以公开 自然人');
    expect(zhOf('t3_denied_state_secret_total')).toBe('表三 （三）不予公开 1.属于国家秘密 总计');
    expect(zhOf('t4_litigation_after_review_total')).toBe('表四 行政诉讼 复议后起诉 总计');
    expect(exportHeaderRow('zh')).toBe(EXPORT_COLUMNS_ZH);
    expect(exportHeaderRow('en')).toBe(EXPORT_COLUMNS);
  });
});

describe('reportCells', () => {
  it('puts each cell under its column and keeps blanks blank', () => {
    const r = generateValidReport(9);
    r.table3.partial[2] = null;
    const cells = reportCells(r);
    expect(cells).toHaveLength(EXPORT_CELL_COLUMNS.length);
    const at = (name: string) => cells[EXPORT_CELL_COLUMNS.indexOf(name)];
    expect(at('t3_partial_research')).toBeNull();
    expect(at('t3_granted_total')).toBe(r.table3.granted[6]);
    expect(at('t4_litigation_direct_pending')).toBe(r.table4.litigationDirect[3]);
    expect(at('t2_normative_documents_in_force')).toBe(r.table2.normativeDocuments.inForce);
  });
});

describe('toCsv', () => {
  it('starts with a BOM, quotes what needs quoting and defuses formulas', () => {
    const csv = toCsv(
      ['a', 'b', 'c'],
      [
        ['某局,二处', '=HYPERLINK("x")', null],
        [1, -2, 0.5],
      ],
    );
    expect(csv).toBe('\uFEFFa,b,c\r\n"某局,二处","\'=HYPERLINK(""x"")",\r\n1,-2,0.5\r\n');
  });

  it('writes an export row in column order', () => {
    const r = generateValidReport(3);
    const row = exportRow({
      regionCode: '640500',
      regionName: '中卫市',
      agency: r.agency,
      agencyKind: 'department',
      year: r.year,
      version: 1,
      origin: 'imported',
      publishedOn: null,
      errorCount: 0,
      warningCount: 1,
      numbers: r,
    });
    expect(row).toHaveLength(EXPORT_COLUMNS.length);
    expect(row[EXPORT_COLUMNS.indexOf('t3_new_received_total')]).toBe(r.table3.newReceived[6]);
  });
});
