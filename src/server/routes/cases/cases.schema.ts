import { z } from 'zod';
import { CASE_KINDS, CASE_RESULTS } from '../../../core/cases/case.ts';
import { pastEventDate, resourceId, withoutUnsafeCharacters } from '../common.schema.ts';

export const caseParams = z.object({ agencyId: resourceId, id: resourceId });
export const yearParams = z.object({
  agencyId: resourceId,
  year: z.coerce.number().int().min(2008).max(2100),
});

const kind = z
  .enum(CASE_KINDS, { error: '案件类型应为 review、litigationDirect、litigationAfterReview 之一' })
  .describe('review 行政复议、litigationDirect 未经复议直接起诉、litigationAfterReview 复议后起诉');
const result = z
  .enum(CASE_RESULTS, { error: '审结结果应为 upheld、corrected、other 之一' })
  .describe('upheld 结果维持、corrected 结果纠正、other 其他结果');

export const fileCaseBody = z.strictObject({
  kind,
  filedOn: pastEventDate('立案（申请）日期').describe('申请复议或起诉之日'),
  caseNumber: withoutUnsafeCharacters(z.string().max(200).nullable(), '案号').optional().describe('案号'),
  applicationId: resourceId.nullable().optional().describe('所涉政府信息公开申请（本机关的）'),
});

export const decideCaseBody = z.strictObject({
  result,
  decidedOn: pastEventDate('审结日期').describe('复议决定或判决、裁定之日'),
  expectedVersion: z.int().min(1),
});

export const listCasesQuery = z.object({
  kind: kind.optional(),
  open: z.enum(['true', 'false']).optional().describe('true 只看尚未审结，false 只看已审结'),
  year: z.coerce.number().int().min(2008).max(2100).optional().describe('立案（申请）年度'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const caseSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  applicationId: z.string().nullable(),
  kind,
  kindLabel: z.string(),
  caseNumber: z.string().nullable(),
  filedOn: z.string(),
  result: result.nullable(),
  resultLabel: z.string().describe('维持、纠正、其他或尚未审结'),
  decidedOn: z.string().nullable(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const table4Response = z.object({
  agencyId: z.string(),
  year: z.int(),
  table4: z.object({
    review: z.array(z.number().nullable()),
    litigationDirect: z.array(z.number().nullable()),
    litigationAfterReview: z.array(z.number().nullable()),
  }),
});
