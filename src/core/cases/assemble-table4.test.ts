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
