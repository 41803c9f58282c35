import { z } from 'zod';

export const exportParams = z.object({
  code: z.string().min(1).max(20).describe('行政区划代码（含下级地区）'),
});

export const exportQuery = z.strictObject({
  from: z.coerce.number().int().min(2008).max(2100).describe('起始年度'),
  to: z.coerce.number().int().min(2008).max(2100).optional().describe('截止年度（默认与起始年度相同）'),
  format: z
    .enum(['csv', 'xlsx', 'json'], { error: '导出格式应为 csv、xlsx 或 json' })
    .default('csv')
    .describe('csv（UTF-8 带 BOM）、xlsx 或 json（gongkai-report/1）'),
  headers: z
    .enum(['zh', 'en'], { error: '列名应为 zh（中文）或 en（英文键名）' })
    .optional()
    .describe('表头：zh 为表格原文（XLSX 默认），en 为稳定的英文键名（CSV 默认，供程序读取）'),
});
