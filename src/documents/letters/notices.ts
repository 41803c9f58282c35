import type { ProvisionalMark } from '../../core/calendar/provisional-mark.ts';
import type { IsoDate } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import type { FeeBand, FeeResult } from '../../core/fees/fee-result.ts';
import {
  type ApplicantLetterBase,
  assemble,
  frame,
  type Letter,
  type LetterBase,
  youOf,
} from './letter-frame.ts';
import {
  dateField,
  itemMark,
  optionalText,
  provisionalClause,
  type RemedyBodies,
  remediesParagraph,
  textField,
  yuanInWords,
  zhDate,
} from './letter-text.ts';

/** The notices sent while an application is handled: 补正, extension, fee, consultation, art. 35. */

export interface CorrectionLetterInput extends ApplicantLetterBase {
  /** What to correct, all at once (art. 30: notify once). */
  points: string[];
  /** The reasonable period (art. 30 fixes no number); default 15 working days, stated in the letter. */
  workingDays?: number;
  /** The last day, when the caller computed it from the day the applicant receives the notice. */
  dueOn?: IsoDate;
  /** Where and how to hand in the corrected application. */
  submitTo?: string;
}

export interface ExtensionLetterInput extends ApplicantLetterBase {
  /** 1–20 working days (art. 33 ¶2). */
  days: number;
  /** The answer deadline after the extension. */
  newDueOn: IsoDate;
  /** Set when newDueOn was counted through a year without an entered holiday arrangement. */
  newDueProvisional?: ProvisionalMark | null;
  /** Why the 20 working days do not suffice. */
  reason?: string;
}

export interface FeeLetterInput extends ApplicantLetterBase {
  /** As feeForApplications / feeForPages computed it; printed band by band. */
  fee: FeeResult;
  /** How to pay (account, counter, online channel): 109号 requires it in the notice. */
  payment: string;
  /** Last payment day, when the caller computed it (receipt of the notice + 20 working days). */
  dueOn?: IsoDate;
  /** Set when dueOn was counted through a year without an entered holiday arrangement. */
  dueProvisional?: ProvisionalMark | null;
  remedyBodies?: RemedyBodies;
}

/** Goes to the third party: the applicant is never named in it. */
export interface ConsultationLetterInput extends LetterBase {
  thirdParty: { name: string; organisation?: boolean };
  /** Which of the third party's interests the information touches (trade secret, privacy …). */
  concern?: string;
  /** Last day for the reply, when the caller computed it (receipt of the letter + 15 working days). */
  dueOn?: IsoDate;
  /** Set when dueOn was counted through a year without an entered holiday arrangement. */
  dueProvisional?: ProvisionalMark | null;
  /** Where to send the written opinion. */
  replyTo?: string;
}

export interface Art35LetterInput extends ApplicantLetterBase {
  /** The reasonable delayed deadline fixed under art. 35. */
  dueOn: IsoDate;
  /** When the applicant was asked for reasons. */
  reasonRequestedOn?: IsoDate;
}

/** Art. 30 asks for "a reasonable period" and fixes no number; gongkai's default, stated in the letter. */
export const DEFAULT_CORRECTION_WORKING_DAYS = 15;
/** 109号: payment within 20 working days from the day after the notice is received. */
export const FEE_PAYMENT_WORKING_DAYS = 20;
/** Art. 32: the third party answers within 15 working days of receiving the letter. */
export const CONSULTATION_WORKING_DAYS = 15;

/**
 * "（即2025年3月24日前，含当日）" when the caller computed the last day, "" otherwise; with the 暂定
 * clause when the day was counted through a year without an entered holiday arrangement.
 */
function lastDay(due: IsoDate | undefined, field: string, mark?: ProvisionalMark | null): string {
  return due === undefined
    ? ''
    : `（即${zhDate(dateField(due, field))}前，含当日${provisionalClause(mark)}）`;
}

