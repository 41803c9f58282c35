import { z } from 'zod';
import { APPLICANT_TYPES, APPLICATION_STATUSES } from '../../../core/applications/application.ts';
import {
  checkApplicantIdentity,
  idTypeSchema,
  requestedFormSchema,
} from '../../../core/applications/registration-input.ts';
import { answerDueFields, provisionalMarkSchema } from '../common.schema.ts';

export const trackBody = z.strictObject({
  agencyId: z.string().min(1).max(100).describe('受理申请的机关（见 GET /api/agencies）'),
  trackingNumber: z.string().trim().min(1).max(40).describe('受理编号，例如 2025-0042'),
  code: z.string().trim().min(1).max(64).describe('登记时告知申请人的查询码'),
});

export const trackResponse = z.object({
  trackingNumber: z.string(),
  receivedOn: z.string().describe('收到申请之日'),
  status: z.enum(APPLICATION_STATUSES),
  statusLabel: z.string(),
  answerDueOn: z
    .string()
    .nullable()
    .describe('答复期限；暂停计算（等待补正、征求意见、待缴费）或暂无法计算时为 null，见 answerDueState'),
  ...answerDueFields,
  answerDueProvisional: provisionalMarkSchema,
  overdue: z.boolean(),
  concludedOn: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  steps: z.array(z.object({ date: z.string(), label: z.string() })).describe('办理步骤（不含任何个人信息）'),
});

const contact = (max: number) => z.string().trim().max(max).nullable().optional();

/**
 * 条例第二十九条 for an application made online by the applicant: who applies (name, identity,
 * contact) and a description of the information. At least one way to reach the applicant.
 */
export const publicApplyBody = z
  .strictObject({
    applicantType: z.enum(APPLICANT_TYPES, { error: '请选择申请人类型' }),
    applicant: z.strictObject({
      name: z.string().trim().min(1, { error: '请填写申请人姓名或名称' }).max(200),
      idType: idTypeSchema,
      idNumber: contact(40).describe('证件号码（居民身份证、统一社会信用代码按校验位检查）'),
      phone: contact(40),
      email: z
        .union([z.literal(''), z.email({ error: '电子邮箱格式不正确' })])
        .nullable()
        .optional(),
      address: contact(500),
    }),
    description: z
      .string()
      .trim()
      .min(1, { error: '请填写所需政府信息的名称、文号或便于查询的其他特征性描述' })
      .max(10_000, { error: '内容描述过长（最多10000字）' }),
    // 条例第二十九条第二款第（三）项: an application states how the information is to be obtained.
    requestedForm: requestedFormSchema.refine((f) => f.delivery.length > 0, {
      error: '请至少选择一种获取信息的方式、途径',
      path: ['delivery'],
    }),
  })
  .superRefine((b, ctx) => checkApplicantIdentity(b.applicant, ctx))
  .refine((b) => Boolean(b.applicant.phone || b.applicant.email || b.applicant.address), {
    error: '请至少填写一种联系方式（电话、电子邮箱或通信地址）',
    path: ['applicant', 'phone'],
  });

export const publicAgencyParams = z.object({ agencyId: z.string().min(1).max(100) });

export const publicApplyResponse = z.object({
  agencyName: z.string(),
  trackingNumber: z.string().describe('受理编号'),
  followUpCode: z.string().describe('查询码：只显示这一次，请妥善保存'),
  receivedOn: z.string().describe('收到申请之日（互联网渠道：提交并确认之日）'),
  answerDueOn: z.string().nullable().describe('答复期限'),
});
