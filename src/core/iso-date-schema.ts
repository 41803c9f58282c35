import { z } from 'zod';
import { isIsoDate } from './dates.ts';

/** A real calendar date written YYYY-MM-DD, as the API and the use-cases accept it. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { error: '应为真实存在的日期，格式 YYYY-MM-DD（例如 2025-01-24）' })
  .describe('日期 YYYY-MM-DD');