function notBefore(date: IsoDate, letterDate: IsoDate, field: string, what: string): IsoDate {
  const d = dateField(date, field);
  if (d < dateField(letterDate, 'date')) {
    throw new AppError('INVALID_INPUT', `${what}不能早于文书日期`, { field });
  }
  return d;
}

const applicant = (input: { applicantName: string }) =>
  textField(input.applicantName, 'applicantName', '申请人姓名或名称');

export function correctionLetter(input: CorrectionLetterInput): Letter {
  const f = frame(input, youOf(input.applicantType));
  const { you, citations } = f;
  const points = (input.points ?? []).map((p) => optionalText(p)).filter((p) => p !== undefined);
  if (points.length === 0) {
    throw new AppError('INVALID_INPUT', '请写明需要补正的事项（points）', { field: 'points' });
  }
  const n = input.workingDays ?? DEFAULT_CORRECTION_WORKING_DAYS;
  if (!Number.isSafeInteger(n) || n < 1 || n > 60) {
    throw new AppError('INVALID_INPUT', `补正期限“${n}”无效：应为1至60个工作日`, { field: 'workingDays' });
  }
  if (input.dueOn !== undefined) notBefore(input.dueOn, input.date, 'dueOn', '补正截止日期');
  const submit = optionalText(input.submitTo);
  return assemble(
    'correction',
    input,
    applicant(input),
    [
      `${f.opening}。经审查，${you}的申请内容不明确，本机关无法据此确定${you}所申请公开的政府信息。根据${citations.cite(['第二十九条第二款', '第三十条'])}的规定，现一次性告知${you}对以下事项作出补正：`,
      ...points.map((p, i) => `${itemMark(i)}${p}。`),
      `请${you}自收到本告知书之日起${n}个工作日内${lastDay(input.dueOn, 'dueOn')}提交补正后的申请${submit ? `（提交方式：${submit}）` : ''}。答复期限自本机关收到补正后的申请之日起计算。`,
      `${you}无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
      '特此告知。',
    ],
    citations,
    null,
  );
}

export function extensionLetter(input: ExtensionLetterInput): Letter {
  const f = frame(input, youOf(input.applicantType));
  const { citations } = f;
  if (!Number.isSafeInteger(input.days) || input.days < 1 || input.days > 20) {
    throw new AppError(
      'INVALID_INPUT',
      `延长的期限“${input.days}”无效：应为1至20个工作日（条例第三十三条第二款）`,
      {
        field: 'days',
      },
    );
  }
  const due = zhDate(notBefore(input.newDueOn, input.date, 'newDueOn', '延期后的答复期限'));
  const reason = optionalText(input.reason);
  return assemble(
    'extension',
    input,
    applicant(input),
    [
      `${f.opening}。`,
      `${reason ? `因${reason}，` : ''}本机关无法在法定期限内作出答复。根据${citations.cite(['第三十三条第二款'])}的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${input.days}个工作日，本机关将于${due}前（含当日${provisionalClause(input.newDueProvisional)}）作出答复。`,
      '特此告知。',
    ],
    citations,
    null,
  );
}

/** One band as the notice prints it, from the figures the fee engine gave. */
function bandText(fee: FeeResult, b: FeeBand): string {
  const unit = fee.method === 'per-page' ? '页' : '件';
  const which =
    fee.method === 'per-application'
      ? `本次申请为当月第${b.from}${b.to > b.from ? `—${b.to}` : ''}件，共${b.count}件`
      : `共${b.count}页`;
  const price = b.rateYuan === 0 ? '免收' : `每${unit}${b.rateYuan}元，计${b.amountYuan}元`;
  return `${b.label}：${which}，${price}。`;
}

export function feeLetter(input: FeeLetterInput): Letter {
  const f = frame(input, youOf(input.applicantType));
  const { you, citations } = f;
  const fee = input.fee;
  const sum = fee.bands.reduce((s, b) => s + b.amountYuan, 0);
  if (fee.bands.length === 0 || fee.totalYuan <= 0 || sum !== fee.totalYuan) {
    throw new AppError('INVALID_INPUT', '收费金额应大于零且等于各分段金额之和（请使用信息处理费计算结果）', {
      field: 'fee',
    });
  }
  const payment = textField(input.payment, 'payment', '缴费方式（payment）');
  if (input.dueOn !== undefined) notBefore(input.dueOn, input.date, 'dueOn', '缴费截止日期');
  const method =
    fee.method === 'per-application'
      ? '按件计收，按同一申请人一个自然月内累计申请的件数超额累进计算'
      : '按量计收，按提供信息的页数超额累进计算';
  return assemble(
    'fee',
    input,
    applicant(input),
    [
      `${f.opening}。经审查，${you}申请公开政府信息的数量、频次明显超过合理范围。根据${citations.cite(['第四十二条'], true)}的规定，本机关依法收取信息处理费。现将有关事项通知如下：`,
      `一、计收方式：${method}。`,
      '二、收费标准和金额：',
      ...fee.bands.map((b) => bandText(fee, b)),
      `合计：人民币${fee.totalYuan}元（大写：${yuanInWords(fee.totalYuan)}）。`,
      `三、缴纳期限和方式：请${you}自收到本通知书之次日起${FEE_PAYMENT_WORKING_DAYS}个工作日内${lastDay(input.dueOn, 'dueOn', input.dueProvisional)}缴纳，缴纳方式：${payment}。信息处理费按照行政事业性收费缴入国库，本机关出具财政票据。`,
      `${you}逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
      '特此通知。',
    ],
    citations,
    remediesParagraph('本通知', input.remedyBodies),
  );
}

