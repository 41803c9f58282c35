import { z } from 'zod';
import {
  DISCLOSURE_ATTRIBUTES,
  DISCLOSURE_CHANNELS,
  DISCLOSURE_STATUSES,
  SECRECY_CONCLUSIONS,
} from '../../../core/disclosures/disclosure.ts';
import {
  pastEventDate,
  provisionalMarkSchema,
  resourceId,
  withoutUnsafeCharacters,
} from '../common.schema.ts';

export const disclosureParams = z.object({ agencyId: resourceId, id: resourceId });

const channel = z
  .enum(DISCLOSURE_CHANNELS, { error: '公开渠道应为 website、weibo、wechat、gazette、other 之一' })
  .describe('website 政府网站、weibo 政务微博、wechat 微信公众号、gazette 政府公报、other 其他');
const attribute = z
  .enum(DISCLOSURE_ATTRIBUTES, { error: '公开属性应为 proactive、onRequest、withheld 之一' })
  .describe('proactive 主动公开、onRequest 依申请公开、withheld 不予公开');
const status = z
  .enum(DISCLOSURE_STATUSES)
  .describe(
    'draft 拟稿、submitted 待科室审核、sectionApproved 待领导审批、approved 已审批、published 已发布',
  );

export const disclosureContentBody = z.strictObject({
  title: z.string().max(500),
  category: z.string().max(100).describe('信息类别（机构职能、政策文件、财政信息……）'),
  channel,
  documentNumber: withoutUnsafeCharacters(z.string().max(200).nullable(), '文号').optional().describe('文号'),
  attribute,
  attributeReason: z
    .string()
    .max(2000)
    .nullable()
    .optional()
    .describe('公开属性为依申请公开、不予公开时必填：理由及依据'),
  createdOn: pastEventDate('信息形成（变更）日期').describe(
    '信息形成（变更）之日：条例第二十六条的20个工作日自此起算',
  ),
});

export const editDisclosureBody = z.strictObject({
  content: disclosureContentBody,
  expectedVersion: z.int().min(1).describe('读取时的 version；已被他人修改则返回 409'),
});

export const disclosureStepSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('submit').describe('经办人提交审核') }),
    z.strictObject({
      type: z.literal('sectionApprove').describe('科室负责人审核，同时作出保密审查结论'),
      secrecyConclusion: z
        .enum(SECRECY_CONCLUSIONS, {
          error: '保密审查结论应为 publishable、publishableAfterRedaction、notPublishable 之一',
        })
        .describe(
          'publishable 可以公开、publishableAfterRedaction 删除涉密敏感内容后公开、notPublishable 不得公开',
        ),
      secrecyNote: z.string().max(2000).nullable().optional(),
    }),
    z.strictObject({ type: z.literal('leaderApprove').describe('分管领导审批（不能是科室审核人本人）') }),
    z.strictObject({ type: z.literal('return').describe('审核人退回修改'), reason: z.string().max(2000) }),
    z.strictObject({
      type: z.literal('publish').describe('经办人发布（仅主动公开）'),
      publishedOn: pastEventDate('发布日期'),
    }),
  ],
  { error: '审核步骤 type 应为 submit、sectionApprove、leaderApprove、return、publish 之一' },
);

export const disclosureStepBody = z.strictObject({
  step: disclosureStepSchema,
  expectedVersion: z.int().min(1).describe('读取时的 version；已被他人修改则返回 409'),
});

export const listDisclosuresQuery = z.object({
  status: status.optional(),
  overdue: z.enum(['true']).optional().describe('只看超过条例第二十六条期限的主动公开信息'),
  year: z.coerce.number().int().min(2008).max(2100).optional().describe('信息形成年度'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const disclosureSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  title: z.string(),
  category: z.string(),
  channel,
  channelLabel: z.string(),
  documentNumber: z.string().nullable(),
  attribute,
  attributeLabel: z.string(),
  attributeReason: z.string().nullable(),
  createdOn: z.string(),
  dueOn: z.string().nullable().describe('条例第二十六条：形成之日起20个工作日'),
  dueProvisional: provisionalMarkSchema,
  overdue: z.boolean(),
  status,
  statusLabel: z.string(),
  publishedOn: z.string().nullable(),
  drafterUserId: z.string(),
  sectionHeadUserId: z.string().nullable(),
  leaderUserId: z.string().nullable(),
  secrecyReview: z
    .object({
      byUserId: z.string(),
      byLabel: z.string(),
      at: z.string(),
      conclusion: z.enum(SECRECY_CONCLUSIONS),
      conclusionLabel: z.string(),
      note: z.string().nullable(),
    })
    .nullable()
    .describe('保密审查记录：审查人、时间、结论'),
  steps: z.array(
    z.object({
      type: z.string(),
      byUserId: z.string(),
      byLabel: z.string(),
      at: z.string(),
      on: z.string(),
      reason: z.string().optional(),
      publishedOn: z.string().optional(),
      secrecyConclusion: z.string().optional(),
    }),
  ),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const disclosureListResponse = z.object({
  items: z.array(disclosureSchema),
  total: z.int(),
  limit: z.int(),
  offset: z.int(),
  today: z.string(),
});
