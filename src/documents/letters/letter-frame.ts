import type { ApplicantType } from '../../core/applications/application.ts';
import { type IsoDate, yearOf } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import { Citations, dateField, documentNumber, textField, zhDate } from './letter-text.ts';

export type LetterKind = 'answer' | 'correction' | 'extension' | 'fee' | 'consultation' | 'art35';

/** What a renderer prints, in order: title, number, "addressee：", paragraphs, remedies, signature, date. */
export interface Letter {
  title: string;
  /** "中卫数据〔2025〕第0001号" style; see documentNumber in letter-text.ts. */
  documentNumber: string;
  /** Name only; renderers add the colon. */
  addressee: string;
  /** Body paragraphs, each a full sentence group, without indentation. */
  paragraphs: string[];
  /** Every provision the paragraphs cite, in full ("《中华人民共和国政府信息公开条例》第十四条"), in order. */
  legalBasis: string[];
  /** The 行政复议 / 行政诉讼 paragraph; null when the letter is not a decision the applicant can contest. */
  remedies: string | null;
  /** The agency, as it signs. */
  signature: string;
  /** Date of the letter as printed ("2025年3月5日"). */
  date: string;
}

/** Fields of every letter. */
export interface LetterBase {
  /** The agency's full name, as it signs. */
  agency: string;
  /** 机关代字 of the document number ("中卫数据"). */
  documentPrefix: string;
  /** The application's tracking number "YYYY-NNNN". */
  trackingNumber: string;
  /**
   * Which letter of its kind on the application this is (1 when absent): the second 补正 notice
   * is round 2 and gets a document number of its own (see documentNumber).
   */
  round?: number;
  /** Date of the letter. */
  date: IsoDate;
  /** Art. 29 (2): the information requested, as the application describes it. */
  description: string;
  /** Legal receipt date of the application (art. 31). */
  receivedOn: IsoDate;
}

/** Letters to the applicant. */
export interface ApplicantLetterBase extends LetterBase {
  applicantName: string;
  /** Addresses an organisation as 贵单位 instead of 您; default naturalPerson. */
  applicantType?: ApplicantType;
}

export const LETTER_TITLES: Record<LetterKind, string> = {
  answer: '政府信息公开申请答复书',
  correction: '补正申请告知书',
  extension: '延期答复告知书',
  fee: '收费通知书',
  consultation: '征求第三方意见书',
  art35: '延迟答复告知书',
};

/** Kind code inside the document number, so that letters on one application never share a number. */
export const LETTER_CODES: Record<LetterKind, string> = {
  answer: '',
  correction: '补',
  extension: '延',
  fee: '费',
  consultation: '征',
  art35: '迟',
};

/** What the body of every letter needs, validated once. */
export interface LetterFrame {
  /** How the letter addresses its reader: 您 or 贵单位. */
  you: string;
  citations: Citations;
  /** Receipt date as printed. */
  received: string;
  /** The information requested, without final punctuation. */
  what: string;
  /** "本机关于2025年3月3日收到您的政府信息公开申请，您申请公开“…”" (no final stop). */
  opening: string;
}

export function frame(input: LetterBase, you: string): LetterFrame {
  const received = zhDate(dateField(input.receivedOn, 'receivedOn'));
  const what = textField(input.description, 'description', '申请公开的政府信息内容（description）');
  return {
    you,
    citations: new Citations(),
    received,
    what,
    opening: `本机关于${received}收到${you}的政府信息公开申请，${you}申请公开“${what}”`,
  };
}

export function youOf(type: ApplicantType | undefined): string {
  return type === undefined || type === 'naturalPerson' ? '您' : '贵单位';
}

export function assemble(
  kind: LetterKind,
  input: LetterBase,
  addressee: string,
  paragraphs: string[],
  citations: Citations,
  remedies: string | null,
): Letter {
  const date = dateField(input.date, 'date');
  if (date < dateField(input.receivedOn, 'receivedOn')) {
    throw new AppError('INVALID_INPUT', '文书日期不能早于收到申请之日', { field: 'date' });
  }
  return {
    title: LETTER_TITLES[kind],
    documentNumber: documentNumber(
      input.documentPrefix,
      LETTER_CODES[kind],
      input.trackingNumber,
      input.round ?? 1,
      yearOf(date),
    ),
    addressee,
    paragraphs,
    legalBasis: [...citations.legalBasis],
    remedies,
    signature: textField(input.agency, 'agency', '机关名称（agency）'),
    date: zhDate(date),
  };
}
