import { z } from 'zod';
import { MIXED_OUTCOME_RULES } from '../../../core/applications/mixed-outcome.ts';

export const regionCodeParams = z.object({ code: z.string().min(1).max(20).describe('行政区划代码') });

const rule = z.enum(MIXED_OUTCOME_RULES, { error: '统计口径应为 one-row 或 separate-applications' });

export const conventionsResponse = z.object({
  mixedOutcomes: z.object({
    own: rule.nullable().describe('本地区自己的选择；null 表示沿用上级地区'),
    effective: rule.describe('本地区机关实际执行的口径'),
    from: z
      .object({ code: z.string(), name: z.string() })
      .nullable()
      .describe('实际口径由哪个地区设定；null 表示均未设定，执行推荐口径'),
    options: z.array(z.object({ value: rule, label: z.string() })),
  }),
});

export const conventionsBody = z.strictObject({
  mixedOutcomes: rule
    .nullable()
    .describe('申请多项内容且结果不同时的统计口径（DOMAIN.md §A.6）；null 沿用上级地区'),
});
