import { AppError } from '../errors.ts';
import { FEE_BASIS, type FeeBand, type FeeResult } from './fee-result.ts';

/** 按量 tiers (109号): pages in each tier pay that tier's rate; `to: null` is open-ended. */
const PAGE_TIERS = [
  { from: 1, to: 30, rateYuan: 0, label: '第1—30页' },
  { from: 31, to: 100, rateYuan: 10, label: '第31—100页' },
  { from: 101, to: 200, rateYuan: 20, label: '第101—200页' },
  { from: 201, to: null, rateYuan: 40, label: '第201页及以上' },
] as const;

/** Upper bound that keeps every amount a safe integer; far beyond any real request. */
const MAX_PAGES = 100_000_000;

/**
 * 按量 fee for one application of `pages` pages (paper copies, e-mail or copied electronic data):
 * ≤30 free, 31–100 at 10 元, 101–200 at 20 元, from 201 at 40 元, each rate only for the pages in
 * its tier (超额累进). Throws INVALID_INPUT unless pages is an integer from 0 to 100 000 000.
 */
export function feeForPages(pages: number): FeeResult {
  if (!Number.isSafeInteger(pages) || pages < 0 || pages > MAX_PAGES) {
    throw new AppError('INVALID_INPUT', `页数“${pages}”无效：应为0至${MAX_PAGES}之间的整数`);
  }
  const bands: FeeBand[] = [];
  for (const tier of PAGE_TIERS) {
    if (pages < tier.from) break;
    const to = tier.to === null ? pages : Math.min(pages, tier.to);
    const count = to - tier.from + 1;
    bands.push({
      label: tier.label,
      from: tier.from,
      to,
      count,
      rateYuan: tier.rateYuan,
      amountYuan: count * tier.rateYuan,
    });
  }
  return {
    method: 'per-page',
    totalYuan: bands.reduce((sum, b) => sum + b.amountYuan, 0),
    bands,
    basis: `${FEE_BASIS}，按量计收（超额累进）`,
  };
}
