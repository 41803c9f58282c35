import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { feeForApplication, feeForApplications } from './fee-for-applications.ts';

/** DOMAIN.md §C.8 reference rate of the k-th application of the month. */
function referenceRate(k: number): number {
  if (k <= 10) return 0;
  if (k <= 30) return 100;
  return 100 * (2 + Math.floor((k - 31) / 10));
}

describe('feeForApplication', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [51, 400],
  ])('charges the %ith application of the month %i 元', (k, yuan) => {
    expect(feeForApplication(k)).toBe(yuan);
  });

  it('agrees with the reference rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (k) => {
        expect(feeForApplication(k)).toBe(referenceRate(k));
      }),
    );
  });

  it.each([0, -3, 2.5])('refuses the ordinal %s', (k) => {
    expect(() => feeForApplication(k)).toThrow(AppError);
  });
});

describe('feeForApplications', () => {
  it.each([
    [10, 0],
    [11, 100],
    [30, 2000],
    [31, 2200],
    [40, 4000],
    [41, 4300],
  ])('charges %i applications in a month %i 元 in total', (count, yuan) => {
    expect(feeForApplications(count).totalYuan).toBe(yuan);
  });

  it('itemises 41 applications by tier', () => {
    expect(feeForApplications(41).bands).toEqual([
      { label: '当月第1—10件', from: 1, to: 10, count: 10, rateYuan: 0, amountYuan: 0 },
      { label: '当月第11—30件', from: 11, to: 30, count: 20, rateYuan: 100, amountYuan: 2000 },
      { label: '当月第31—40件', from: 31, to: 40, count: 10, rateYuan: 200, amountYuan: 2000 },
      { label: '当月第41—50件', from: 41, to: 41, count: 1, rateYuan: 300, amountYuan: 300 },
    ]);
  });

  it('counts from the applications already made this month', () => {
    const fee = feeForApplications(5, 28);
    expect(fee.totalYuan).toBe(2 * 100 + 3 * 200);
    expect(fee.bands.map((b) => [b.from, b.to])).toEqual([
      [29, 30],
      [31, 33],
    ]);
  });

  it('is free for zero applications', () => {
    expect(feeForApplications(0, 50)).toMatchObject({ totalYuan: 0, bands: [] });
  });

  it('totals the rates of the applications it covers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (count, already) => {
        let sum = 0;
        for (let k = already + 1; k <= already + count; k++) sum += referenceRate(k);
        expect(feeForApplications(count, already).totalYuan).toBe(sum);
      }),
    );
  });

  it('has bands that add up to the total and cover every application once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (count, already) => {
        const fee = feeForApplications(count, already);
        expect(fee.bands.reduce((s, b) => s + b.amountYuan, 0)).toBe(fee.totalYuan);
        expect(fee.bands.reduce((s, b) => s + b.count, 0)).toBe(count);
      }),
    );
  });

  it('never decreases as applications grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 50 }), (count, more) => {
        expect(feeForApplications(count + more).totalYuan).toBeGreaterThanOrEqual(
          feeForApplications(count).totalYuan,
        );
      }),
    );
  });

  it('refuses a negative or fractional count', () => {
    expect(() => feeForApplications(-1)).toThrow(AppError);
    expect(() => feeForApplications(3, 0.5)).toThrow(AppError);
  });
});
