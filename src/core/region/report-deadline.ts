import type { IsoDate } from '../dates.ts';
import type { AgencyKind } from '../organisation/agency.ts';

/**
 * The last day to publish the annual report of `year` (条例 art. 50): 31 January of the next
 * year; a people's government's own report — which also summarises its departments — by
 * 31 March (国办公开办函〔2021〕30号).
 */
export function reportDeadline(year: number, kind: AgencyKind): IsoDate {
  return kind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

/**
 * - published: a published report, on or before the deadline (or with no publication date known);
 * - late:      a published report with a publication date after the deadline;
 * - missing:   no published report and the deadline has passed;
 * - not-due:   no published report yet, but the deadline has not passed.
 */
export type PublicationStatus = 'published' | 'late' | 'missing' | 'not-due';

export const PUBLICATION_STATUS_LABELS: Record<PublicationStatus, string> = {
  published: '已按时发布',
  late: '逾期发布',
  missing: '逾期未发布',
  'not-due': '未到期限',
};

export interface PublicationInput {
  year: number;
  kind: AgencyKind;
  /** Whether a published report exists; its publication date when the report states one. */
  published: boolean;
  publishedOn: IsoDate | null;
  /** Today in China (the caller's clock). */
  today: IsoDate;
}

export function publicationStatus(input: PublicationInput): PublicationStatus {
  const deadline = reportDeadline(input.year, input.kind);
  if (input.published) {
    return input.publishedOn !== null && input.publishedOn > deadline ? 'late' : 'published';
  }
  return input.today > deadline ? 'missing' : 'not-due';
}
