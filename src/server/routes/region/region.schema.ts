import { z } from 'zod';
import { PUBLICATION_STATUSES } from '../../../core/region/report-deadline.ts';
import { FORMAT_VERSIONS } from '../../../core/report/format-2019.ts';
import { table2Of2019Schema } from '../../../core/report/schema.ts';
import { FIRST_WORK_YEAR, LAST_WORK_YEAR } from '../../../core/work-records/work-record-schemas.ts';
import { findingSchema, mergedReportSchema, scanSchema } from '../common.schema.ts';

const rate = z.object({
  value: z.number().nullable().describe('百分比，保留一位小数；分母为 0 或空白时为 null'),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});

export const ratesSchema = z.object({
  grantedShare: rate.describe('予以公开占办结总数的比例'),
  grantedAtLeastPartlyShare: rate.describe('予以公开与部分公开占办结总数的比例'),
  deniedShare: rate.describe('不予公开占办结总数的比例'),
  reviewCorrectionRate: rate.describe('行政复议纠错率（结果纠正 ÷ 已审结）'),
  litigationCorrectionRate: rate.describe('行政诉讼纠错率（结果纠正 ÷ 已审结）'),
});

const tables = z.object({
  table2: z.record(z.string(), z.unknown()),
  table3: z.record(z.string(), z.array(z.number().nullable())),
  table4: z.record(z.string(), z.array(z.number().nullable())),
});

const STATUSES = PUBLICATION_STATUSES;

export const regionYearParams = z.object({
  code: z.string().min(1).max(20).describe('行政区划代码'),
  year: z.coerce.number().int().min(FIRST_WORK_YEAR).max(LAST_WORK_YEAR).describe('报告年度'),
});

export const regionYearQuery = z.strictObject({
  status: z.enum(STATUSES).optional().describe('只列出该状态的机关：published、late、missing、not-due'),
});

export const regionOverviewResponse = z.object({
  region: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  year: z.number(),
  today: z.string().describe('判断是否逾期所用的“今天”（北京时间）'),
  counts: z.record(z.enum(STATUSES), z.number()).describe('各状态的机关数'),
  agencies: z.array(
    z.object({
      agency: z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        regionId: z.string(),
        merged: z
          .array(z.object({ id: z.string(), name: z.string(), closedOn: z.string() }))
          .describe('本年度并入该机关的机关（机构改革）：其本年度报告由该机关发布，不单独列出'),
      }),
      status: z
        .enum(STATUSES)
        .describe('published 已按时发布、late 逾期发布、missing 逾期未发布、not-due 未到期限'),
      deadline: z.string().describe('发布期限：次年1月31日；人民政府次年3月31日'),
      report: z
        .object({
          reportId: z.string(),
          version: z.number(),
          origin: z.enum(['assembled', 'imported']),
          publishedOn: z.string().nullable(),
          errorCount: z.number(),
          warningCount: z.number(),
          scan: scanSchema,
        })
        .nullable(),
      rates: ratesSchema.nullable(),
    }),
  ),
  totals: tables.extend({
    reports: z.number().describe('参与汇总的报告数（各机关最新发布的版本）'),
    incomplete: z.number().describe('有空白单元格的报告数（其空白格的合计为空）'),
  }),
  totalsFindings: z.array(findingSchema).describe('对地区合计表格的勾稽关系核查'),
  rates: ratesSchema,
});

export const historyParams = z.object({ code: z.string().min(1).max(20).describe('行政区划代码') });

export const historyQuery = z.strictObject({
  from: z.coerce.number().int().min(FIRST_WORK_YEAR).max(LAST_WORK_YEAR).describe('起始年度'),
  to: z.coerce.number().int().min(FIRST_WORK_YEAR).max(LAST_WORK_YEAR).describe('截止年度'),
});

export const historyResponse = z.object({
  region: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  years: z.array(
    z.object({
      year: z.number(),
      reports: z.number().describe('参与汇总的报告数'),
      newReceived: z.number().nullable().describe('本年新收政府信息公开申请数（地区合计）'),
      totalConcluded: z.number().nullable().describe('办结总数（地区合计）'),
      rates: ratesSchema,
      totalsErrors: z.number().describe('地区合计表格未通过的勾稽关系条数'),
      formatVersions: z
        .array(z.enum(FORMAT_VERSIONS))
        .describe(
          '当年参与汇总的报告所用格式：2021（国办公开办函〔2021〕30号）或 2019（国办公开办函〔2019〕60号）',
        ),
      table2Of2019: table2Of2019Schema
        .nullable()
        .describe(
          '2019年格式报告的表二合计（按该格式自己的行列，不折算为2021年格式）；当年没有此类报告时为 null',
        ),
    }),
  ),
});

export const reportParams = z.object({ reportId: z.string().min(1).max(100) });

export const reportDetailResponse = z.object({
  id: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  version: z.number(),
  status: z.string(),
  origin: z.enum(['assembled', 'imported']),
  publishedOn: z.string().nullable(),
  sourceFileName: z.string().nullable(),
  scan: scanSchema,
  correctionReason: z.string().nullable(),
  report: z.record(z.string(), z.unknown()).describe('gongkai-report/1 年度报告'),
  findings: z.array(findingSchema).describe('逐表、逐行、逐列的核查结果（含与上一年度报告的跨年度核对）'),
  summary: z.object({
    errors: z.number(),
    warnings: z.number(),
    infos: z.number(),
    notAssessable: z.number(),
  }),
  rates: ratesSchema,
  previous: z
    .object({ reportId: z.string(), year: z.number(), version: z.number() })
    .nullable()
    .describe('同一机关上一年度最新发布的报告'),
  similarity: z
    .array(
      z.object({
        section: z.enum(['overview', 'problems', 'other']),
        label: z.string(),
        similarity: z
          .number()
          .nullable()
          .describe('0（完全不同）至 1（文字相同）；文字过短无法判断时为 null'),
        copied: z.boolean().describe('相似度达到阈值，疑似照抄上一年度'),
      }),
    )
    .describe('各部分文字与上一年度报告的相似度（DOMAIN.md §B3）'),
  mergedReports: z
    .array(mergedReportSchema)
    .describe('并入本机关的机关（机构改革中合并）已发布的年度报告及其主要数字，新年度在前'),
});

export const agencyReportsResponse = z.object({
  agency: z.object({ id: z.string(), name: z.string(), kind: z.string(), regionId: z.string() }),
  versions: z.array(
    z.object({
      id: z.string(),
      year: z.number(),
      version: z.number(),
      status: z.string(),
      origin: z.enum(['assembled', 'imported']),
      publishedOn: z.string().nullable(),
      errorCount: z.number(),
      warningCount: z.number(),
      sourceFileName: z.string().nullable(),
      scan: scanSchema,
    }),
  ),
  mergedReports: z
    .array(mergedReportSchema)
    .describe('并入本机关的机关（机构改革中合并）已发布的年度报告及其主要数字，新年度在前'),
});
