import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { feeForPages } from './fee-for-pages.ts';

/** DOMAIN.md §C.8 reference formula, written independently of the tier table. */
function reference(n: number): number {
  const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);
  return 10 * clamp(n - 30, 0, 70) + 20 * clamp(n - 100, 0, 100) + 40 * Math.max(n - 200, 0);
}

describe('feeForPages', () => {
  it.each([
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
  ])('charges %i pages %i 元', (pages, yuan) => {
    expect(feeForPages(pages).totalYuan).toBe(yuan);
  });

  it('itemises 250 pages by tier', () => {
    expect(feeForPages(250).bands).toEqual([
      { label: '第1—30页', from: 1, to: 30, count: 30, rateYuan: 0, amountYuan: 0 },
      { label: '第31—100页', from: 31, to: 100, count: 70, rateYuan: 10, amountYuan: 700 },
      { label: '第101—200页', from: 101, to: 200, count: 100, rateYuan: 20, amountYuan: 2000 },
      { label: '第201页及以上', from: 201, to: 250, count: 50, rateYuan: 40, amountYuan: 2000 },
    ]);
  });

  it('lists no band for zero pages and cites 109号', () => {
    const fee = feeForPages(0);
    expect(fee.bands).toEqual([]);
    expect(fee.basis).toContain('国办函〔2020〕109号');
  });

  it('agrees with the reference formula', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        expect(feeForPages(n).totalYuan).toBe(reference(n));
      }),
    );
  });

  it('never decreases as pages grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 500 }), (n, more) => {
        expect(feeForPages(n + more).totalYuan).toBeGreaterThanOrEqual(feeForPages(n).totalYuan);
      }),
    );
  });

  it('has bands that add up to the total and cover every page once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        const fee = feeForPages(n);
        expect(fee.bands.reduce((s, b) => s + b.amountYuan, 0)).toBe(fee.totalYuan);
        expect(fee.bands.reduce((s, b) => s + b.count, 0)).toBe(n);
        for (const b of fee.bands) expect(b.amountYuan).toBe(b.count * b.rateYuan);
      }),
    );
  });

  it.each([-1, 1.5, Number.NaN, 1e12])('refuses %s pages', (pages) => {
    expect(() => feeForPages(pages)).toThrow(AppError);
  });
});
