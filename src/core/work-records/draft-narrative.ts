import type { AnswerTimelinessCounts } from '../applications/answer-timeliness.ts';
import { AppError } from '../errors.ts';
import { OVERVIEW_SUBHEADINGS } from '../report/labels.ts';
import type { ReportNumbers } from '../report/report-numbers.ts';
import { draftManagement, draftOnRequest, draftProactive } from './draft-disclosure-parts.ts';
import { draftFees, draftProposals, draftWorkPlan } from './draft-other-parts.ts';
import { draftPlatform } from './draft-platform-part.ts';
import { draftSupervision } from './draft-supervision-part.ts';
import { paragraphs } from './narrative-phrases.ts';
import type { WorkSummary } from './work-summary.ts';

/**
 * The first draft of 一、总体情况 （一）…（五） and 六、其他需要报告的事项, written from the work
 * summary and the tables, for the officer to edit. Every number is a figure of the summary or a
 * table cell; each "其中" lists parts the summary computed from the same records as the total
 * before it, so it adds up (N-06); "未…" is written only when the figure is 0; the only year named
 * is the report's (N-07); the statistics paragraphs of the tables are draftOverviewParagraphs'.
 * Counts that could be read as applications are worded so that N-02 cannot mistake them
 * ("公开属性为依申请公开的8份", never "依申请公开8份").
 */

export const NARRATIVE_PART_KEYS = [
  'proactive',
  'onRequest',
  'management',
  'platform',
  'supervision',
  'fees',
  'workPlan',
  'proposals',
] as const;
export type NarrativePartKey = (typeof NARRATIVE_PART_KEYS)[number];

export interface NarrativePart {
  key: NarrativePartKey;
  /** Report section the part belongs to: 一、总体情况 or 六、其他需要报告的事项. */
  section: 'overview' | 'other';
  /** Sub-heading line, e.g. "（一）主动公开". */
  heading: string;
  /** Paragraphs separated by "\n"; "" when there is nothing to report. */
  text: string;
}

export interface NarrativeDraft {
  /** In report order: the five parts of 一, then the three of 六. */
  parts: NarrativePart[];
  /** Section texts ready for report.sections (headings and paragraphs, one per line). */
  overview: string;
  other: string;
}

const OVERVIEW_ORDINALS = ['一', '二', '三', '四', '五'] as const;

/**
 * The draft of sections 一（一）…（五） and 六 of the report of `year`. `agencyName` names the
 * agency in the opening sentences ("本机关" without it); `timeliness`, the year's answers on time
 * and late, is stated under （二） when given.
 */
export function draftNarrative(
  summary: WorkSummary,
  numbers: ReportNumbers,
  year: number,
  agencyName?: string,
  timeliness?: AnswerTimelinessCounts,
): NarrativeDraft {
  if (summary.year !== year) {
    throw new AppError('INVALID_INPUT', `工作记录属于${summary.year}年，不能用于起草${year}年度报告的正文`);
  }
  const s = summary;
  const who = agencyName?.trim() || '本机关';
  const overviewTexts = [
    draftProactive(s, numbers, who),
    draftOnRequest(s, numbers, timeliness),
    draftManagement(s),
    draftPlatform(s, who),
    draftSupervision(s, numbers, who),
  ];
  const overviewKeys: NarrativePartKey[] = [
    'proactive',
    'onRequest',
    'management',
    'platform',
    'supervision',
  ];
  const parts: NarrativePart[] = overviewKeys.map((key, i) => ({
    key,
    section: 'overview',
    heading: `（${OVERVIEW_ORDINALS[i]}）${OVERVIEW_SUBHEADINGS[i]}`,
    text: overviewTexts[i]!,
  }));
  const plan = s.workPlanTitle?.trim() ? `《${s.workPlanTitle.trim()}》` : `${year}年政务公开工作要点`;
  parts.push(
    { key: 'fees', section: 'other', heading: '（一）收取信息处理费情况', text: draftFees(s, numbers) },
    { key: 'workPlan', section: 'other', heading: `（二）${plan}落实情况`, text: draftWorkPlan(s) },
    {
      key: 'proposals',
      section: 'other',
      heading: '（三）建议提案办理结果公开情况',
      text: draftProposals(s),
    },
  );
  return {
    parts,
    overview: joinNarrativeParts(parts, 'overview'),
    other: joinNarrativeParts(parts, 'other'),
  };
}

/** One section's text from its (possibly edited) parts: each heading on its line, then its paragraphs. */
export function joinNarrativeParts(parts: NarrativePart[], section: 'overview' | 'other'): string {
  return parts
    .filter((p) => p.section === section)
    .map((p) => paragraphs([p.heading, p.text]))
    .join('\n');
}
