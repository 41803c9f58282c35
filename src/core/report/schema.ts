import { z } from 'zod';
import {
  FORMAT_VERSION_LABELS,
  FORMAT_VERSIONS,
  TABLE2_2019_COLUMNS,
  TABLE2_2019_LABELS,
  TABLE2_2019_ROW_LABELS,
  type Table2Of2019Kind,
  type Table2Of2019RowKey,
} from './format-2019.ts';
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

const L19 = TABLE2_2019_LABELS;
const row2019 = <K extends Table2Of2019Kind>(kind: K) =>
  z
    .object(
      Object.fromEntries(TABLE2_2019_COLUMNS[kind].map((c) => [c, cellSchema])) as Record<
        (typeof TABLE2_2019_COLUMNS)[K][number],
        typeof cellSchema
      >,
    )
    .strict();
const described = <T extends z.ZodType>(schema: T, key: Table2Of2019RowKey, kind: Table2Of2019Kind): T =>
  schema.describe(
    `${TABLE2_2019_ROW_LABELS[key]}：${TABLE2_2019_COLUMNS[kind].map((c) => L19[c]).join(' / ')}`,
  );

/** Table 二 of the 2019 format (国办公开办函〔2019〕60号): its own rows and columns, see format-2019.ts. */
export const table2Of2019Schema = z
  .object({
    regulations: described(row2019('documents'), 'regulations', 'documents'),
    normativeDocuments: described(row2019('documents'), 'normativeDocuments', 'documents'),
    licensing: described(row2019('matters'), 'licensing', 'matters'),
    otherServices: described(row2019('matters'), 'otherServices', 'matters'),
    punishment: described(row2019('matters'), 'punishment', 'matters'),
    coercion: described(row2019('matters'), 'coercion', 'matters'),
    fees: described(row2019('fees'), 'fees', 'fees'),
    procurement: described(row2019('procurement'), 'procurement', 'procurement'),
  } satisfies Record<Table2Of2019RowKey, z.ZodType>)
  .strict();

/**
 * What only a report in the 2019 format has. Its table 二 replaces `table2` (whose cells are then all
 * null), and its table 三 prints （六）其他处理 as one row instead of `other.*` (then null).
 */
export const format2019Schema = z
  .object({
    table2: table2Of2019Schema,
    otherHandling: cells(7, '表三“（六）其他处理”行').describe(
      '表三（六）其他处理（2019年格式为一行），七列同表三',
    ),
  })
  .strict()
  .describe('仅 formatVersion 为 "2019" 的报告有此项');

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
    formatVersion: z
      .enum(FORMAT_VERSIONS, {
        error: `formatVersion 应为 ${FORMAT_VERSIONS.map((v) => `"${v}"（${FORMAT_VERSION_LABELS[v]}）`).join('或')}`,
      })
      .default('2021')
      .describe('报告所用格式：2021（国办公开办函〔2021〕30号，默认）或 2019（国办公开办函〔2019〕60号）'),
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
    /** Present exactly when formatVersion is "2019". */
    format2019: format2019Schema.optional(),
  })
  .strict()
  .superRefine((report, ctx) => {
    if (report.formatVersion === '2019' && !report.format2019) {
      ctx.addIssue({
        code: 'custom',
        path: ['format2019'],
        message: '2019年格式的报告应有 format2019（其表二和表三“（六）其他处理”行）',
      });
    }
    if (report.formatVersion === '2021' && report.format2019) {
      ctx.addIssue({ code: 'custom', path: ['format2019'], message: '2021年格式的报告不应有 format2019' });
    }
    if (report.formatVersion === '2019') {
      const t = report.table2;
      const cells2021 = [t.regulations, t.normativeDocuments].flatMap((s) => [
        s.issued,
        s.repealed,
        s.inForce,
      ]);
      cells2021.push(t.licensing, t.punishment, t.coercion, t.feesWanYuan);
      if (cells2021.some((c) => c !== null)) {
        ctx.addIssue({
          code: 'custom',
          path: ['table2'],
          message: '2019年格式的报告没有2021年格式的表二，table2 各项应为 null，数值填在 format2019.table2',
        });
      }
      const split = (['other.noCorrection', 'other.noFee', 'other.other'] as const).some((k) =>
        report.table3[k].some((c) => c !== null),
      );
      if (split) {
        ctx.addIssue({
          code: 'custom',
          path: ['table3'],
          message:
            '2019年格式的表三“（六）其他处理”只有一行，应填在 format2019.otherHandling，other.* 各行应为 null',
        });
      }
    }
  });

export type Cell = z.infer<typeof cellSchema>;
export type Report = z.infer<typeof reportSchema>;
export type Table2 = z.infer<typeof table2Schema>;
export type Table3 = z.infer<typeof table3Schema>;
export type Table4 = z.infer<typeof table4Schema>;
export type Table2Of2019 = z.infer<typeof table2Of2019Schema>;
export type Format2019 = z.infer<typeof format2019Schema>;
export type ExtraCell = z.infer<typeof extraCellSchema>;
export type ExtraRow = z.infer<typeof extraRowSchema>;
export type SourceRef = z.infer<typeof sourceRefSchema>;
