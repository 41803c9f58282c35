import { z } from 'zod';
import { isIsoDate } from '../dates.ts';
import { AppError } from '../errors.ts';

/**
 * The input of the deadline engine (DOMAIN.md §C.3–C.8, §D), shared by the CLI and the API.
 * Dates are YYYY-MM-DD calendar days. Unknown keys are refused so that a misspelt field is not
 * silently ignored.
 */

const isoDate = z
  .string({ error: '应为 YYYY-MM-DD 格式的日期' })
  .refine(isIsoDate, { error: '应为真实存在的日期，格式 YYYY-MM-DD' });

/** Submission channels of art. 31; e-mail is handled like the Internet channel. */
export const channelSchema = z.enum(
  ['in-person', 'mail-registered', 'mail-ordinary', 'online', 'fax', 'email'],
  {
    error: '提交方式应为 in-person、mail-registered、mail-ordinary、online、fax、email 之一',
  },
);
export type Channel = z.infer<typeof channelSchema>;

const correctionRequested = z.strictObject({
  type: z.literal('correction-requested'),
  /** Day the 补正 notice was sent (art. 30). */
  on: isoDate,
});

const correctionReceived = z.strictObject({
  type: z.literal('correction-received'),
  /** Day the corrected application was received; the 20 working days restart from here. */
  on: isoDate,
});

const consultation = z.strictObject({
  type: z.literal('consultation'),
  /** 'third-party' = art. 32; 'agency' = another agency, art. 34. */
  party: z.enum(['third-party', 'agency'], { error: '征求意见对象应为 third-party 或 agency' }),
  name: z.string().min(1).optional(),
  /** Day the consultation letter was sent; working days after it are suspended. */
  startedOn: isoDate,
  /** Day the consulted party received the letter (its 15 working days run from here); default startedOn. */
  letterReceivedOn: isoDate.optional(),
  /** Day the reply arrived (or the agency stopped waiting); null or absent = still open. */
  replyReceivedOn: isoDate.nullable().optional(),
});

const fee = z.strictObject({
  type: z.literal('fee'),
  /** Day the 收费通知 was sent. */
  noticeOn: isoDate,
  /** Day the applicant received it (the 20 payment days run from here); default noticeOn. */
  noticeReceivedOn: isoDate.optional(),
  /** Day of payment; null or absent = not paid. */
  paidOn: isoDate.nullable().optional(),
});

const extension = z.strictObject({
  type: z.literal('extension'),
  /** Day the head of the disclosure office approved the extension (art. 33 ¶2). */
  approvedOn: isoDate,
  /** Day the applicant was told. */
  noticeOn: isoDate,
  days: z
    .int({ error: '延长的工作日数应为1至20之间的整数' })
    .min(1)
    .max(20, { error: '延长的期限最长不得超过20个工作日' }),
  approver: z.string().min(1).optional(),
});

const art35 = z.strictObject({
  type: z.literal('art35'),
  /** Day the agency fixed the delayed deadline (art. 35). */
  decidedOn: isoDate,
  /** The delayed answer deadline itself, an explicit date. */
  dueOn: isoDate,
  noticeOn: isoDate.optional(),
});

export const deadlineEventSchema = z.discriminatedUnion(
  'type',
  [correctionRequested, correctionReceived, consultation, fee, extension, art35],
  {
    error: '事件类型应为 correction-requested、correction-received、consultation、fee、extension、art35 之一',
  },
);
export type DeadlineEvent = z.infer<typeof deadlineEventSchema>;

export const deadlineInputSchema = z.strictObject({
  channel: channelSchema,
  /** Day the application was handed in, arrived or was signed for. */
  submittedOn: isoDate,
  /** Confirmation day of art. 31; required for mail-ordinary, online, fax and email, refused otherwise. */
  confirmedOn: isoDate.optional(),
  /** In chronological order of each event's first date. */
  events: z.array(deadlineEventSchema).default([]),
});
export type DeadlineInput = z.infer<typeof deadlineInputSchema>;
export type DeadlineInputData = z.input<typeof deadlineInputSchema>;

export const deadlineOptionsSchema = z.strictObject({
  /** Used only to tell 'running' from 'overdue' and to count working days used so far. */
  today: isoDate.optional(),
  /** Whether fee notice → payment suspends the answer period (DOMAIN §C.8 marks this L). */
  feeNoticeSuspends: z.boolean().default(true),
});
export type DeadlineOptions = z.input<typeof deadlineOptionsSchema>;

const EXPECTED_ZH: Record<string, string> = {
  string: '字符串',
  number: '数字',
  boolean: '布尔值（true 或 false）',
  array: '数组',
  object: '对象',
};

/** Our own messages are Chinese; zod's built-in English ones are replaced by code. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? '缺少必填字段'
        : `类型错误，应为${EXPECTED_ZH[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'too_small':
    case 'too_big':
      return '取值超出允许范围';
    default:
      return '取值无效';
  }
}

function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '输入无效';
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `输入无效：${path ? `${path.replace(/^\./, '')}：` : ''}${issueMessage(issue)}`;
}

/** Validates the shape; throws AppError('INVALID_INPUT') naming the first bad field, in Chinese. */
export function parseDeadlineInput(data: unknown): DeadlineInput {
  const result = deadlineInputSchema.safeParse(data);
  if (!result.success) throw new AppError('INVALID_INPUT', describeIssues(result.error), result.error.issues);
  return result.data;
}

export function parseDeadlineOptions(data: unknown): z.infer<typeof deadlineOptionsSchema> {
  const result = deadlineOptionsSchema.safeParse(data ?? {});
  if (!result.success) throw new AppError('INVALID_INPUT', describeIssues(result.error), result.error.issues);
  return result.data;
}
