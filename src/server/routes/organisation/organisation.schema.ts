import { z } from 'zod';
import { pastEventDate } from '../../../core/iso-date-schema.ts';
import { AGENCY_KINDS } from '../../../core/organisation/agency.ts';
import { REGION_LEVELS } from '../../../core/organisation/region.ts';
import { nameText } from '../common.schema.ts';

export const regionSchema = z.object({
  id: z.string(),
  code: z.string().describe('行政区划代码，例如 640502'),
  name: z.string(),
  level: z.enum(REGION_LEVELS).describe('province 省级、city 市级、county 县级'),
  parentId: z.string().nullable(),
  closedOn: z.string().nullable().describe('撤销之日；未撤销为 null'),
});

export const agencySchema = z.object({
  id: z.string(),
  regionId: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS).describe('department 政府部门、government 人民政府（或其办公室）'),
  closedOn: z.string().nullable().describe('撤销（或并入其他机关）之日；未撤销为 null'),
  mergedInto: z.string().nullable().describe('撤销时并入的机关（合并后的机关）；未合并为 null'),
  formerNames: z
    .array(z.object({ name: z.string(), renamedOn: z.string().describe('改名之日（此前使用该名称）') }))
    .describe('曾用名（机构改革），按时间先后'),
});

export const listRegionsQuery = z.strictObject({
  parentId: z.string().min(1).max(100).optional().describe('上级行政区划；不填则列出最上级'),
  all: z
    .enum(['true', 'false'])
    .optional()
    .describe('true：一次列出全部行政区划（上级在前），此时不能同时填 parentId'),
  includeClosed: z
    .enum(['true', 'false'])
    .optional()
    .describe('与 all=true 一起使用：true 时也列出已撤销的行政区划'),
});

export const listAgenciesQuery = z.strictObject({
  regionId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('只列出该行政区划及其下级行政区划的机关；不填则列出全部'),
  includeClosed: z
    .enum(['true', 'false'])
    .optional()
    .describe('true：也列出已撤销（含已合并）的机关；默认只列出现有机关'),
});

export const createRegionBody = z.strictObject({
  code: z
    .string()
    .regex(/^[0-9A-Za-z]{2,20}$/, { error: '行政区划代码应为2至20位数字或字母' })
    .describe('行政区划代码'),
  name: nameText('行政区划名称', 100),
  level: z.enum(REGION_LEVELS, { error: '层级应为 province、city 或 county' }),
  parentId: z.string().min(1).max(100).nullable().optional(),
});

export const createAgencyBody = z.strictObject({
  regionId: z.string().min(1).max(100),
  name: nameText('机关名称', 100),
  kind: z.enum(AGENCY_KINDS, { error: '机关类别应为 department（政府部门）或 government（人民政府）' }),
});

export const regionListResponse = z.object({ items: z.array(regionSchema) });
export const agencyListResponse = z.object({ items: z.array(agencySchema) });

export const organisationIdParams = z.strictObject({ id: z.string().min(1).max(100) });

export const renameAgencyBody = z.strictObject({
  name: nameText('机关名称', 100),
  renamedOn: pastEventDate('改名日期').describe('启用新名称之日；此前发布的报告仍按原名称对应到本机关'),
});

export const closeBody = z.strictObject({
  closedOn: pastEventDate('撤销日期').describe('撤销之日；此前年度的统计仍包括'),
});

export const closeAgencyBody = closeBody.extend({
  mergedInto: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('合并至的机关 id（机构改革中并入的机关）：其历史中显示本机关已发布的年度报告'),
});

export const renameRegionBody = z.strictObject({ name: nameText('行政区划名称', 100) });
