import type { IsoDate } from '../dates.ts';
import type { AgencyKind } from '../organisation/agency.ts';
import type { Region } from '../organisation/region.ts';
import type { Outcome } from './application.ts';

/**
 * Who hears a 行政复议 against an agency's decision, and whether the applicant must seek review
 * before going to court: the law in force on the day of the decision (DOMAIN.md §C.7).
 *
 * Sources (texts of the laws; M — check against a lawyer's reading):
 * - 《中华人民共和国行政复议法》(1999, amended 2009 and 2017), in force until 2023-12-31:
 *   art. 12 ¶1 a department of a local government at county level or above: the applicant chooses
 *   the 本级人民政府 or the 上一级主管部门; art. 12 ¶2 海关、金融、国税、外汇管理 and other vertically
 *   led bodies and 国家安全机关: the 上一级主管部门; art. 13 a local people's government: the
 *   上一级地方人民政府; art. 14 a province's people's government: that government itself.
 * - 《中华人民共和国行政复议法》as revised 2023-09-01, in force 2024-01-01:
 *   art. 24 ¶1 (一) a department: the 本级人民政府 only; (二) a people's government: the government
 *   one level up; art. 24 ¶2 a province's people's government also hears cases on its own acts;
 *   art. 27 海关、金融、外汇管理 and other vertically led bodies, 税务 and 国家安全机关: the
 *   上一级主管部门; art. 28 the 司法行政部门 (司法局): the 本级人民政府 or the 上一级司法行政部门;
 *   art. 23 ¶1 (四) 申请政府信息公开，行政机关不予公开: review first (复议前置), court only after.
 * - 《中华人民共和国行政诉讼法》(2014 revision, in force 2015-05-01; 2017 amendment) art. 45: suit
 *   within 15 days of the review decision; art. 46: direct suit within 6 months of knowing the act.
 */

/** First day of the revised 行政复议法 (2023 revision). */
export const REVISED_REVIEW_LAW_FROM: IsoDate = '2024-01-01';

/** The agency as the review rules need it: its name, kind and region (and the region one level up). */
export interface ReviewedAgency {
  name: string;
  kind: AgencyKind;
  region: Pick<Region, 'name' | 'level'>;
  /** The region one level up; null when the system does not hold it. */
  parentRegion: Pick<Region, 'name'> | null;
}

/**
 * Vertically led bodies (old art. 12 ¶2, new art. 27): the agency's name says it. Local 金融 offices
 * (地方金融监督管理局) are departments of the local government and do not match.
 */
const VERTICALLY_LED =
  /海关|税务局|国家金融监督管理总局|金融监管分局|金融监管局|中国人民银行|外汇管理|证券监督管理|证监局|国家安全/u;
/** 司法行政部门 of a local government (new art. 28). */
const JUSTICE_DEPARTMENT = /司法局$|司法厅$/u;

const governmentOf = (region: Pick<Region, 'name'>): string => `${region.name}人民政府`;

/**
 * The 行政复议机关 a letter names for a decision of `agency` taken on `decidedOn` — always a named
 * body or 上一级主管部门, never the words "本级人民政府".
 */
export function reconsiderationBody(agency: ReviewedAgency, decidedOn: IsoDate): string {
  const revised = decidedOn >= REVISED_REVIEW_LAW_FROM;
  if (VERTICALLY_LED.test(agency.name)) return '上一级主管部门';
  if (agency.kind === 'government') {
    if (agency.region.level === 'province') return governmentOf(agency.region);
    return agency.parentRegion ? governmentOf(agency.parentRegion) : '上一级人民政府';
  }
  const own = governmentOf(agency.region);
  if (!revised) return `${own}或者上一级主管部门`;
  if (JUSTICE_DEPARTMENT.test(agency.name)) return `${own}或者上一级司法行政部门`;
  return own;
}

/** 不予公开 in the sense of new art. 23 ¶1 (四): a refusal of table 三 （三）, or a partial answer. */
const isRefusal = (o: Outcome): boolean => o === 'partial' || o.startsWith('denied.');

/**
 * Whether the applicant must seek 行政复议 before suing (new art. 23 ¶1 (四)): a decision on or
 * after 2024-01-01 that withholds information. Before, the applicant could go to court directly.
 */
export function reviewRequiredFirst(outcomes: readonly Outcome[], decidedOn: IsoDate): boolean {
  return decidedOn >= REVISED_REVIEW_LAW_FROM && outcomes.some(isRefusal);
}
