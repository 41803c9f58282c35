import { describe, expect, it } from 'vitest';
import { clone, generateValidReport } from '../../../test/support/generate-report.ts';
import type { Report } from '../report/schema.ts';
import { checkTable4 } from './table4-rules.ts';

const base = (): Report => clone(generateValidReport(3));
const fired = (report: Report, id: string) => checkTable4(report).filter((f) => f.ruleId === id);

describe('T4-01..03 group totals', () => {
  it('pass when every group total equals its four results', () => {
    for (const id of ['T4-01', 'T4-02', 'T4-03']) expect(fired(base(), id)).toEqual([]);
  });

  it.each([
    ['review', 'T4-01'],
    ['litigationDirect', 'T4-02'],
    ['litigationAfterReview', 'T4-03'],
  ] as const)('fires %s → %s when its total is off', (group, id) => {
    const r = base();
    r.table4[group][4] = (r.table4[group][4] ?? 0) + 1;
    const findings = fired(r, id);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('error');
  });

  it('says a group with a blank cell cannot be assessed', () => {
    const r = base();
    r.table4.review[1] = null;
    expect(fired(r, 'T4-01')[0]?.assessable).toBe(false);
  });
});

describe('T4-04 shape', () => {
  it('passes with fifteen non-negative integers', () => {
    expect(fired(base(), 'T4-04')).toEqual([]);
  });

  it('fires on a 16th value', () => {
    const r = base();
    r.extras = { cells: [{ table: 'table4', row: null, position: 16, value: 0 }], rows: [] };
    expect(fired(r, 'T4-04')[0]?.message).toContain('16 个数值');
  });

  it('fires on a blank and on a negative cell', () => {
    const r = base();
    r.table4.litigationDirect[0] = null;
    r.table4.litigationDirect[1] = -2;
    expect(fired(r, 'T4-04').map((f) => f.severity)).toEqual(['warning', 'error']);
  });
});
