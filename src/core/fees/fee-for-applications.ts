import { AppError } from '../errors.ts';
import { FEE_BASIS, type FeeBand, type FeeResult } from './fee-result.ts';

/** Upper bound per parameter that keeps every amount a safe integer; far beyond any real applicant. */
const MAX_APPLICATIONS = 100_000;

function requireCount(value: number, what: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > MAX_APPLICATIONS) {
    throw new AppError('INVALID_INPUT', `${what}“${value}”无效：应为${min}至${MAX_APPLICATIONS}之间的整数`);
  }
}

/** The 109号 按件 tier containing the k-th application of the month: [from, to] and its rate. */
function tierOf(k: number): { from: number; to: number; rateYuan: number } {
  if (k <= 10) return { from: 1, to: 10, rateYuan: 0 };
  if (k <= 30) return { from: 11, to: 30, rateYuan: 100 };
  // From the 31st, blocks of 10: 31–40 at 200 元, 41–50 at 300 元, …
  const block = Math.floor((k - 31) / 10);
  return { from: 31 + block * 10, to: 40 + block * 10, rateYuan: 100 * (2 + block) };
}

/**
 * 按件 fee for the k-th application (k ≥ 1) of one applicant in one calendar month, in 元:
 * 0 for 1–10, 100 for 11–30, then +100 per block of 10 (31–40: 200, 41–50: 300, …).
 */
export function feeForApplication(k: number): number {
  requireCount(k, '申请序号', 1);
  return tierOf(k).rateYuan;
}

/**
 * 按件 fee for `count` applications when the same applicant already made `alreadyThisMonth`
 * applications this calendar month: the applications are the month's numbers
 * alreadyThisMonth+1 … alreadyThisMonth+count, each charged at its tier (超额累进).
 */
export function feeForApplications(count: number, alreadyThisMonth = 0): FeeResult {
  requireCount(count, '申请件数', 0);
  requireCount(alreadyThisMonth, '本月已申请件数', 0);
  const bands: FeeBand[] = [];
  const last = alreadyThisMonth + count;
  for (let k = alreadyThisMonth + 1; k <= last; ) {
    const tier = tierOf(k);
    const to = Math.min(last, tier.to);
    const n = to - k + 1;
    bands.push({
      label: `当月第${tier.from}—${tier.to}件`,
      from: k,
      to,
      count: n,
      rateYuan: tier.rateYuan,
      amountYuan: n * tier.rateYuan,
    });
    k = to + 1;
  }
  return {
    method: 'per-application',
    totalYuan: bands.reduce((sum, b) => sum + b.amountYuan, 0),
    bands,
    basis: `${FEE_BASIS}，按件计收（同一申请人一个自然月内累计申请件数，超额累进）`,
  };
}
