import { z } from 'zod';
import { channelSchema } from '../deadlines/deadline-input.ts';

import { pastEventDate } from '../iso-date-schema.ts';
import { DELIVERY_METHODS, ID_TYPES, identityProblem, MEDIA } from './applicant-identity.ts';

import { APPLICANT_TYPES } from './application.ts';

const optionalText = (max: number) => z.string().max(max).nullable().optional();

export const applicantTypeSchema = z.enum(APPLICANT_TYPES, {
  error: `申请人类型应为 ${APPLICANT_TYPES.join('、')} 之一`,
});

/** The identity document's type; omitted, it is inferred from a valid 身份证 or 统一社会信用代码 number. */
export const idTypeSchema = z
  .enum(ID_TYPES, { error: `证件类型应为 ${ID_TYPES.join('、')} 之一` })
  .optional()
  .describe('证件类型：resident-id 居民身份证、passport 护照、uscc 统一社会信用代码、other 其他证件');

/**
 * A given identity number must be valid for its type (居民身份证 and 统一社会信用代码 by their check
 * characters): the issue is reported on `applicant.idNumber`, in Chinese.
 */
export function checkApplicantIdentity(
  applicant: { idType?: (typeof ID_TYPES)[number] | undefined; idNumber?: string | null | undefined },
  ctx: z.RefinementCtx,
): void {
  const problem = identityProblem(applicant.idType, applicant.idNumber);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['applicant', 'idNumber'] });
}

/** 条例第二十九条第二款第（三）项: the form in which the information is wanted. */
export const requestedFormSchema = z
  .strictObject({
    media: z
      .array(z.enum(MEDIA, { error: `载体形式应为 ${MEDIA.join('、')} 之一` }))
      .max(MEDIA.length)
      .default([])
      .describe('载体形式：paper 纸质文本、electronic 电子文本（可多选）'),
    delivery: z
      .array(z.enum(DELIVERY_METHODS, { error: `获取方式应为 ${DELIVERY_METHODS.join('、')} 之一` }))
      .max(DELIVERY_METHODS.length)
      .default([])
      .describe(
        '获取信息的方式、途径：post 邮寄、email 电子邮件、pickup 当面领取、online 网上获取、fax 传真（可多选）',
      ),
  })
  .describe('所需信息的形式要求（条例第二十九条）');
export type RequestedForm = z.infer<typeof requestedFormSchema>;

/**
 * 条例第二十九条: who applies (with identity and contact), what is requested, by which channel.
 * The registration route's body and what the register-application use-case validates.
 */
export const applicationRegistrationSchema = z
  .strictObject({
    channel: channelSchema,
    submittedOn: pastEventDate('提交日期').describe('当面提交、寄达或签收之日'),
    confirmedOn: pastEventDate('确认日期')
      .nullable()
      .optional()
      .describe('平信、互联网、传真、电子邮件：与申请人确认之日（条例第三十一条）'),
    applicantType: applicantTypeSchema,
    applicant: z.strictObject({
      name: z.string().trim().min(1, { error: '申请人姓名或名称不能为空' }).max(200),
      idType: idTypeSchema,
      idNumber: optionalText(40).describe('证件号码（居民身份证、统一社会信用代码按校验位检查）'),
      phone: optionalText(40),
      address: optionalText(500),
      email: optionalText(200),
    }),
    description: z
      .string()
      .trim()
      .min(1, { error: '申请公开的政府信息内容描述不能为空（条例第二十九条）' })
      .max(10_000, { error: '内容描述过长（最多10000字）' }),
    requestedForm: requestedFormSchema.optional(),
  })
  .superRefine((r, ctx) => checkApplicantIdentity(r.applicant, ctx));

/** A registration as the officer (or the online form) gives it, before validation. */
export type ApplicationRegistration = z.input<typeof applicationRegistrationSchema>;
