import { z } from 'zod';
import { jobSchema, scanSchema } from '../common.schema.ts';

export const uploadQuery = z.strictObject({
  region: z.string().min(1).max(20).describe('本地区的行政区划代码：报告须属于该地区（含下级地区）的机关'),
  filename: z
    .string()
    .min(1)
    .max(255)
    .describe('上传的文件名：.zip 为压缩包，其他为单份报告（txt、md、html、docx、pdf）'),
  year: z.coerce.number().int().min(2008).max(2100).optional().describe('只导入该年度的报告'),
  read: z
    .enum(['now', 'job'])
    .optional()
    .describe(
      'now（默认）：在本请求中读取全部文件后返回预览（201）；job：由后台任务读取（扫描件逐页识别，较慢），立即返回（202），轮询 GET /imports/{batchId} 查看每个文件的读取和识别进度，读取完成后给出预览',
    ),
  createAgencies: z
    .enum(['true', 'false'])
    .optional()
    .describe('true：报告的机关在本地区找不到时，确认导入时在该地区新建机关'),
  map: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('机关名称映射“报告中的名称=机关名称或机关 id”（可重复），用于更名的机关'),
});

export const batchParams = z.object({ batchId: z.string().min(1).max(100) });

const plannedFile = z.object({
  name: z.string(),
  status: z
    .enum(['ready', 'duplicate', 'skipped'])
    .describe('ready 待导入、duplicate 已导入过、skipped 跳过'),
  reason: z.string().nullable().describe('跳过或重复的原因'),
  sha256: z.string().nullable(),
  format: z.string().nullable(),
  recognisedAgency: z.string().nullable().describe('报告中的机关名称'),
  year: z.number().nullable().describe('报告年度'),
  agencyId: z.string().nullable().describe('匹配到的本地区机关；新建机关时为 null'),
  agencyName: z.string().nullable(),
  match: z
    .enum(['name', 'former-name', 'mapping', 'new-agency'])
    .nullable()
    .describe('name 按名称、former-name 按曾用名、mapping 按映射、new-agency 新建机关'),
  needsAgency: z
    .boolean()
    .describe('报告中的机关名称对应不到本地区的机关（或对应多个）：指定对应机关（map）后重新上传即可导入'),
  errorCount: z.number(),
  warningCount: z.number(),
  scan: scanSchema,
  pageImages: z
    .array(z.string())
    .nullable()
    .describe('作为同一份报告各页读取的页面图片（按顺序）；不是一组页面图片时为 null'),
});

const summary = z.object({
  batchId: z.string(),
  imported: z.number(),
  alreadyImported: z.number(),
  skipped: z.number(),
  files: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['imported', 'duplicate', 'skipped']),
      reason: z.string().nullable(),
      recognisedAgency: z.string().nullable(),
      year: z.number().nullable(),
      agencyName: z.string().nullable(),
      reportId: z.string().nullable(),
      version: z.number().nullable(),
      scan: scanSchema,
    }),
  ),
});

const fileBeingRead = z.object({
  name: z.string(),
  state: z
    .enum(['waiting', 'reading', 'read', 'refused'])
    .describe('waiting 等待读取、reading 正在文字识别、read 已读取、refused 无法读取'),
  page: z.number().int().nullable().describe('正在识别的扫描件已识别到第几页'),
  pages: z.number().int().nullable().describe('该扫描件的页数'),
});

export const previewResponse = z.object({
  batchId: z.string(),
  status: z.enum(['pending', 'confirmed', 'cancelled']),
  expiresAt: z.string(),
  counts: z.object({ ready: z.number(), duplicate: z.number(), skipped: z.number() }),
  files: z.array(plannedFile),
  summary: summary.nullable().describe('导入结果：任务完成（或失败）后给出，失败时为已完成部分的结果'),
  job: jobSchema
    .nullable()
    .describe(
      '确认后逐份入库的任务及其进度；由后台读取的预览（read=job）在确认前为读取任务；其他待确认或已取消的为 null',
    ),
  reading: z
    .array(fileBeingRead)
    .nullable()
    .describe('后台任务读取预览期间每个文件的进度（扫描件逐页）；读取完成后为 null，预览见 files'),
});