/** To the third party (art. 32). The applicant is not named: the third party learns only what is asked. */
export function consultationLetter(input: ConsultationLetterInput): Letter {
  const party = input.thirdParty;
  const you = party?.organisation ? '贵单位' : '您';
  const f = frame(input, you);
  const { citations } = f;
  const concern = optionalText(input.concern);
  if (input.dueOn !== undefined) notBefore(input.dueOn, input.date, 'dueOn', '提出意见的截止日期');
  const replyTo = optionalText(input.replyTo);
  return assemble(
    'consultation',
    input,
    textField(party?.name, 'thirdParty.name', '第三方姓名或名称'),
    [
      `本机关于${f.received}收到一份政府信息公开申请，申请公开“${f.what}”。经审查，该政府信息${concern ? `涉及${you}的${concern}` : `可能涉及${you}的商业秘密、个人隐私等合法权益`}，公开可能会损害${you}的合法权益。根据${citations.cite(['第三十二条'])}的规定，现书面征求${you}的意见。`,
      `请${you}自收到本征求意见书之日起${CONSULTATION_WORKING_DAYS}个工作日内${lastDay(input.dueOn, 'dueOn', input.dueProvisional)}，以书面形式向本机关提出是否同意公开的意见；不同意公开的，请说明理由${replyTo ? `（书面意见送达方式：${replyTo}）` : ''}。`,
      `${you}逾期未提出意见的，由本机关依照${citations.regulation()}的规定决定是否公开。${you}不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知${you}。`,
    ],
    citations,
    null,
  );
}

export function art35Letter(input: Art35LetterInput): Letter {
  const f = frame(input, youOf(input.applicantType));
  const { you, citations } = f;
  const due = zhDate(notBefore(input.dueOn, input.date, 'dueOn', '延迟答复的期限'));
  const asked = input.reasonRequestedOn
    ? `已于${zhDate(dateField(input.reasonRequestedOn, 'reasonRequestedOn'))}`
    : '已';
  return assemble(
    'art35',
    input,
    applicant(input),
    [
      `${f.opening}。`,
      `${you}申请公开政府信息的数量、频次明显超过合理范围，本机关${asked}要求${you}说明理由。经审查，本机关认为${you}的申请理由合理，但是无法在${citations.cite(['第三十三条'])}规定的期限内答复。根据${citations.cite(['第三十五条'])}的规定，本机关确定延迟答复的合理期限，将于${due}前（含当日）作出答复。`,
      '特此告知。',
    ],
    citations,
    null,
  );
}
