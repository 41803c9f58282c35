import { z } from 'zod';
import { outcomeSchema } from '../../../core/applications/application.ts';
import { feeBasisSchema } from '../../../core/fees/fee-basis.ts';
import { isoDateSchema, withoutUnsafeCharacters } from '../common.schema.ts';

/**
 * POST …/applications/:id/letters. The body carries only what the application does not record: the
 * letter's kind and format, the free texts the officer writes (how to obtain the information,
 * reasons, points to correct …) and a few choices. Everything the application records — applicant,
 * description, receipt date, tracking number, outcome, event dates, due dates, amounts, the third
 * party's name — is read from the application, never from the body.
 */

export const LETTER_FORMATS = ['docx', 'pdf', 'html'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

const text = (max: number) => z.string().max(max, { error: `最多${max}字` });
const optionalText = (max: number) => text(max).optional();

const common = {
  format: z
    .enum(LETTER_FORMATS, { error: '文件格式应为 docx、pdf 或 html' })
    .describe('docx（Word）、pdf 或 html'),
  documentPrefix: withoutUnsafeCharacters(
    z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[^\s\\/:*?"<>|〔〕[\]]+$/u, { error: '发文机关代字不能含空格、〔〕或文件名不允许的字符' }),
    '发文机关代字',
  )
    .optional()
    .describe(
      '发文机关代字，用于文号“代字〔年份〕第序号号”。默认由机关名称推出：去掉地名的“省、市、区、县”等和机关名称末尾的“局、委员会、办公室”等（中卫市数据局 → 中卫数据）',
    ),
  date: isoDateSchema
    .optional()
    .describe(
      '文书日期；默认为文书所针对的办理步骤之日（答复、补正通知、延期告知、收费通知、征求意见、延迟答复决定之日），文号年份随文书日期',
    ),
};

const remedyBodies = z
  .strictObject({
    reconsiderationBody: optionalText(200).describe(
      '行政复议机关；默认按文书日期施行的《行政复议法》由机关所属区域推出：2024年1月1日起工作部门为本级人民政府（如“中卫市人民政府”），此前为“本级人民政府或者上一级主管部门”；人民政府为上一级人民政府；海关、税务等垂直管理机关为“上一级主管部门”',
    ),
    court: optionalText(200).describe('人民法院全称；默认“有管辖权的人民法院”'),
  })
  .optional()
  .describe('救济途径中写明的复议机关、人民法院');

const answerBody = z.strictObject({
  kind: z
    .literal('answer')
    .describe('政府信息公开申请答复书（办理结果取自案卷中的答复、撤回、逾期不补正或逾期未缴费记录）'),
  ...common,
  obtain: optionalText(2000).describe('获取信息的方式、途径（予以公开、部分公开时必填）'),
  reasons: z
    .partialRecord(outcomeSchema, text(2000))
    .optional()
    .describe('各办理结果的具体理由，键为本案的办理结果（如 denied.thirdParty）'),
  grantedBasis: z
    .enum(['already-public', 'disclosable'])
    .optional()
    .describe(
      '予以公开：already-public 已主动公开（第三十六条第一项），disclosable 可以公开（第二项，默认）',
    ),
  thirdPartyReply: z
    .enum(['objected', 'no-reply'])
    .optional()
    .describe('第三方意见：objected 不同意公开，no-reply 逾期未提出意见（须有征求第三方意见记录）'),
  notHeldBasis: z
    .enum(['not-found', 'not-responsible'])
    .optional()
    .describe(
      '无法提供：not-found 经检索没有（第三十六条第四项），not-responsible 不属于本机关负责公开（第五项）',
    ),
  responsibleAgency: z
    .strictObject({ name: text(200), contact: optionalText(200) })
    .optional()
    .describe('负责公开该信息的机关（第三十六条第五项）'),
  previousAnswer: z
    .strictObject({ on: isoDateSchema, documentNumber: optionalText(100) })
    .optional()
    .describe('重复申请：此前答复的日期和文号'),
  massiveReasonRequestedOn: isoDateSchema.optional().describe('第三十五条：要求申请人说明理由的日期'),
  petitionChannel: optionalText(500).describe('信访、投诉、举报的渠道'),
  remedyBodies,
});

const correctionBody = z.strictObject({
  kind: z.literal('correction').describe('补正申请告知书（补正通知取自案卷中最近一次“发出补正通知”）'),
  ...common,
  points: z
    .array(text(1000), { error: '请写明需要补正的事项（points，每项一句）' })
    .max(30)
    .describe('需要补正的事项，一次性告知（条例第三十条）'),
  workingDays: z.int().min(1).max(60).optional().describe('补正期限（工作日），默认15'),
  submitTo: optionalText(500).describe('提交补正材料的方式、地点'),
});

const extensionBody = z.strictObject({
  kind: z.literal('extension').describe('延期答复告知书（延长天数取自案卷，延期后的答复期限由期限引擎计算）'),
  ...common,
  reason: optionalText(500).describe('需要延期的原因'),
});

const feeBasis = feeBasisSchema
  .optional()
  .describe('计费依据（按量页数或按件件数）：收费记录已写明时可省略；写明时按记录的依据计算');

const feeBody = z.strictObject({
  kind: z.literal('fee').describe('收费通知书（金额取自案卷中的“发出收费通知”记录）'),
  ...common,
  feeBasis,
  payment: text(1000).describe('缴费方式（账户、窗口或网上渠道）'),
  remedyBodies,
});

const consultationBody = z.strictObject({
  kind: z
    .literal('consultation')
    .describe('征求第三方意见书（第三方名称取自案卷中最近一次征求第三方意见记录；不写申请人）'),
  ...common,
  thirdPartyOrganisation: z.boolean().optional().describe('第三方为单位时称“贵单位”，默认称“您”'),
  concern: optionalText(500).describe('涉及第三方的何种权益（商业秘密、个人隐私……）'),
  replyTo: optionalText(500).describe('书面意见的送达方式'),
});

const art35Body = z.strictObject({
  kind: z.literal('art35').describe('延迟答复告知书（延迟答复期限取自案卷中的第三十五条记录）'),
  ...common,
  reasonRequestedOn: isoDateSchema.optional().describe('要求申请人说明理由的日期'),
});

export const generateLetterBody = z.discriminatedUnion(
  'kind',
  [answerBody, correctionBody, extensionBody, feeBody, consultationBody, art35Body],
  { error: '文书种类应为 answer、correction、extension、fee、consultation、art35 之一' },
);
export type GenerateLetterBody = z.infer<typeof generateLetterBody>;

export const LETTER_MEDIA_TYPES: Record<LetterFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

const file = z.string().meta({ format: 'binary' });

/** The 200 response: the file itself, in the media type of the requested format. */
export const letterFileResponse = {
  description:
    '文书文件。Content-Disposition 为 attachment，文件名为“文号-文书名称.扩展名”（RFC 5987 编码，例如 中卫数据〔2025〕第0001号-答复书.docx）；含申请人个人信息，Cache-Control: no-store',
  content: {
    [LETTER_MEDIA_TYPES.docx]: { schema: file },
    'application/pdf': { schema: file },
    'text/html': { schema: file },
  },
};
