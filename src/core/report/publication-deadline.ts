import type { IsoDate } from '../dates.ts';
import type { AgencyKind } from '../organisation/agency.ts';
import type { Finding } from '../rules/finding.ts';
import { notAssessable, violation } from '../rules/make-finding.ts';

/**
 * The statutory publication deadline of a year's report (条例第四十九、五十条; DOMAIN.md §C.9):
 * 31 January of the next year for a department, 31 March for a government's own report.
 * Inclusive; no roll-over when it falls on a rest day.
 */
export function publicationDeadline(year: number, kind: AgencyKind): IsoDate {
  return kind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

/** Whether a report published on `publishedOn` is late (null while unpublished). */
export function isPublishedLate(year: number, kind: AgencyKind, publishedOn: IsoDate | null): boolean | null {
  return publishedOn === null ? null : publishedOn > publicationDeadline(year, kind);
}

/**
 * P-01 when the agency's kind is known (a report kept in the store): the one deadline that
 * applies, instead of the generic rule's "31 January or 31 March". Late publication is allowed but
 * flagged (a warning): the report is still the agency's report.
 */
export function checkPublicationForAgency(
  year: number,
  kind: AgencyKind,
  publishedOn: IsoDate | null,
): Finding[] {
  const deadline = publicationDeadline(year, kind);
  const who = kind === 'government' ? '人民政府本级年度报告' : '政府部门年度报告';
  if (publishedOn === null)
    return [notAssessable('P-01', `报告尚未发布（${who}应于 ${deadline} 前公布）`, { section: 'meta' })];
  if (publishedOn <= `${year}-12-31`) {
    return [
      violation('P-01', `发布日期 ${publishedOn} 早于统计期限结束（${year}-12-31），请核实`, {
        section: 'meta',
      }),
    ];
  }
  if (publishedOn > deadline) {
    return [
      violation(
        'P-01',
        `发布日期 ${publishedOn} 晚于 ${deadline}：${who}已逾期公布（条例第四十九、五十条）`,
        {
          section: 'meta',
        },
      ),
    ];
  }
  return [];
}
