import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { assembleTable4 } from './assemble-table4.ts';
import { checkCase, checkDecision } from './check-case.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'OTHER';
  }
};

describe('assembleTable4', () => {
  it('counts each case in every year it was pending, with its state on 31 December', () => {
    const cases = [
      { kind: 'review', filedOn: '2024-11-01', decidedOn: '2025-02-01', result: 'corrected' },
      { kind: 'review', filedOn: '2023-05-01', decidedOn: '2023-12-31', result: 'upheld' },
      { kind: 'litigationDirect', filedOn: '2023-06-01', decidedOn: null, result: null },
      { kind: 'litigationAfterReview', filedOn: '2025-12-31', decidedOn: '2025-12-31', result: 'other' },
    ] as const;
    expect(assembleTable4(cases, 2023)).toEqual({
      review: [1, 0, 0, 0, 1],
      litigationDirect: [0, 0, 0, 1, 1],
      litigationAfterReview: [0, 0, 0, 0, 0],
    });
    expect(assembleTable4(cases, 2024)).toEqual({
      review: [0, 0, 0, 1, 1],
      litigationDirect: [0, 0, 0, 1, 1],
      litigationAfterReview: [0, 0, 0, 0, 0],
    });
    expect(assembleTable4(cases, 2025)).toEqual({
      review: [0, 1, 0, 0, 1],
      litigationDirect: [0, 0, 0, 1, 1],
      litigationAfterReview: [0, 0, 1, 0, 1],
    });
  });
});

describe('assembleTable4 totals', () => {
  it('makes each 总计 the sum of its four columns (T4-01..03) and counts every pending case once per year', () => {
    const kinds = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
    const results = ['upheld', 'corrected', 'other'] as const;
    let seed = 17;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const cases = Array.from({ length: 300 }, (_, i) => {
      const filedOn = `${2022 + Math.floor(next() * 4)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
      const decided = next() < 0.7;
      const decidedOn = decided
        ? `${Number(filedOn.slice(0, 4)) + Math.floor(next() * 2)}-12-0${1 + Math.floor(next() * 9)}`
        : null;
      return { kind: kinds[i % 3]!, filedOn, decidedOn, result: decided ? results[i % 3]! : null };
    });
    for (const year of [2022, 2023, 2024, 2025, 2026]) {
      const table = assembleTable4(cases, year);
      let total = 0;
      for (const row of Object.values(table)) {
        expect(row[4]).toBe(row[0]! + row[1]! + row[2]! + row[3]!);
        total += row[4]!;
      }
      const pending = cases.filter(
        (c) => c.filedOn <= `${year}-12-31` && (c.decidedOn === null || c.decidedOn >= `${year}-01-01`),
      );
      expect(total).toBe(pending.length);
    }
  });
});

describe('checkCase and checkDecision', () => {
  it('refuses impossible, future and inconsistent dates', () => {
    expect(codeOf(() => checkCase({ kind: 'review', filedOn: '2025-02-29' }, '2025-06-01', null))).toBe(
      'INVALID_DATE',
    );
    expect(codeOf(() => checkCase({ kind: 'review', filedOn: '2025-06-02' }, '2025-06-01', null))).toBe(
      'INVALID_INPUT',
    );
    expect(
      codeOf(() => checkCase({ kind: 'review', filedOn: '2025-03-01' }, '2025-06-01', '2025-03-02')),
    ).toBe('INVALID_INPUT');
    expect(
      codeOf(() => checkCase({ kind: 'appeal' as never, filedOn: '2025-03-01' }, '2025-06-01', null)),
    ).toBe('INVALID_INPUT');
    const open = { filedOn: '2025-03-01', decidedOn: null };
    expect(codeOf(() => checkDecision(open, 'upheld', '2025-02-28', '2025-06-01'))).toBe('INVALID_INPUT');
    expect(codeOf(() => checkDecision(open, 'upheld', '2025-06-02', '2025-06-01'))).toBe('INVALID_INPUT');
    expect(codeOf(() => checkDecision(open, 'won' as never, '2025-05-01', '2025-06-01'))).toBe(
      'INVALID_INPUT',
    );
    expect(
      codeOf(() => checkDecision({ ...open, decidedOn: '2025-04-01' }, 'upheld', '2025-05-01', '2025-06-01')),
    ).toBe('CONFLICT');
    expect(checkDecision(open, 'corrected', '2025-03-01', '2025-06-01')).toEqual({
      result: 'corrected',
      decidedOn: '2025-03-01',
    });
  });
});
