import { type IsoDate, parseIsoDate } from '../dates.ts';
import { AppError } from '../errors.ts';
import { CASE_KINDS, CASE_RESULTS, type CaseKind, type CaseResult } from './case.ts';

export interface CaseInput {
  kind: CaseKind;
  filedOn: IsoDate;
  /** 案号 of the reconsideration body or court, when known. */
  caseNumber?: string | null;
}

/**
 * Checks a case to record: a known kind, a real filing date not after today, nor before the
 * application it concerns was received (`receivedOn`, when linked). Throws INVALID_INPUT / INVALID_DATE.
 */
export function checkCase(input: CaseInput, today: IsoDate, receivedOn: IsoDate | null): Required<CaseInput> {
  if (!CASE_KINDS.includes(input.kind)) {
    throw new AppError('INVALID_INPUT', '案件类型无效：应为 行政复议、未经复议直接起诉 或 复议后起诉');
  }
  const filedOn = parseIsoDate(input.filedOn);
  if (filedOn > today) throw new AppError('INVALID_INPUT', `立案（申请）日期 ${filedOn} 晚于今天，不能登记`);
  if (receivedOn !== null && filedOn < receivedOn) {
    throw new AppError('INVALID_INPUT', `立案（申请）日期 ${filedOn} 早于所涉申请的收到日期 ${receivedOn}`);
  }
  const caseNumber = input.caseNumber?.trim() || null;
  if (caseNumber !== null && caseNumber.length > 200)
    throw new AppError('INVALID_INPUT', '案号过长（最多200字）');
  return { kind: input.kind, filedOn, caseNumber };
}

/** Checks a decision: a known result, a real date, the case still open, not before filing, not after today. */
export function checkDecision(
  current: { filedOn: IsoDate; decidedOn: IsoDate | null },
  result: CaseResult,
  decidedOn: IsoDate,
  today: IsoDate,
): { result: CaseResult; decidedOn: IsoDate } {
  if (!CASE_RESULTS.includes(result)) {
    throw new AppError(
      'INVALID_INPUT',
      '审结结果无效：应为 维持（upheld）、纠正（corrected）或 其他（other）',
    );
  }
  const day = parseIsoDate(decidedOn);
  if (current.decidedOn !== null) throw new AppError('CONFLICT', `该案件已于 ${current.decidedOn} 审结`);
  if (day < current.filedOn) {
    throw new AppError('INVALID_INPUT', `审结日期 ${day} 早于立案（申请）日期 ${current.filedOn}`);
  }
  if (day > today) throw new AppError('INVALID_INPUT', `审结日期 ${day} 晚于今天，不能登记`);
  return { result, decidedOn: day };
}
