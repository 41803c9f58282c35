import { z } from 'zod';

const location = z.object({
  table: z.enum(['table2', 'table3', 'table4']).optional(),
  section: z.string().optional(),
  rowKey: z.string().optional(),
  rowLabel: z.string().optional(),
  columns: z.array(z.string()).optional(),
  source: z
    .object({ page: z.number().optional(), line: z.number().optional(), text: z.string().optional() })
    .optional(),
});

export const findingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  assessable: z.boolean(),
  message: z.string(),
  location,
});

export const summarySchema = z.object({
  errors: z.number(),
  warnings: z.number(),
  infos: z.number(),
  notAssessable: z.number(),
});

export const checkReportBody = z.object({
  report: z.unknown().describe('gongkai-report/1 年度报告'),
  previous: z.unknown().optional().describe('同一机关上一年度的报告（可选，用于跨年度核对）'),
});

export const checkReportResponse = z.object({ findings: z.array(findingSchema), summary: summarySchema });

export const checkDocumentQuery = z.object({
  filename: z.string().min(1).max(255).describe('文件名（用于判断格式，例如 report.pdf）'),
});

export const checkDocumentResponse = z.object({
  format: z.enum(['txt', 'md', 'html', 'docx', 'pdf']),
  report: z.record(z.string(), z.unknown()).describe('gongkai-report/1 年度报告（含来源行号、页码）'),
  findings: z.array(findingSchema),
  summary: summarySchema,
});
