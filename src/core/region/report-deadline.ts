import type { IsoDate } from '../dates.ts';
import type { AgencyKind } from '../organisation/agency.ts';
import { publicationDeadline } from '../report/publication-deadline.ts';

/**
 * The last day to publish the annual report of `year` (条例 art. 50): 31 January of the next
 * year; a people's government's own report — which also summarises its departments — by
 * 31 March (国办公开办函〔2021〕30号). The one rule is core/report's publicationDeadline.
 */
export const reportDeadline: (year: number, kind: AgencyKind) => IsoDate = publicationDeadline;

/**
 * - published:    a published report, on or before the deadline;
 * - late:         a published report with a publication date after the deadline;
 * - date-unknown: a published report that states no publication date (imported): unknown is not on time;
 * - missing:      no published report and the deadline has passed;
 * - not-due:      no published report yet, but the deadline has not passed.
 */
export const PUBLICATION_STATUSES = ['published', 'late', 'date-unknown', 'missing', 'not-due'] as const;

export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const PUBLICATION_STATUS_LABELS: Record<PublicationStatus, string> = {
  published: '已按时发布',
  late: '逾期发布',
  'date-unknown': '发布日期不详',
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
    if (input.publishedOn === null) return 'date-unknown';
    return input.publishedOn > deadline ? 'late' : 'published';
  }
  return input.today > deadline ? 'missing' : 'not-due';
}
