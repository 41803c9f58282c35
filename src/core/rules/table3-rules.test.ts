import { describe, expect, it } from 'vitest';
import { clone, generateValidReport } from '../../../test/support/generate-report.ts';
import type { Report } from '../report/schema.ts';
import { checkTable3 } from './table3-rules.ts';

const base = (): Report => clone(generateValidReport(42));
const fired = (report: Report, id: string) => checkTable3(report).filter((f) => f.ruleId === id);

describe('T3-01 per-column balance', () => {
  it('passes when 一 + 二 = （七） + 四 in every column', () => {
    expect(fired(base(), 'T3-01')).toEqual([]);
  });

  it('fires in the column where the balance breaks, quoting both sums', () => {
    const r = base();
    r.table3.carriedForward[2] = (r.table3.carriedForward[2] ?? 0) + 3;
    r.table3.carriedForward[6] = (r.table3.carriedForward[6] ?? 0) + 3;
    const findings = fired(r, 'T3-01');
    expect(findings.map((f) => f.location.columns)).toEqual([['科研机构'], ['总计']]);
    expect(findings[0]?.severity).toBe('error');
  });

  it('says it cannot assess a column with a blank operand, never passes silently', () => {
    const r = base();
    r.table3.newReceived[1] = null;
    const findings = fired(r, 'T3-01');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ assessable: false, location: { columns: ['商业企业'] } });
  });
});

describe('T3-02 outcome sum', () => {
  it('passes when （七）总计 equals the 21 outcome rows', () => {
    expect(fired(base(), 'T3-02')).toEqual([]);
  });

  it('fires when an outcome row is changed without the total', () => {
    const r = base();
    r.table3['unable.notHeld'][0] = (r.table3['unable.notHeld'][0] ?? 0) + 1;
    const findings = fired(r, 'T3-02');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.location).toMatchObject({ rowKey: 'totalConcluded', columns: ['自然人'] });
  });
});

describe('T3-03 row sum', () => {
  it('passes when 总计 equals the six applicant columns in every row', () => {
    expect(fired(base(), 'T3-03')).toEqual([]);
  });

  it('fires on the row whose 总计 is wrong, naming the row', () => {
    const r = base();
    r.table3.partial[6] = (r.table3.partial[6] ?? 0) + 2;
    const findings = fired(r, 'T3-03');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.location.rowLabel).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  });
});

describe('T3-04 cell values', () => {
  it('passes when every cell is a non-negative integer', () => {
    expect(fired(base(), 'T3-04')).toEqual([]);
  });

  it('warns once per row about blank cells, listing the columns', () => {
    const r = base();
    r.table3['denied.thirdParty'][1] = null;
    r.table3['denied.thirdParty'][3] = null;
    const findings = fired(r, 'T3-04');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      location: { columns: ['商业企业', '社会公益组织'] },
    });
    expect(findings[0]?.location.rowLabel).toBe('（三）不予公开 4.保护第三方合法权益');
  });

  it('reports a negative or fractional count as an error', () => {
    const r = base();
    r.table3.granted[0] = -1;
    r.table3.granted[1] = 1.5;
    const findings = fired(r, 'T3-04');
    expect(findings.map((f) => f.severity)).toEqual(['error', 'error']);
  });
});

describe('T3-05 shape', () => {
  it('passes with 25 rows of 7 values and no extra row', () => {
    expect(fired(base(), 'T3-05')).toEqual([]);
  });

  it('fires on a row printed with an 8th value', () => {
    const r = base();
    r.extras = { cells: [{ table: 'table3', row: 'totalConcluded', position: 8, value: 0 }], rows: [] };
    const findings = fired(r, 'T3-05');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('8 个数值');
  });

  it('reports an extra column printed in every row once, not once per row', () => {
    const r = base();
    const cells = Object.keys(r.table3).map((row) => ({
      table: 'table3' as const,
      row,
      position: 7,
      value: 1,
    }));
    r.extras = { cells, rows: [] };
    const findings = fired(r, 'T3-05');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('多出一列');
  });

  it('warns about a 法人小计 column and checks that it adds up', () => {
    const r = base();
    const keys = Object.keys(r.table3) as Array<keyof Report['table3']>;
    const cells = keys.map((row) => ({
      table: 'table3' as const,
      row,
      position: 7,
      label: '法人小计',
      value:
        r.table3[row].slice(1, 6).reduce<number>((a, b) => a + (b ?? 0), 0) + (row === 'granted' ? 1 : 0),
    }));
    r.extras = { cells, rows: [] };
    expect(fired(r, 'T3-05').map((f) => f.severity)).toEqual(['warning']);
    expect(fired(r, 'T3-06').map((f) => f.location.rowKey)).toEqual(['granted']);
  });

  it('fires on a row the format does not have', () => {
    const r = base();
    r.extras = {
      cells: [],
      rows: [{ table: 'table3', label: '（六）其他处理', values: [0, 0, 0, 0, 0, 0, 0] }],
    };
    expect(fired(r, 'T3-05')).toHaveLength(1);
  });
});

describe('T3-06 subtotal rows', () => {
  it('passes when an added subtotal row equals its items', () => {
    const r = base();
    const keys = Object.keys(r.table3).filter((k) => k.startsWith('denied.')) as Array<
      keyof Report['table3']
    >;
    const values = [0, 1, 2, 3, 4, 5, 6].map((c) => keys.reduce((s, k) => s + (r.table3[k][c] ?? 0), 0));
    r.extras = {
      cells: [],
      rows: [{ table: 'table3', label: '（三）不予公开', values, subtotalOf: 'denied' }],
    };
    expect(fired(r, 'T3-06')).toEqual([]);
    expect(fired(r, 'T3-05')).toEqual([]);
  });

  it('fires when the subtotal differs from its items', () => {
    const r = base();
    r.extras = {
      cells: [],
      rows: [
        { table: 'table3', label: '（四）无法提供', values: [99, 0, 0, 0, 0, 0, 99], subtotalOf: 'unable' },
      ],
    };
    const findings = fired(r, 'T3-06');
    expect(findings.map((f) => f.location.columns?.[0])).toContain('自然人');
  });
});

describe('T3-02 with a group printed as one row', () => {
  const merge = (r: Report, shift = 0): Report => {
    const items = ['other.noCorrection', 'other.noFee', 'other.other'] as const;
    const values = r.table3.totalConcluded.map((_, c) =>
      items.reduce((sum, k) => sum + (r.table3[k][c] ?? 0), c === 0 ? shift : 0),
    );
    for (const k of items) r.table3[k] = [null, null, null, null, null, null, null];
    r.extras = { cells: [], rows: [{ table: 'table3', label: '(六)其他处理', values }] };
    return r;
  };

  it('adds the merged row instead of its blank items', () => {
    expect(fired(merge(base()), 'T3-02')).toEqual([]);
  });

  it('still finds a wrong total', () => {
    const findings = fired(merge(base(), 2), 'T3-02');
    expect(findings.map((f) => [f.assessable, f.location.columns])).toEqual([[true, ['自然人']]]);
  });
});
