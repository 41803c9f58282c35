import type { IsoDate } from '../dates.ts';
import type { Table4GroupKey } from '../report/labels.ts';

/**
 * A reconsideration (行政复议) or lawsuit (行政诉讼) about the agency's disclosure work. The kinds
 * are table 四's groups: 行政复议, 未经复议直接起诉, 复议后起诉.
 */
export const CASE_KINDS = [
  'review',
  'litigationDirect',
  'litigationAfterReview',
] as const satisfies readonly Table4GroupKey[];
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  review: '行政复议',
  litigationDirect: '未经复议直接起诉',
  litigationAfterReview: '复议后起诉',
};

/** 结果维持, 结果纠正, 其他结果. An undecided case has no result (尚未审结). */
export const CASE_RESULTS = ['upheld', 'corrected', 'other'] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];

export const CASE_RESULT_LABELS: Record<CaseResult, string> = {
  upheld: '维持',
  corrected: '纠正',
  other: '其他',
};

/** What table 四 needs of a case. */
export interface CaseFacts {
  kind: CaseKind;
  filedOn: IsoDate;
  /** Both null while the case is open (尚未审结); both set once decided. */
  decidedOn: IsoDate | null;
  result: CaseResult | null;
}
