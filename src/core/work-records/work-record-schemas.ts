import { z } from 'zod';
import { isIsoDate } from '../dates.ts';
import type { WorkRecordDataByKind } from './work-record-kinds.ts';
import {
  CHANNEL_KINDS,
  EVALUATION_KINDS,
  INTERPRETATION_FORM_LABELS,
  INTERPRETATION_FORMS,
  MEETING_KINDS,
  PROPOSAL_KINDS,
  PROPOSAL_ROLES,
  SUGGESTION_HANDLINGS,
  TRAINING_KINDS,
} from './work-records.ts';

/**
 * zod schemas of the work records (one per kind), with Chinese messages that name the field, and
 * the cross-field rules of each (a suggestion handled before it was received, …). The routes use
 * them as request schemas; validate-work-record.ts applies them to any input. Rules that need
 * "today" are in validate-work-record.ts.
 */

/** The 条例 took effect on 2008-05-01: no disclosure work is older. */
export const FIRST_WORK_YEAR = 2008;
export const LAST_WORK_YEAR = 2100;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过${max}个字符` })
    .describe(label);

const optionalText = (label: string, max: number) => text(label, max).nullable().default(null);

const date = (label: string) =>
  z
    .string({ error: `${label}应为日期，格式 YYYY-MM-DD` })
    .refine(isIsoDate, { error: `${label}应为真实存在的日期，格式 YYYY-MM-DD（例如 2025-01-20）` })
    .describe(`${label}（YYYY-MM-DD）`);

const optionalDate = (label: string) => date(label).nullable().default(null);

const count = (label: string) =>
  z
    .int({ error: `${label}应为整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(100_000_000, { error: `${label}过大` })
    .describe(label);

/** A count the officer may not know (an open day's participants, say): null = not recorded. */
const optionalCount = (label: string) => count(label).nullable().default(null);

export const workYearSchema = (label = '年度') =>
  z
    .int({ error: `${label}应为整数` })
    .min(FIRST_WORK_YEAR, { error: `${label}应在${FIRST_WORK_YEAR}至${LAST_WORK_YEAR}年之间` })
    .max(LAST_WORK_YEAR, { error: `${label}应在${FIRST_WORK_YEAR}至${LAST_WORK_YEAR}年之间` })
    .describe(label);

const oneOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `${label}应为 ${values.join('、')} 之一` }).describe(label);

const flag = (label: string) => z.boolean({ error: `${label}应为 true 或 false` }).describe(label);

const id = (label: string) =>
  z
    .string({ error: `${label}应为文字` })
    .min(1, { error: `${label}不能为空` })
    .max(100, { error: `${label}过长` })
    .nullable()
    .default(null)
    .describe(label);

export const interpretationSchema = z
  .strictObject({
    documentTitle: text('所解读文件的标题', 500),
    normativeDocumentId: id('所解读的规范性文件（规范性文件台账中的编号）'),
    disclosureId: id('所解读的主动公开信息（主动公开台账中的编号）'),
    forms: z
      .array(oneOf(INTERPRETATION_FORMS, '解读形式'), { error: '解读形式应为列表' })
      .min(1, { error: '解读形式不能为空：至少选择一种' })
      .max(INTERPRETATION_FORMS.length, { error: '解读形式有重复' }),
    publishedOn: date('解读发布日期'),
    byDraftingOffice: flag('是否由起草部门解读（谁起草、谁解读）'),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.forms.forEach((form, i) => {
      if (seen.has(form)) {
        ctx.addIssue({
          code: 'custom',
          path: ['forms', i],
          message: `解读形式“${INTERPRETATION_FORM_LABELS[form]}”重复`,
        });
      }
      seen.add(form);
    });
  });

export const suggestionSchema = z
  .strictObject({
    content: text('意见建议内容', 2000),
    receivedOn: date('意见建议收到日期'),
    handling: oneOf(SUGGESTION_HANDLINGS, '意见建议办理情况'),
    handledOn: optionalDate('意见建议办理日期'),
  })
  .superRefine((v, ctx) => {
    if (v.handling === 'pending' && v.handledOn !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['handledOn'],
        message: '意见建议仍在办理中，不应填写办理日期',
      });
    } else if (v.handling !== 'pending' && v.handledOn === null) {
      ctx.addIssue({ code: 'custom', path: ['handledOn'], message: '意见建议已办理，应填写办理日期' });
    } else if (v.handledOn !== null && v.handledOn < v.receivedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['handledOn'],
        message: `意见建议的办理日期 ${v.handledOn} 早于收到日期 ${v.receivedOn}`,
      });
    }
  });

