import { describe, expect, it } from 'vitest';
import { clone, generateValidReport } from '../../../test/support/generate-report.ts';
import type { Report } from '../report/schema.ts';
import { unreadableSourceRef } from './proofread-ocr.ts';
import { checkTable2, mayMakeRegulations } from './table2-rules.ts';

const base = (): Report => clone(generateValidReport(7));
const fired = (report: Report, id: string) => checkTable2(report).filter((f) => f.ruleId === id);

describe('T2-01 shape', () => {
  it('passes with ten filled cells', () => {
    expect(fired(base(), 'T2-01')).toEqual([]);
  });

  it('fires on a missing fee, naming the cell', () => {
    const r = base();
    r.table2.feesWanYuan = null;
    expect(fired(r, 'T2-01')[0]?.location).toEqual({
      table: 'table2',
      rowLabel: '行政事业性收费',
      columns: ['本年收费金额（单位：万元）'],
    });
  });

  it('does not blame the agency for a cell a scan could not read (OCR-02 names it), only for its own blanks', () => {
    const r = base();
    r.table2.normativeDocuments.issued = null;
    r.table2.licensing = null;
    r.provenance = { ...r.provenance, 'table2.normativeDocuments[0]': unreadableSourceRef(1) };
    expect(fired(r, 'T2-01').map((f) => f.location.rowLabel)).toEqual(['行政许可']);
  });

  it('fires on a fractional count and on a negative fee', () => {
    const r = base();
    r.table2.licensing = 2.5;
    r.table2.feesWanYuan = -1;
    expect(fired(r, 'T2-01')).toHaveLength(2);
  });

  it('fires on an extra printed cell', () => {
    const r = base();
    r.extras = { cells: [{ table: 'table2', row: '行政许可', position: 2, value: 3 }], rows: [] };
    expect(fired(r, 'T2-01')).toHaveLength(1);
  });
});

describe('T2-03 fee unit', () => {
  it('passes for an amount in 万元 with up to 4 decimals', () => {
    const r = base();
    r.table2.feesWanYuan = 12.3456;
    expect(fired(r, 'T2-03')).toEqual([]);
  });

  it('fires for more than 4 decimals', () => {
    const r = base();
    r.table2.feesWanYuan = 0.12345;
    expect(fired(r, 'T2-03')).toHaveLength(1);
  });

  it('fires for an implausibly large amount', () => {
    const r = base();
    r.table2.feesWanYuan = 350_000;
    expect(fired(r, 'T2-03')[0]?.message).toContain('元');
  });
});

describe('T2-04 rule-making power', () => {
  it('passes when a department reports no 规章', () => {
    expect(fired(base(), 'T2-04')).toEqual([]);
  });

  it('fires when a city department reports 规章', () => {
    const r = base();
    r.agency = '中卫市数据局';
    r.table2.regulations.inForce = 2;
    expect(fired(r, 'T2-04')[0]?.location.columns).toEqual(['现行有效件数']);
  });

  it('knows which agencies may make rules', () => {
    expect(mayMakeRegulations('中卫市人民政府')).toBe(true);
    expect(mayMakeRegulations('宁夏回族自治区人民政府')).toBe(true);
    expect(mayMakeRegulations('教育部')).toBe(true);
    expect(mayMakeRegulations('沙坡头区人民政府')).toBe(false);
    expect(mayMakeRegulations('淄博市大数据局')).toBe(false);
  });
});

describe('Y-02 within one year', () => {
  it('fires when more documents were issued than are in force or repealed', () => {
    const r = base();
    r.table2.normativeDocuments = { issued: 5, repealed: 1, inForce: 3 };
    expect(fired(r, 'Y-02')).toHaveLength(1);
  });

  it('passes when issued ≤ in force + repealed', () => {
    const r = base();
    r.table2.normativeDocuments = { issued: 5, repealed: 1, inForce: 4 };
    expect(fired(r, 'Y-02')).toEqual([]);
  });
});
