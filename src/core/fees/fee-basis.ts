import { z } from 'zod';
import { feeForApplications } from './fee-for-applications.ts';
import { feeForPages } from './fee-for-pages.ts';
import type { FeeResult } from './fee-result.ts';

/**
 * How an information-processing fee is computed (国办函〔2020〕109号): 按量 by pages, or 按件 by the
 * applications of the same applicant in the calendar month. Recorded with the fee notice, so the
 * amount is checked when it is recorded and the letter states the same bands.
 */
export const feeBasisSchema = z
  .discriminatedUnion(
    'method',
    [
      z.strictObject({
        method: z.literal('per-page'),
        pages: z
          .int({ error: '页数应为正整数' })
          .min(1, { error: '页数应为正整数' })
          .max(100_000_000)
          .describe('提供信息的页数'),
      }),
      z.strictObject({
        method: z.literal('per-application'),
        count: z
          .int({ error: '件数应为正整数' })
          .min(1, { error: '件数应为正整数' })
          .max(100_000)
          .describe('本次计费的申请件数'),
        alreadyThisMonth: z
          .int()
          .min(0)
          .max(100_000)
          .optional()
          .describe('同一申请人本月此前已申请的件数，默认0'),
      }),
    ],
    { error: '计费方式应为 per-page（按量）或 per-application（按件）' },
  )
  .describe('计费依据：按此计算各档金额，合计须等于收费金额');

export type FeeBasis = z.infer<typeof feeBasisSchema>;

/** The fee of a basis, band by band. */
export function feeOfBasis(basis: FeeBasis): FeeResult {
  return basis.method === 'per-page'
    ? feeForPages(basis.pages)
    : feeForApplications(basis.count, basis.alreadyThisMonth ?? 0);
}

/** “按40页” / “按本月第11件起1件” — the basis in the words of a refusal. */
export function describeFeeBasis(basis: FeeBasis): string {
  if (basis.method === 'per-page') return `按${basis.pages}页`;
  const first = (basis.alreadyThisMonth ?? 0) + 1;
  return first > 1 ? `按本月第${first}件起${basis.count}件` : `按${basis.count}件`;
}

/**
 * null when `amountYuan` is what 109号 gives for `basis`; otherwise why not, in Chinese. A basis that
 * gives 0 元 (30 pages or fewer, the first 10 applications of a month) means no fee may be charged.
 */
export function feeAmountMismatch(basis: FeeBasis, amountYuan: number): string | null {
  const fee = feeOfBasis(basis);
  if (fee.totalYuan === amountYuan) return null;
  if (fee.totalYuan === 0) {
    return `${describeFeeBasis(basis)}不收取信息处理费（按量30页以内、按件每月10件以内免费），不能发出收费通知`;
  }
  return `${describeFeeBasis(basis)}计算的信息处理费为${fee.totalYuan}元，与收费金额${amountYuan}元不一致：请核对计费方式和数量`;
}
