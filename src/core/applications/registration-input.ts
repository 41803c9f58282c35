import { z } from 'zod';
import { channelSchema } from '../deadlines/deadline-input.ts';
import { pastEventDate } from '../iso-date-schema.ts';
import { APPLICANT_TYPES } from './application.ts';

const optionalText = (max: number) => z.string().max(max).nullable().optional();

export const applicantTypeSchema = z.enum(APPLICANT_TYPES, {
  error: `申请人类型应为 ${APPLICANT_TYPES.join('、')} 之一`,
});

/**
 * 条例第二十九条: who applies (with identity and contact), what is requested, by which channel.
 * The registration route's body and what the register-application use-case validates.
 */
export const applicationRegistrationSchema = z.strictObject({
  channel: channelSchema,
  submittedOn: pastEventDate('提交日期').describe('当面提交、寄达或签收之日'),
  confirmedOn: pastEventDate('确认日期')
    .nullable()
    .optional()
    .describe('平信、互联网、传真、电子邮件：与申请人确认之日（条例第三十一条）'),
  applicantType: applicantTypeSchema,
  applicant: z.strictObject({
    name: z.string().trim().min(1, { error: '申请人姓名或名称不能为空' }).max(200),
    idNumber: optionalText(40).describe('身份证件号码或统一社会信用代码'),
    phone: optionalText(40),
    address: optionalText(500),
    email: optionalText(200),
  }),
  description: z
    .string()
    .trim()
    .min(1, { error: '申请公开的政府信息内容描述不能为空（条例第二十九条）' })
    .max(10_000, { error: '内容描述过长（最多10000字）' }),
});

/** A registration as the officer (or the online form) gives it, before validation. */
export type ApplicationRegistration = z.input<typeof applicationRegistrationSchema>;
