import { z } from 'zod';
import { TABLE3_ROW_KEYS, TABLE4_GROUP_KEYS, type Table3RowKey } from './labels.ts';

/**
 * `gongkai-report/1`: the one JSON shape of an annual report (DESIGN.md). What parse prints, what
 * the API returns, what render takes and what the store keeps.
 *
 * A cell is a number or `null`. `null` means the document left the cell blank or printed "/", "-"
 * or "—": it is never the same as 0, and the validator says so (T2-01, T3-04, T4-04). The schema
 * accepts any finite number so that the validator, not the parser, reports a negative or
 * fractional count precisely (T3-04).
 */
export const REPORT_SCHEMA_ID = 'gongkai-report/1';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });

export const cellSchema = z.number().finite().nullable();

function cells(count: number, what: string) {
  return z.array(cellSchema).length(count, { error: `${what}应恰好有 ${count} 个数值（空白用 null）` });
}

const stockSchema = z
  .object({ issued: cellSchema, repealed: cellSchema, inForce: cellSchema })
  .strict()
  .describe('本年制发件数 / 本年废止件数 / 现行有效件数');

export const table2Schema = z
  .object({
    regulations: stockSchema.describe('规章'),
    normativeDocuments: stockSchema.describe('行政规范性文件'),
    licensing: cellSchema.describe('行政许可 本年处理决定数量'),
    punishment: cellSchema.describe('行政处罚 本年处理决定数量'),
    coercion: cellSchema.describe('行政强制 本年处理决定数量'),
    feesWanYuan: cellSchema.describe('行政事业性收费 本年收费金额（单位：万元）'),
  })
  .strict();

const table3Shape = Object.fromEntries(
  TABLE3_ROW_KEYS.map((key) => [key, cells(7, `表三“${key}”行`)]),
) as Record<Table3RowKey, ReturnType<typeof cells>>;

export const table3Schema = z
  .object(table3Shape)
  .strict()
  .describe('[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计] for each row');

export const table4Schema = z
  .object(
    Object.fromEntries(TABLE4_GROUP_KEYS.map((key) => [key, cells(5, `表四“${key}”组`)])) as Record<
      (typeof TABLE4_GROUP_KEYS)[number],
      ReturnType<typeof cells>
    >,
  )
  .strict()
  .describe('[结果维持, 结果纠正, 其他结果, 尚未审结, 总计] for each group');

export const sourceRefSchema = z
  .object({
    page: z.number().int().positive().optional(),
    line: z.number().int().positive().optional(),
    text: z.string().optional(),
  })
  .strict()
  .describe('Where in the source document something was read: page, line, the text itself');

const tableIdSchema = z.enum(['table2', 'table3', 'table4']);

/** A cell the document prints that the format has no place for (an extra column). */
export const extraCellSchema = z
  .object({
    table: tableIdSchema,
    /** Row key (table 三) or printed row label; null for table 四's single data row. */
    row: z.string().nullable(),
    /** 1-based position of the cell among the row's numeric cells as printed (8 = one past 7). */
    position: z.number().int().positive(),
    value: cellSchema,
    /** The column's printed caption when the document names it (e.g. "法人小计"). */
    label: z.string().optional(),
    source: sourceRefSchema.optional(),
  })
  .strict();

/** A row the format does not have: a subtotal row for （三）–（六）, or a row that merges several. */
export const extraRowSchema = z
  .object({
    table: tableIdSchema,
    label: z.string(),
    values: z.array(cellSchema),
    /** When the row is a subtotal of an outcome group, which one (rule T3-06). */
    subtotalOf: z.enum(['denied', 'unable', 'notProcessed', 'other']).optional(),
    source: sourceRefSchema.optional(),
  })
  .strict();

export const reportSchema = z
  .object({
    schema: z.literal(REPORT_SCHEMA_ID, { error: `schema 字段应为 "${REPORT_SCHEMA_ID}"` }),
    formatVersion: z.literal('2021', { error: 'formatVersion 应为 "2021"（国办公开办函〔2021〕30号格式）' }),
    agency: z.string().min(1, { error: '机关名称（agency）不能为空' }),
    year: z.number().int().min(2008).max(2100),
    publishedOn: isoDate.nullable(),
    /** The statistical period the report states, when it states one (rule S-02). */
    period: z.object({ start: isoDate, end: isoDate }).strict().nullable().optional(),
    title: z.string().optional(),
    sections: z
      .object({
        overview: z.string().describe('一、总体情况'),
        problems: z.string().describe('五、存在的主要问题及改进情况'),
        other: z.string().describe('六、其他需要报告的事项'),
      })
      .strict(),
    table2: table2Schema,
    table3: table3Schema,
    table4: table4Schema,
    extras: z
      .object({ cells: z.array(extraCellSchema).default([]), rows: z.array(extraRowSchema).default([]) })
      .strict()
      .optional(),
    /**
     * For a report read from a document: where each table row was printed, keyed by row path
     * ("table2.licensing", "table2.regulations", "table3.granted", "table4.review") and "title".
     */
    provenance: z.record(z.string(), sourceRefSchema).optional(),
  })
  .strict();

export type Cell = z.infer<typeof cellSchema>;
export type Report = z.infer<typeof reportSchema>;
export type Table2 = z.infer<typeof table2Schema>;
export type Table3 = z.infer<typeof table3Schema>;
export type Table4 = z.infer<typeof table4Schema>;
export type ExtraCell = z.infer<typeof extraCellSchema>;
export type ExtraRow = z.infer<typeof extraRowSchema>;
export type SourceRef = z.infer<typeof sourceRefSchema>;
