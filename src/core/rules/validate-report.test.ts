import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clone, generateValidReport } from '../../../test/support/generate-report.ts';
import { SEED_NAMES, loadSeedReport as seed } from '../../../test/support/seeds.ts';
import type { Report } from '../report/schema.ts';
import type { Finding } from './finding.ts';
import { hasErrors, validateReport } from './validate-report.ts';

const assessed = (findings: Finding[]) => findings.filter((f) => f.assessable);
const ids = (findings: Finding[]) => assessed(findings).map((f) => f.ruleId);

describe('validateReport on the five seeds (DOMAIN.md §E)', () => {
  it('finds 000-E1: rows （七）总计 and 四 carry an 8th value', () => {
    const findings = validateReport(seed('000'));
    expect(ids(findings)).toEqual(['T3-05', 'T3-05']);
    expect(assessed(findings).map((f) => f.location.rowKey)).toEqual(['totalConcluded', 'carriedForward']);
    expect(assessed(findings)[0]?.location.source?.line).toBe(69);
  });

  it('finds 001-E1: the 行政事业性收费 value is missing, and nothing else', () => {
    const findings = validateReport(seed('001'));
    expect(ids(findings)).toEqual(['T2-01']);
    expect(findings[0]?.location).toMatchObject({ table: 'table2', rowLabel: '行政事业性收费' });
  });

  it('finds no data defect in 002 and 003', () => {
    expect(ids(validateReport(seed('002')))).toEqual([]);
    expect(ids(validateReport(seed('003')))).toEqual([]);
  });

  it('finds 004-E1: table 四 has a 16th value', () => {
    const findings = validateReport(seed('004'));
    expect(ids(findings)).toEqual(['T4-04']);
    expect(findings[0]?.message).toContain('16');
  });

  it('reports P-01 as not assessable for every seed: none states a publication date', () => {
    for (const name of SEED_NAMES) {
      const p01 = validateReport(seed(name)).filter((f) => f.ruleId === 'P-01');
      expect(p01).toHaveLength(1);
      expect(p01[0]?.assessable).toBe(false);
    }
  });

  it('confirms the carry-over from 000 (2023) to 001 (2024): 0 = 0', () => {
    const findings = validateReport(seed('001'), { previous: seed('000') });
    expect(findings.filter((f) => f.ruleId === 'Y-01')).toEqual([]);
  });
});

describe('validateReport on generated valid reports', () => {
  it('finds no error and no warning in any report that satisfies every identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (s) => {
        const findings = validateReport(generateValidReport(s));
        return assessed(findings).length === 0;
      }),
      { numRuns: 300 },
    );
  });

  it('detects any single changed table-三 cell', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 50 }),
        (s, row, col, delta) => {
          const report = clone(generateValidReport(s));
          const key = Object.keys(report.table3)[row] as keyof Report['table3'];
          report.table3[key][col] = (report.table3[key][col] ?? 0) + delta;
          return hasErrors(validateReport(report));
        },
      ),
      { numRuns: 300 },
    );
  });
});
