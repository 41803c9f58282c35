import { z } from 'zod';
import { DISCLOSURE_CHANNELS } from '../../../core/disclosures/disclosure.ts';
import type { RegionWorkTotals } from '../../../core/work-records/region-work-rows.ts';
import { WORK_RECORD_KINDS } from '../../../core/work-records/work-record-kinds.ts';
import {
  accountabilitySchema,
  channelYearSchema,
  evaluationSchema,
  figuresSchema,
  interpretationSchema,
  meetingSchema,
  proposalSchema,
  taskSchema,
  trainingSchema,
  workRecordBodySchema,
  workRecordBodyWith,
} from '../../../core/work-records/work-record-schemas.ts';
import { CHANNEL_KINDS } from '../../../core/work-records/work-records.ts';
import { resourceId } from '../common.schema.ts';

const year = z.coerce
  .number({ error: '年度应为整数' })
  .int({ error: '年度应为整数' })
  .min(2008, { error: '年度应在2008至2100年之间' })
  .max(2100, { error: '年度应在2008至2100年之间' });
const kind = z
  .enum(WORK_RECORD_KINDS, { error: `记录类别应为 ${WORK_RECORD_KINDS.join('、')} 之一` })
  .describe(
    'interpretation 政策解读、evaluation 政府开放日等公众参与活动、proposal 建议提案、training 培训、meeting 会议、' +
      'accountability 责任追究、channel 政务公开平台、figures 年度工作数据、task 工作要点任务',
  );
const expectedVersion = z
  .int({ error: 'expectedVersion 应为整数' })
  .min(1)
  .describe('读取时的 version；已被他人修改则返回 409');

export const workRecordParams = z.object({ agencyId: resourceId, id: resourceId });
export const agencyYearParams = z.object({ agencyId: resourceId, year: year.describe('年度') });

export const listWorkRecordsQuery = z.strictObject({
  kind: kind.optional(),
  year: year.optional().describe('只列出该年度的记录（平台记录不分年度，总是列出）'),
});

export const createWorkRecordBody = workRecordBodySchema;
export const updateWorkRecordBody = workRecordBodyWith({ expectedVersion });
export const deleteWorkRecordQuery = z.strictObject({
  expectedVersion: z.coerce
    .number({ error: 'expectedVersion 应为整数' })
    .int()
    .min(1)
    .describe('读取时的 version；已被他人修改则返回 409'),
});

export const workRecordSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  kind,
  kindLabel: z.string(),
  year: z.int().nullable().describe('所属年度；平台记录为 null'),
  data: z
    .record(z.string(), z.unknown())
    .describe('记录内容，与请求中的 data 相同（已去除首尾空白，省略的可空字段为 null）'),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const workRecordListResponse = z.object({ items: z.array(workRecordSchema) });

/** A channel of the year: the channel and its figures of the year (null when not entered). */
const channelOfYear = z.object({
  kind: z.enum(CHANNEL_KINDS),
  name: z.string(),
  openedOn: z.string().nullable(),
  filedWith: z.string().nullable(),
  filedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  figures: channelYearSchema.nullable(),
});

export const workRecordsOfYearSchema = z
  .object({
    year: z.int(),
    disclosures: z.object({
      proactivePublished: z.int().describe('当年发布的主动公开信息条数'),
      byCategory: z.array(z.object({ category: z.string(), count: z.int() })).describe('按类别，多者在前'),
      byChannel: z.array(z.object({ channel: z.enum(DISCLOSURE_CHANNELS), count: z.int() })),
      decidedOnRequest: z.int().describe('当年审批确定为依申请公开的信息条数'),
      decidedWithheld: z.int().describe('当年审批确定为不予公开的信息条数'),
    }),
    normativeDocumentsIssued: z.array(z.object({ id: z.string(), title: z.string(), issuedOn: z.string() })),
    interpretations: z.array(interpretationSchema),
    evaluations: z.array(evaluationSchema),
    proposals: z.array(proposalSchema),
    trainings: z.array(trainingSchema),
    meetings: z.array(meetingSchema),
    accountability: z.array(accountabilitySchema),
    channels: z.array(channelOfYear).describe('当年开通过的平台，figures 为当年数据（未录入为 null）'),
    figures: figuresSchema.nullable(),
    tasks: z.array(taskSchema),
  })
  .describe('机关某年度的工作记录及台账统计，年度报告第一、六部分据此起草');

export const regionYearParams = z.object({
  code: z.string().min(1).max(20).describe('行政区划代码'),
  year: year.describe('年度'),
});

export const regionWorkQuery = z.strictObject({
  noOpenDay: z
    .enum(['true'], { error: 'noOpenDay 只能为 true' })
    .optional()
    .describe('只看本年度未开展政府开放日的机关'),
  unpublishedResults: z
    .enum(['true'], { error: 'unpublishedResults 只能为 true' })
    .optional()
    .describe('只看建议提案办理结果未全部公开的机关'),
  limit: z.coerce
    .number({ error: 'limit 应为 1 至 500 的整数' })
    .int({ error: 'limit 应为 1 至 500 的整数' })
    .min(1, { error: 'limit 应为 1 至 500 的整数' })
    .max(500, { error: 'limit 应为 1 至 500 的整数' })
    .default(50)
    .describe('每页机关数（1–500，默认 50）'),
  offset: z.coerce
    .number({ error: 'offset 应为非负整数' })
    .int({ error: 'offset 应为非负整数' })
    .min(0, { error: 'offset 应为非负整数' })
    .max(10_000_000, { error: 'offset 过大' })
    .default(0),
});

const count = z.int();
/** core RegionWorkTotals (type-checked against it below). */
const regionWorkTotalsSchema = z.object({
  agencies: count,
  agenciesWithoutOpenDay: count,
  agenciesWithUnpublishedResults: count,
  agenciesWithUninterpretedDocuments: count,
  proactivePublished: count,
  openDays: count,
  participants: count,
  suggestionsReceived: count,
  suggestionsAdopted: count,
  proposals: count,
  proposalResultsPublished: count,
  proposalResultsUnpublished: count,
  normativeIssued: count,
  normativeInterpreted: count,
  interpretationCoveragePercent: z.number().nullable(),
  accountabilityCases: count,
  channelsUnfiled: count,
}) satisfies z.ZodType<RegionWorkTotals>;

export const regionWorkResponse = z.object({
  totals: regionWorkTotalsSchema.describe('全地区（所有机关，不受筛选和分页影响）的合计'),
  total: z.int().describe('符合筛选条件的机关数（所有页）'),
  limit: z.int(),
  offset: z.int(),
  agencies: z
    .array(z.object({ agencyId: z.string(), agencyName: z.string(), records: workRecordsOfYearSchema }))
    .describe('本页的机关及其工作记录，按机关名称排序'),
});
