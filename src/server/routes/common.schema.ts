import { z } from 'zod';
import { ANSWER_DUE_STATES } from '../../core/applications/answer-due-state.ts';
import { JOB_STATES } from '../../core/jobs/job.ts';
import { ROLES } from '../../core/organisation/role.ts';
import { SECTION_KEYS } from '../../core/rules/finding.ts';
import { hasUnsafeNameCharacters, unsafeNameMessage } from '../../core/untrusted-text.ts';

/** Schemas shared by the route modules. */

export { isoDateSchema, pastEventDate } from '../../core/iso-date-schema.ts';

/**
 * A name or identifier (agency, region, user, 文号, 案号, document prefix): refused when it holds a
 * control or bidi character (core/untrusted-text.ts), with a Chinese message naming the field.
 */
export function withoutUnsafeCharacters<T extends z.ZodType<string | null | undefined>>(
  schema: T,
  label: string,
) {
  return schema.refine((value) => typeof value !== 'string' || !hasUnsafeNameCharacters(value), {
    error: unsafeNameMessage(label),
  });
}

/** A required name (agency, region, person): trimmed, 1 to `max` characters, no control or bidi character. */
export const nameText = (label: string, max: number) =>
  withoutUnsafeCharacters(
    z
      .string()
      .trim()
      .min(1, { error: `${label}不能为空` })
      .max(max, { error: `${label}最多${max}个字符` }),
    label,
  );

/** An id in a path or a body: any non-empty string up to 100 characters (the store decides whether it exists). */
export const resourceId = z.string().min(1).max(100);

/** Path parameters of an agency's routes, and of one of its applications. */
export const agencyParams = z.object({ agencyId: resourceId });
export const applicationParams = z.object({ agencyId: resourceId, id: resourceId });

/** Body of every error response. */
export const errorSchema = z
  .object({ code: z.string(), message: z.string().describe('中文说明'), details: z.unknown().optional() })
  .describe('错误：稳定的 code 与中文 message');

const ERROR_DESCRIPTIONS = {
  400: '请求有误（参数、日期、JSON 格式）',
  401: '未登录（UNAUTHENTICATED）',
  403: '无权操作（FORBIDDEN），或缺少 CSRF 令牌',
  404: '不存在（NOT_FOUND）',
  409: '冲突（CONFLICT）：已被他人修改，或办理程序不允许',
  429: '请求过多（TOO_MANY_REQUESTS），请稍后再试',
} as const;

/** The error responses a route can give, for its OpenAPI description. */
export function errorResponses<S extends keyof typeof ERROR_DESCRIPTIONS>(
  ...statuses: S[]
): Record<S, typeof errorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorSchema.describe(ERROR_DESCRIPTIONS[s])])) as Record<
    S,
    typeof errorSchema
  >;
}

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES).describe('officer 经办人、reviewer 审核人、supervisor 主管部门、admin 系统管理员'),
  agencyId: z.string().nullable().describe('经办人、审核人所属机关'),
  regionId: z.string().nullable().describe('主管部门管辖的行政区划'),
});

export const idParams = z.object({ id: z.string().min(1).max(100) });

/** A finding of the annual-report checks, where it is in the report and in the source file. */
const location = z.object({
  table: z.enum(['table2', 'table3', 'table4']).optional(),
  section: z.enum(SECTION_KEYS).optional(),
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

/** core/applications/answer-due-state.ts: "暂停计算" only while the clock is stopped. */
export const answerDueFields = {
  answerDueState: z
    .enum(ANSWER_DUE_STATES)
    .describe(
      '答复期限状态：due 有期限；paused 暂停计算（补正、征求意见、待缴费）；unknown 暂无法计算；none 已办结且无期限',
    ),
  answerDueLabel: z
    .string()
    .describe('答复期限的显示文字：日期，或“暂停计算（等待申请人补正）”，或“答复期限暂无法计算：原因”'),
};

/** 暂定 (issue 15): a date counted through a year whose holiday arrangement is not entered yet. */
export const provisionalMarkSchema = z
  .object({
    years: z.array(z.int()).describe('尚未录入节假日安排的年度'),
    reason: z.string().describe('例如“2027年节假日安排尚未录入，按《全国年节及纪念日放假办法》暂定”'),
  })
  .nullable()
  .describe('暂定标记；日期确定时为 null');

/** A job (core/jobs): long work run by workers, e.g. storing the files of a confirmed import. */
export const jobSchema = z.object({
  id: z.string(),
  kind: z.string().describe('任务类型，例如 import-files'),
  label: z.string().describe('任务类型的名称，例如“导入年度报告”'),
  state: z.enum(JOB_STATES).describe('queued 排队中、running 进行中、succeeded 已完成、failed 失败'),
  done: z.number().int().describe('已处理的单位数（导入：文件数）'),
  total: z.number().int().describe('单位总数'),
  message: z.string().nullable().describe('当前进展或完成情况'),
  error: z.string().nullable().describe('失败原因；已完成的部分保持已完成'),
  attempts: z.number().int().describe('各部分已开始执行的次数（含重试）'),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** A published report of an agency merged into another (机构改革), shown in the successor's history. */
export const mergedReportSchema = z.object({
  reportId: z.string(),
  agencyId: z.string(),
  agencyName: z.string().describe('并入本机关的机关（撤销前的名称）'),
  mergedOn: z.string().nullable().describe('该机关撤销（并入）之日'),
  year: z.number(),
  version: z.number(),
  publishedOn: z.string().nullable().describe('发布日期；不详为 null'),
  newReceived: z.number().nullable().describe('本年新收政府信息公开申请数（总计）；报告未填为 null'),
  totalConcluded: z.number().nullable().describe('本年办结数（总计）；报告未填为 null'),
  carriedForward: z.number().nullable().describe('结转下年度继续办理数（总计）；报告未填为 null'),
});
/**
 * A report read from a scan (image-only PDF or page images) by OCR: its 扫描件 summary. Null for
 * any other report, and for reports stored before scans were recorded (absent is not zero).
 */
export const scanSchema = z
  .object({
    pages: z.number().int().describe('页数'),
    meanConfidence: z.number().describe('平均识别置信度（0–100）'),
    minConfidence: z.number().nullable().describe('表格单元格的最低识别置信度（0–100）；无单元格时为 null'),
    cellsRead: z.number().int().describe('识别的表格单元格数（表三、表四）'),
    cellsCorrected: z.number().int().describe('按勾稽关系校正的单元格数'),
    cellsUnreadable: z.number().int().describe('无法识别、留空的单元格数'),
  })
  .nullable()
  .describe('扫描件（经文字识别读取）的识别情况；不是扫描件的报告（及记录此项之前入库的报告）为 null');
