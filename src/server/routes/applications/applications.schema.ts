import { z } from 'zod';
import { ANSWER_TIMELINESS_STATES } from '../../../core/applications/answer-timeliness.ts';
import { ID_TYPES } from '../../../core/applications/applicant-identity.ts';
import {
  APPLICATION_STATUSES,
  applicationEventSchema,
  channelSchema,
  outcomeSchema,
} from '../../../core/applications/application.ts';
import { MIXED_OUTCOME_RULES } from '../../../core/applications/mixed-outcome.ts';
import {
  applicantTypeSchema,
  applicationRegistrationSchema,
  requestedFormSchema,
} from '../../../core/applications/registration-input.ts';
import { answerDueFields, isoDateSchema, provisionalMarkSchema } from '../common.schema.ts';

const STATUSES = APPLICATION_STATUSES;

/** 条例第二十九条: who applies (with identity and contact), what is requested, by which channel. */
export const registerApplicationBody = applicationRegistrationSchema;

export const listApplicationsQuery = z.object({
  status: z
    .enum([...STATUSES, 'open'], { error: `状态应为 open 或 ${STATUSES.join('、')} 之一` })
    .optional()
    .describe('open：全部未办结的申请'),
  dueBefore: isoDateSchema.optional().describe('未办结且答复期限早于该日（填今天即为已逾期）'),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('收到申请的年度'),
  q: z.string().max(100).optional().describe('在受理编号和内容描述中查找'),
  answeredLate: z
    .enum(['true'], { error: 'answeredLate 只能为 true' })
    .optional()
    .describe('只看逾期答复的申请（作出答复之日晚于当时的答复期限）'),
  sort: z
    .enum(['received', 'due'], { error: '排序应为 received 或 due' })
    .default('received')
    .describe('received：最近收到的在前；due：未办结的按答复期限从近到远，办结的在后'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const recordEventBody = z.strictObject({
  event: applicationEventSchema,
  expectedVersion: z.int().min(1).describe('读取申请时的 version；已被他人修改则返回 409'),
});

const flags = {
  overdue: z.boolean().describe('未办结且已超过答复期限'),
  dueThisWeek: z.boolean().describe('未办结且7日内（含今天）到期'),
};

/** core/applications/answer-timeliness.ts: null until the application is concluded by an answer. */
const answerTimelinessSchema = z
  .object({
    state: z.enum(ANSWER_TIMELINESS_STATES),
    answeredOn: z.string(),
    dueOn: z.string().nullable().describe('作出答复当日的答复期限；答复时期限暂停计算或无法计算为 null'),
    workingDaysLate: z.int().nullable().describe('逾期的工作日数；未逾期为 null'),
    label: z.string().describe('例如“按期答复”“逾期答复（超过答复期限3个工作日）”'),
  })
  .nullable()
  .describe('答复是否在期限内（按时答复 / 逾期答复）；尚未以答复办结为 null');

export const applicationSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  trackingNumber: z.string().describe('受理编号，例如 2025-0042'),
  channel: channelSchema,
  channelLabel: z.string(),
  submittedOn: z.string(),
  confirmedOn: z.string().nullable(),
  receivedOn: z.string().describe('收到申请之日（条例第三十一条）'),
  applicantType: applicantTypeSchema,
  applicantTypeLabel: z.string(),
  description: z.string(),
  requestedForm: requestedFormSchema.nullable(),
  requestedFormLabel: z.string().nullable().describe('所需信息的形式，例如“纸质文本；邮寄、电子邮件”'),
  events: z.array(applicationEventSchema),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  outcome: outcomeSchema.nullable(),
  outcomeLabel: z.string().nullable(),
  concludedOn: z.string().nullable(),
  answerDueOn: z.string().nullable(),
  answerDueProvisional: provisionalMarkSchema,
  ...flags,
  answerTimeliness: answerTimelinessSchema,
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const applicationSummarySchema = z.object({
  id: z.string(),
  trackingNumber: z.string(),
  channel: channelSchema,
  receivedOn: z.string(),
  applicantType: applicantTypeSchema,
  applicantNameMasked: z.string().describe('申请人姓名（脱敏，例如 张**）'),
  description: z.string(),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  outcome: outcomeSchema.nullable(),
  concludedOn: z.string().nullable(),
  answerDueOn: z.string().nullable(),
  ...answerDueFields,
  answerDueProvisional: provisionalMarkSchema,
  ...flags,
  answerTimeliness: answerTimelinessSchema,
  version: z.int(),
});

export const deadlinesSchema = z
  .object({
    receivedOn: z.string(),
    clockStartsOn: z.string().nullable(),
    answerDue: z.string().nullable(),
    status: z.enum(['running', 'overdue', 'suspended', 'awaiting-correction']),
    workingDaysAllowed: z.int().nullable(),
    workingDaysUsed: z.int().nullable(),
    steps: z.array(
      z.object({ label: z.string(), date: z.string(), explanation: z.string(), article: z.string() }),
    ),
    correctionNoticeDue: z.string(),
    thirdPartyReplyDue: z.array(
      z.object({
        party: z.enum(['third-party', 'agency']),
        name: z.string().nullable(),
        letterReceivedOn: z.string(),
        due: z.string(),
        replyReceivedOn: z.string().nullable(),
        article: z.string(),
      }),
    ),
    feePaymentDue: z.string().nullable(),
    warnings: z.array(z.string()),
    provisional: provisionalMarkSchema.describe('各期限按尚未录入的年度暂定计算时的标记和原因'),
  })
  .nullable()
  .describe('各项期限及其计算过程（按今天计算）；无法计算时为 null，原因见 deadlinesNote');

const withDeadlines = {
  application: applicationSchema,
  deadlines: deadlinesSchema,
  deadlinesNote: z.string().nullable(),
  ...answerDueFields,
};

export const registeredResponse = z.object({
  ...withDeadlines,
  followUpCode: z.string().describe('申请人查询码：只显示这一次，请告知申请人（与受理编号一起用于查询进度）'),
});

export const applicationResponse = z.object(withDeadlines);

export const applicationAuditEntrySchema = z.object({
  seq: z.int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  statusBefore: z.string().nullable(),
  statusAfter: z.string().nullable(),
  hash: z.string().describe('审计链中该条记录的哈希'),
});

export const applicationDetailResponse = z.object({
  ...withDeadlines,
  auditTrail: z.array(applicationAuditEntrySchema),
  mixedOutcomeRule: z
    .enum(MIXED_OUTCOME_RULES)
    .describe(
      '本地区对“申请多项内容且结果不同”的统计口径（DOMAIN.md §A.6）：one-row 按一件计入一行，separate-applications 一事一申请',
    ),
});

export const applicationListResponse = z.object({
  items: z.array(applicationSummarySchema),
  total: z.int(),
  limit: z.int(),
  offset: z.int(),
  today: z.string().describe('判断逾期、到期所依据的日期（北京时间）'),
});

export const applicantResponse = z.object({
  name: z.string(),
  idType: z.enum(ID_TYPES).nullable(),
  idTypeLabel: z.string().nullable(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  email: z.string().nullable(),
});

export const timelinessQuery = z.object({
  year: z.coerce
    .number({ error: '请填写年度，例如 2025' })
    .int()
    .min(1990)
    .max(2100)
    .describe('作出答复（办结）的年度'),
});

export const timelinessResponse = z.object({
  year: z.int(),
  answered: z.int().describe('本年作出答复的申请数（撤回、逾期未补正、逾期未缴费不计）'),
  onTime: z.int().describe('按期答复'),
  late: z.int().describe('逾期答复（作出答复之日晚于当时的答复期限）'),
  unknown: z.int().describe('答复期限无法计算、无法判断的'),
  onTimeRate: z
    .string()
    .nullable()
    .describe('按时答复率（按期答复 ÷ 可判断的答复，百分数，保留一位小数）；没有可判断的答复时为 null'),
});

export const deadlineSummaryResponse = z.object({
  today: z.string(),
  open: z.int().describe('未办结'),
  overdue: z.int().describe('未办结且已超过答复期限'),
  dueThisWeek: z.int().describe('未办结且7日内（含今天）到期'),
  provisional: z.int().describe('未办结且答复期限为暂定（所跨年度的节假日安排尚未录入）'),
});