export const evaluationSchema = z
  .strictObject({
    kind: oneOf(EVALUATION_KINDS, '活动类型'),
    theme: text('活动主题', 500),
    heldOn: date('活动日期'),
    endsOn: optionalDate('活动结束日期'),
    participants: optionalCount('参加人数'),
    formsHandedOut: optionalCount('发放征求意见表份数'),
    suggestions: z
      .array(suggestionSchema, { error: '意见建议应为列表' })
      .max(2000, { error: '意见建议不能超过2000条' })
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn !== null && v.endsOn < v.heldOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: `活动结束日期 ${v.endsOn} 早于开始日期 ${v.heldOn}`,
      });
    }
  });

export const proposalSchema = z
  .strictObject({
    kind: oneOf(PROPOSAL_KINDS, '建议提案类型'),
    role: oneOf(PROPOSAL_ROLES, '主办或协办'),
    number: text('建议提案编号', 100),
    title: text('建议提案标题', 500),
    year: workYearSchema('建议提案年度'),
    receivedOn: date('建议提案收到日期'),
    concludedOn: optionalDate('办结日期'),
    satisfactionPercent: z
      .number({ error: '满意度应为数字（百分比）' })
      .min(0, { error: '满意度应在0至100之间' })
      .max(100, { error: '满意度应在0至100之间' })
      .nullable()
      .default(null)
      .describe('满意度测评（百分比，0–100）'),
    resultPublishedOn: optionalDate('办理结果公开日期'),
  })
  .superRefine((v, ctx) => {
    if (v.concludedOn !== null && v.concludedOn < v.receivedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['concludedOn'],
        message: `办结日期 ${v.concludedOn} 早于收到日期 ${v.receivedOn}`,
      });
    }
    if (v.resultPublishedOn !== null) {
      if (v.resultPublishedOn < v.receivedOn) {
        ctx.addIssue({
          code: 'custom',
          path: ['resultPublishedOn'],
          message: `办理结果公开日期 ${v.resultPublishedOn} 早于收到日期 ${v.receivedOn}`,
        });
      } else if (v.concludedOn === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['resultPublishedOn'],
          message: '尚未办结的建议提案不能填写办理结果公开日期',
        });
      } else if (v.resultPublishedOn < v.concludedOn) {
        ctx.addIssue({
          code: 'custom',
          path: ['resultPublishedOn'],
          message: `办理结果公开日期 ${v.resultPublishedOn} 早于办结日期 ${v.concludedOn}`,
        });
      }
    }
    if (v.satisfactionPercent !== null && v.concludedOn === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['satisfactionPercent'],
        message: '尚未办结的建议提案不能填写满意度',
      });
    }
  });

export const trainingSchema = z.strictObject({
  kind: oneOf(TRAINING_KINDS, '培训类型'),
  title: text('培训名称', 500),
  heldOn: date('培训日期'),
  participants: optionalCount('参训人数'),
});

export const meetingSchema = z.strictObject({
  kind: oneOf(MEETING_KINDS, '会议类型'),
  heldOn: date('会议日期'),
  topic: text('会议议题', 1000),
});

export const accountabilitySchema = z.strictObject({
  decidedOn: date('责任追究决定日期'),
  description: text('责任追究情况', 5000),
});

export const channelYearSchema = z.strictObject({
  year: workYearSchema('平台数据年度'),
  posts: count('年度发布信息条数'),
  followers: count('年末关注（订阅）人数').nullable().default(null),
});

