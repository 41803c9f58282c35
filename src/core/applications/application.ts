import { z } from 'zod';
import { type IsoDate, isIsoDate } from '../dates.ts';
import type { Channel } from '../deadlines/deadline-input.ts';
import { channelSchema } from '../deadlines/deadline-input.ts';
import { feeBasisSchema } from '../fees/fee-basis.ts';
import { TABLE3_OUTCOME_KEYS, type Table3RowKey } from '../report/labels.ts';

/**
 * An application for disclosure (依申请公开) as the system of record keeps it, without the
 * applicant's personal data (name, ID number, phone, address): the store keeps those apart, so
 * that nothing computed from applications (deadlines, statistics, table 三) can leak them.
 */

/** The applicant's own legal status: the six applicant columns of table 三 (DOMAIN.md §A.6). */
export const APPLICANT_TYPES = [
  'naturalPerson',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrganisation',
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  naturalPerson: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrganisation: '其他',
};

/** Statutory outcomes: the 21 leaf rows of table 三. */
export const outcomeSchema = z.enum(TABLE3_OUTCOME_KEYS as unknown as [Table3RowKey, ...Table3RowKey[]], {
  error: '办理结果应为表三的一个办理结果行（如 granted、partial、denied.thirdParty）',
});
export type Outcome = z.infer<typeof outcomeSchema>;

/** The statuses of an application, in the order of the procedure. */
export const APPLICATION_STATUSES = [
  'received',
  'awaiting-correction',
  'consulting',
  'awaiting-fee',
  'concluded',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Every status but concluded: the officer's open work (the inbox shows these by default). */
export const OPEN_APPLICATION_STATUSES = APPLICATION_STATUSES.filter(
  (s): s is Exclude<ApplicationStatus, 'concluded'> => s !== 'concluded',
);

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  received: '办理中',
  'awaiting-correction': '待补正',
  consulting: '征求意见中',
  'awaiting-fee': '待缴费',
  concluded: '已办结',
};

const isoDate = z.string().refine(isIsoDate, { error: '应为真实存在的日期，格式 YYYY-MM-DD' });

/** Procedural events after registration, in the order they happen. */
export const applicationEventSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('correction-requested'),
      on: isoDate,
      note: z.string().max(2000).optional(),
    }),
    z.strictObject({ type: z.literal('correction-received'), on: isoDate }),
    z.strictObject({ type: z.literal('correction-lapsed'), on: isoDate }),
    z.strictObject({
      type: z.literal('consultation-started'),
      on: isoDate,
      party: z.enum(['third-party', 'agency'], {
        error: '征求意见对象应为 third-party（第三方）或 agency（其他机关）',
      }),
      name: z.string().min(1).max(200),
      letterReceivedOn: isoDate.optional(),
    }),
    z.strictObject({
      type: z.literal('consultation-ended'),
      on: isoDate,
      opinion: z.string().max(2000).optional(),
    }),
    z.strictObject({
      type: z.literal('fee-notice'),
      on: isoDate,
      amountYuan: z.int().positive({ error: '收费金额应为正整数（元）' }),
      /** Required for new notices (checked against the amount); absent on notices recorded before. */
      basis: feeBasisSchema.optional(),
      noticeReceivedOn: isoDate.optional(),
    }),
    z.strictObject({ type: z.literal('fee-paid'), on: isoDate }),
    z.strictObject({ type: z.literal('fee-lapsed'), on: isoDate }),
    z.strictObject({
      type: z.literal('extension'),
      approvedOn: isoDate,
      noticeOn: isoDate,
      days: z.int().min(1).max(20, { error: '延长的期限最长不得超过20个工作日' }),
      approver: z.string().min(1, { error: '延期须记录批准人（政府信息公开工作机构负责人）' }).max(100),
    }),
    z.strictObject({
      type: z.literal('art35'),
      decidedOn: isoDate,
      dueOn: isoDate,
      noticeOn: isoDate.optional(),
    }),
    z.strictObject({
      type: z.literal('answered'),
      on: isoDate,
      outcome: outcomeSchema,
      /** Reasons for items not provided in a mixed answer (DOMAIN.md §A.6), kept on the case. */
      secondaryOutcomes: z.array(outcomeSchema).max(20).optional(),
    }),
    z.strictObject({ type: z.literal('withdrawn'), on: isoDate }),
  ],
  { error: '事件类型无效' },
);
export type ApplicationEvent = z.infer<typeof applicationEventSchema>;

/** What each procedural step is called on the case page, in letters and in the audit trail. */
export const APPLICATION_EVENT_LABELS: Record<ApplicationEvent['type'], string> = {
  'correction-requested': '发出补正通知',
  'correction-received': '收到补正后的申请',
  'correction-lapsed': '申请人逾期未补正',
  'consultation-started': '征求第三方或其他机关意见',
  'consultation-ended': '收到征求意见的答复',
  'fee-notice': '发出收费通知',
  'fee-paid': '申请人缴纳费用',
  'fee-lapsed': '申请人逾期未缴费',
  extension: '延长答复期限',
  art35: '确定延迟答复期限（第三十五条）',
  answered: '作出答复',
  withdrawn: '申请人撤回申请',
};

export interface Application {
  /** Unique per agency and year, allocated by the store (e.g. "2025-0042"). */
  trackingNumber: string;
  channel: Channel;
  /** Day handed in, arrived or signed for. */
  submittedOn: IsoDate;
  /** Confirmation day of art. 31 (mail-ordinary, online, fax, email). */
  confirmedOn: IsoDate | null;
  /** The legal receipt date (art. 31), derived from channel and dates. */
  receivedOn: IsoDate;
  applicantType: ApplicantType;
  /** Art. 29 (2): the information requested. */
  description: string;
  events: ApplicationEvent[];
  status: ApplicationStatus;
  outcome: Outcome | null;
  concludedOn: IsoDate | null;
}

export { channelSchema };
