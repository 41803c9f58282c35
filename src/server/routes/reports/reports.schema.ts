import { z } from 'zod';
import { REPORT_ACTIONS, REPORT_STATUSES } from '../../../core/report/report-workflow.ts';
import { reportSchema } from '../../../core/report/schema.ts';
import { findingSchema, mergedReportSchema } from '../common.schema.ts';

const id = z.string().min(1).max(100);
const section = (caption: string) => z.string().max(50_000, { error: `${caption}过长（最多50000字）` });
const revision = z.int().min(1).describe('读取报告时的 revision；已被他人修改则返回 409');

export const reportAgencyParams = z.object({ agencyId: id });
export const reportParams = z.object({ agencyId: id, id });
export const publishedParams = z.object({
  agencyId: id,
  year: z.coerce.number().int().min(2008).max(2100, { error: '年度无效' }),
});

const year = z.int().min(2021).max(2100).describe('报告年度（2021年起使用国办公开办函〔2021〕30号格式）');

export const assembleReportBody = z.strictObject({
  year,
  sections: z
    .strictObject({
      overview: section('一、总体情况').optional().describe('不填则根据表格数据生成统计段落初稿'),
      problems: section('五、存在的主要问题及改进情况').optional(),
      other: section('六、其他需要报告的事项').optional(),
    })
    .optional(),
});

export const listReportsQuery = z.object({
  year: z.coerce.number().int().min(2008).max(2100).optional().describe('只列出该年度的各版本'),
});

export const editSectionsBody = z.strictObject({
  expectedRevision: revision,
  overview: section('一、总体情况').optional(),
  problems: section('五、存在的主要问题及改进情况').optional(),
  other: section('六、其他需要报告的事项').optional(),
});

export const reassembleBody = z.strictObject({ expectedRevision: revision });

const reason = z.string().max(2000, { error: '理由过长（最多2000字）' });

export const transitionBody = z.strictObject({
  action: z
    .enum(['submit', 'return', 'approve', 'publish'], {
      error: '操作应为 submit（提交审核）、return（退回）、approve（审核通过）或 publish（发布）',
    })
    .describe(
      'submit 提交审核（经办人、审核人）、return 退回修改（审核人，须说明理由）、approve 审核通过（审核人，不能是提交人）、publish 发布（审核通过后）',
    ),
  reason: reason.nullable().optional().describe('退回理由'),
  expectedRevision: revision,
});

export const correctionBody = z.strictObject({
  reason: reason.min(1, { error: '更正须说明理由' }).describe('更正理由（将记入新版本）'),
});

export const documentQuery = z.object({
  format: z.enum(['html', 'docx', 'pdf', 'md'], { error: '格式应为 html、docx、pdf 或 md' }).default('html'),
});

export const reportSummarySchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  year: z.number(),
  version: z.number(),
  status: z.enum(REPORT_STATUSES),
  statusLabel: z.string(),
  origin: z.enum(['assembled', 'imported']),
  errorCount: z.number(),
  warningCount: z.number(),
  publishedOn: z.string().nullable(),
  deadline: z.string().describe('法定公布期限：部门1月31日，人民政府本级3月31日'),
  late: z.boolean().nullable().describe('已发布且晚于期限；未发布为 null'),
  correctionReason: z.string().nullable(),
  returnReason: z.string().nullable(),
  createdBy: z.string().nullable(),
  submittedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  revision: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const reportListResponse = z.object({
  items: z.array(reportSummarySchema),
  mergedReports: z
    .array(mergedReportSchema)
    .describe('并入本机关的机关（机构改革中合并）已发布的年度报告及其主要数字，新年度在前'),
});

export const reportResponse = reportSummarySchema.extend({
  lateIfPublishedToday: z.boolean().nullable().describe('今天发布是否已超过公布期限；已发布为 null'),
  report: reportSchema,
  findings: z.array(findingSchema.extend({ where: z.string() })).describe('实时核查结果（错误在前）'),
  allowedActions: z.array(z.enum(REPORT_ACTIONS)).describe('当前用户现在可以进行的操作'),
  auditTrail: z.array(
    z.object({ at: z.string(), actor: z.string(), action: z.string(), actionLabel: z.string() }),
  ),
});

export const draftOverviewResponse = z.object({
  overview: z.string().describe('一、总体情况 初稿（五个小标题及统计段落）'),
  proactive: z.string(),
  onRequest: z.string(),
  cases: z.string(),
});

export const draftNarrativeResponse = z.object({
  overview: z.string().describe('一、总体情况 初稿：（一）主动公开 至（五）监督保障，小标题各占一行'),
  other: z.string().describe('六、其他需要报告的事项 初稿'),
  parts: z
    .array(
      z.object({
        key: z.string(),
        section: z.enum(['overview', 'other']).describe('所属部分：overview 第一部分，other 第六部分'),
        heading: z.string().describe('小标题，如“（五）监督保障”'),
        text: z.string().describe('段落（以换行分隔）；无可报告事项时为空'),
      }),
    )
    .describe('按报告顺序的各小节'),
});

export const reportFileResponse = z.any().describe('年度报告文件（HTML、DOCX、PDF 或 Markdown）');