export const channelSchema = z
  .strictObject({
    kind: oneOf(CHANNEL_KINDS, '平台类型'),
    name: text('平台名称', 200),
    openedOn: optionalDate('开通日期'),
    filedWith: optionalText('备案单位', 200),
    filedOn: optionalDate('备案日期'),
    closedOn: optionalDate('关停（注销）日期'),
    years: z
      .array(channelYearSchema, { error: '年度数据应为列表' })
      .max(200, { error: '年度数据过多' })
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.filedOn !== null && v.filedWith === null) {
      ctx.addIssue({ code: 'custom', path: ['filedWith'], message: '填写了备案日期，应同时填写备案单位' });
    }
    if (v.openedOn !== null && v.closedOn !== null && v.closedOn < v.openedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['closedOn'],
        message: `关停（注销）日期 ${v.closedOn} 早于开通日期 ${v.openedOn}`,
      });
    }
    const seen = new Set<number>();
    v.years.forEach((y, i) => {
      if (seen.has(y.year)) {
        ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `${y.year}年的数据重复` });
      }
      seen.add(y.year);
      const opened = v.openedOn === null ? null : Number(v.openedOn.slice(0, 4));
      const closed = v.closedOn === null ? null : Number(v.closedOn.slice(0, 4));
      if ((opened !== null && y.year < opened) || (closed !== null && y.year > closed)) {
        ctx.addIssue({
          code: 'custom',
          path: ['years', i, 'year'],
          message: `${y.year}年不在平台开通至关停的期间内`,
        });
      }
    });
  });

export const figuresSchema = z.strictObject({
  year: workYearSchema('年度'),
  inAnnualAssessment: flag('政务公开是否纳入年度考核'),
  workGroupsCleaned: optionalCount('清理整合工作群数量'),
  processingFeesYuan: z
    .number({ error: '信息处理费应为金额（元）' })
    .min(0, { error: '信息处理费不能为负数' })
    .max(100_000_000, { error: '信息处理费过大' })
    .refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
      error: '信息处理费最多保留两位小数（元）',
    })
    .nullable()
    .default(null)
    .describe('本年收取的信息处理费（元）；不填表示未登记'),
  workPlanTitle: optionalText('年度政务公开工作要点标题', 500),
});

export const taskSchema = z.strictObject({
  year: workYearSchema('工作要点年度'),
  position: z
    .int({ error: '任务序号应为整数' })
    .min(1, { error: '任务序号应从1开始' })
    .max(1000, { error: '任务序号过大' })
    .describe('任务在工作要点中的序号'),
  title: text('任务名称', 1000),
  implementation: z
    .string({ error: '落实情况应为文字' })
    .trim()
    .max(20_000, { error: '落实情况不能超过20000个字符' })
    .describe('落实情况'),
});

const recordYear = workYearSchema('记录年度')
  .nullable()
  .optional()
  .describe('记录所属年度：可不填，由记录的日期（或其年度字段）确定；填写时须与之一致；平台记录不填');

/**
 * A record as sent to the API, discriminated by kind: `{ kind, year?, data }` and the fields of
 * `extra` (e.g. the version an update expects).
 */
export function workRecordBodyWith<E extends z.core.$ZodLooseShape>(extra: E) {
  const body = <K extends string, S extends z.ZodType>(kind: K, data: S) =>
    z.strictObject({ kind: z.literal(kind), year: recordYear, data, ...extra });
  return z.discriminatedUnion(
    'kind',
    [
      body('interpretation', interpretationSchema),
      body('evaluation', evaluationSchema),
      body('proposal', proposalSchema),
      body('training', trainingSchema),
      body('meeting', meetingSchema),
      body('accountability', accountabilitySchema),
      body('channel', channelSchema),
      body('figures', figuresSchema),
      body('task', taskSchema),
    ],
    {
      error:
        '记录类别应为 interpretation、evaluation、proposal、training、meeting、accountability、channel、figures、task 之一',
    },
  );
}

/** A record as sent to the API: its kind, optionally its year, and its data. */
export const workRecordBodySchema = workRecordBodyWith({});
export type WorkRecordBody = z.input<typeof workRecordBodySchema>;

/** The schemas' output is the shapes of work-records.ts (checked by the compiler). */
type Shapes<T extends WorkRecordDataByKind> = T;
export type SchemaOutputs = Shapes<{
  interpretation: z.output<typeof interpretationSchema>;
  evaluation: z.output<typeof evaluationSchema>;
  proposal: z.output<typeof proposalSchema>;
  training: z.output<typeof trainingSchema>;
  meeting: z.output<typeof meetingSchema>;
  accountability: z.output<typeof accountabilitySchema>;
  channel: z.output<typeof channelSchema>;
  figures: z.output<typeof figuresSchema>;
  task: z.output<typeof taskSchema>;
}>;
