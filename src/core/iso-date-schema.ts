import { z } from 'zod';
import { isIsoDate } from './dates.ts';

/** A real calendar date written YYYY-MM-DD, as the API and the use-cases accept it. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { error: '应为真实存在的日期，格式 YYYY-MM-DD（例如 2025-01-24）' })
  .describe('日期 YYYY-MM-DD');

/**
 * The earliest date of anything the system records: the day the first 政府信息公开条例 (国务院令第492号)
 * took effect. An application, a disclosure or a case dated before it is a typing error.
 */
export const EARLIEST_EVENT_DATE = '2008-05-01';

/**
 * A date of a past event (an application received, a case filed, an item published): a real date,
 * not before EARLIEST_EVENT_DATE; the message names the field. "Not after today" needs the request's
 * clock, so the rules that take `today` check it (lifecycle, computeDeadlines, checkCase…).
 */
export function pastEventDate(label: string) {
  return z
    .string()
    .superRefine((value, ctx) => {
      if (!isIsoDate(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `${label}应为真实存在的日期，格式 YYYY-MM-DD（例如 2025-01-24）`,
        });
      } else if (value < EARLIEST_EVENT_DATE) {
        ctx.addIssue({
          code: 'custom',
          message: `${label}不能早于 2008-05-01（《中华人民共和国政府信息公开条例》施行之日），请核对`,
        });
      }
    })
    .describe(`${label}（YYYY-MM-DD，不早于 2008-05-01）`);
}
