import { z } from 'zod';
import { SOURCE_FORMATS } from '../../../documents/ingest/source-document.ts';
import { findingSchema } from '../common.schema.ts';

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
  format: z.enum(SOURCE_FORMATS).describe('读取的格式（doc：Word 97–2003，含 Word 格式的 .wps）'),
  report: z.record(z.string(), z.unknown()).describe('gongkai-report/1 年度报告（含来源行号、页码）'),
  findings: z.array(findingSchema),
  summary: summarySchema,
});
