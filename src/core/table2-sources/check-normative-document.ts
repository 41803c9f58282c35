import { type IsoDate, parseIsoDate } from '../dates.ts';
import { AppError } from '../errors.ts';
import { NORMATIVE_KINDS, type NormativeKind } from './normative-document.ts';

export interface NormativeDocumentInput {
  kind: NormativeKind;
  documentNumber: string;
  title: string;
  issuedOn: IsoDate;
}

/**
 * Checks a document to enter in the register, `today` being the current day in China: a known
 * kind, a document number and title (trimmed, 1–200 / 1–500 characters), a real issue date not
 * after today. Returns the trimmed input; throws INVALID_INPUT or INVALID_DATE in Chinese.
 */
export function checkNormativeDocument(
  input: NormativeDocumentInput,
  today: IsoDate,
): NormativeDocumentInput {
  if (!NORMATIVE_KINDS.includes(input.kind)) {
    throw new AppError(
      'INVALID_INPUT',
      '文件类别无效：应为“规章”（regulation）或“行政规范性文件”（normative）',
    );
  }
  const documentNumber = input.documentNumber.trim();
  if (documentNumber === '' || documentNumber.length > 200) {
    throw new AppError('INVALID_INPUT', '文号应为1至200个字符');
  }
  const title = input.title.trim();
  if (title === '' || title.length > 500) throw new AppError('INVALID_INPUT', '文件标题应为1至500个字符');
  const issuedOn = parseIsoDate(input.issuedOn);
  if (issuedOn > today) throw new AppError('INVALID_INPUT', `制发日期 ${issuedOn} 晚于今天，不能登记`);
  return { kind: input.kind, documentNumber, title, issuedOn };
}

/** Checks a repeal date against the document: a real date, not before issue, not after today. */
export function checkRepeal(
  document: { issuedOn: IsoDate; repealedOn: IsoDate | null },
  repealedOn: IsoDate,
  today: IsoDate,
): IsoDate {
  const day = parseIsoDate(repealedOn);
  if (document.repealedOn !== null) {
    throw new AppError('CONFLICT', `该文件已于 ${document.repealedOn} 废止`);
  }
  if (day < document.issuedOn) {
    throw new AppError('INVALID_INPUT', `废止日期 ${day} 早于制发日期 ${document.issuedOn}`);
  }
  if (day > today) throw new AppError('INVALID_INPUT', `废止日期 ${day} 晚于今天，不能登记`);
  return day;
}
