import { z } from 'zod';
import { NORMATIVE_KINDS } from '../../../core/table2-sources/normative-document.ts';
import { isoDateSchema, withoutUnsafeCharacters } from '../common.schema.ts';

const id = z.string().min(1).max(100);
export const documentParams = z.object({ agencyId: id, id });
export const yearParams = z.object({
  agencyId: id,
  year: z.coerce.number().int().min(2008).max(2100).describe('年度'),
});

const kind = z
  .enum(NORMATIVE_KINDS, { error: '文件类别应为 regulation（规章）或 normative（行政规范性文件）' })
  .describe('regulation 规章、normative 行政规范性文件');

export const issueDocumentBody = z.strictObject({
  kind,
  documentNumber: withoutUnsafeCharacters(z.string().max(200), '文号').describe('文号'),
  title: z.string().max(500),
  issuedOn: isoDateSchema.describe('制发日期'),
});

export const repealDocumentBody = z.strictObject({
  repealedOn: isoDateSchema.describe('废止日期'),
  expectedVersion: z.int().min(1),
});

export const listDocumentsQuery = z.object({
  kind: kind.optional(),
  inForceOn: isoDateSchema.optional().describe('只看该日现行有效的文件'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const documentSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  kind,
  kindLabel: z.string(),
  documentNumber: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  repealedOn: z.string().nullable(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const count = (label: string) =>
  z
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(1_000_000_000)
    .nullable()
    .describe(`${label}；null 表示未填写（不同于 0）`);

export const saveFiguresBody = z.strictObject({
  licensing: count('行政许可本年处理决定数量'),
  punishment: count('行政处罚本年处理决定数量'),
  coercion: count('行政强制本年处理决定数量'),
  feesWanYuan: z
    .string()
    .max(30)
    .nullable()
    .describe('行政事业性收费，单位万元，十进制字符串，最多4位小数（例如 "12.3456"）；null 表示未填写'),
  expectedVersion: z.int().min(1).nullable().describe('首次录入为 null；修改时为读取时的 version'),
});

export const figuresSchema = z.object({
  agencyId: z.string(),
  year: z.int(),
  entered: z.boolean().describe('是否已录入该年度数据'),
  licensing: z.int().nullable(),
  punishment: z.int().nullable(),
  coercion: z.int().nullable(),
  feesWanYuan: z.string().nullable().describe('万元，精确的十进制字符串'),
  version: z.int().nullable(),
  updatedAt: z.string().nullable(),
});

export const importFiguresResponse = z.object({
  created: z.int(),
  updated: z.int(),
  rows: z.array(
    z.object({ line: z.int(), agencyId: z.string(), year: z.int(), action: z.enum(['created', 'updated']) }),
  ),
});

const stock = z.object({
  issued: z.number().nullable(),
  repealed: z.number().nullable(),
  inForce: z.number().nullable(),
});
export const table2Response = z.object({
  agencyId: z.string(),
  year: z.int(),
  table2: z.object({
    regulations: stock,
    normativeDocuments: stock,
    licensing: z.number().nullable(),
    punishment: z.number().nullable(),
    coercion: z.number().nullable(),
    feesWanYuan: z.number().nullable(),
  }),
});
