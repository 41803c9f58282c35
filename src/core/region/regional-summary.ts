import { draftOverviewParagraphs, overviewUnderSubheadings } from '../report/draft-overview.ts';
import { REPORT_SCHEMA_ID, type Report } from '../report/schema.ts';
import type { RegionYearOverview } from './region-overview.ts';
import { PUBLICATION_STATUS_LABELS } from './report-deadline.ts';

/**
 * The supervising office's summary of a region's year (地区年度报告汇总) as a `gongkai-report/1`
 * report, so that it renders in the national format: tables 二–四 are the regional totals (the
 * cell-by-cell sum of every agency's newest published report); section 一 states who published
 * on time, late or not at all and drafts the statistics paragraphs from the totals; section 五
 * names the agencies that are late, missing, or whose report has errors; section 六 says what
 * the totals are made of.
 */
export function regionalSummaryReport(regionName: string, overview: RegionYearOverview): Report {
  const { year, counts, agencies, totals } = overview;
  const names = (status: keyof typeof counts) =>
    agencies.filter((a) => a.status === status).map((a) => a.agency.name);
  const published = counts.published + counts.late + counts['date-unknown'];

  // The publication paragraph opens section 一; then the format's five sub-headings, each numbered
  // once, with the totals' paragraphs under （一）（二）（五） and a pointer under （三）（四）, which the
  // agencies' reports describe in words that do not add up.
  const publication = `本地区共${agencies.length}个机关应发布${year}年政府信息公开工作年度报告，已发布${published}份，其中${PUBLICATION_STATUS_LABELS.published}${counts.published}份、${PUBLICATION_STATUS_LABELS.late}${counts.late}份${counts['date-unknown'] > 0 ? `、${PUBLICATION_STATUS_LABELS['date-unknown']}${counts['date-unknown']}份` : ''}；${PUBLICATION_STATUS_LABELS.missing}${counts.missing}个机关；${PUBLICATION_STATUS_LABELS['not-due']}${counts['not-due']}个机关。`;
  // The drafted paragraphs speak of one agency; here they speak of the region's agencies together.
  const draft = draftOverviewParagraphs(totals, year);
  const byAgencies = (subject: string) => `${subject}情况见各机关年度报告，本汇总不作数量汇总。`;
  const bodies = [
    draft.proactive,
    draft.onRequest,
    byAgencies('各机关政府信息管理'),
    byAgencies('各机关政府信息公开平台建设'),
    draft.cases,
  ];
  const statistics = overviewUnderSubheadings(bodies.map((b) => b.replaceAll('本机关', '本地区各机关')));

  const withErrors = agencies
    .filter((a) => (a.report?.errorCount ?? 0) > 0)
    .map((a) => `${a.agency.name}（${a.report?.errorCount}个错误）`);
  const problems = [
    names('missing').length > 0 ? `逾期未发布年度报告的机关：${names('missing').join('、')}。` : '',
    names('late').length > 0 ? `逾期发布年度报告的机关：${names('late').join('、')}。` : '',
    withErrors.length > 0
      ? `年度报告核查发现错误的机关：${withErrors.join('、')}。`
      : published > 0
        ? '已发布的年度报告核查未发现错误。'
        : '',
  ].filter((line) => line !== '');

  const other = [
    `本汇总依据各机关${year}年度最新发布的年度报告（共${totals.reports}份）逐格相加生成。`,
    totals.incomplete > 0 ? `其中${totals.incomplete}份报告有空白单元格，相应的合计单元格留空。` : '',
  ].join('');

  return {
    schema: REPORT_SCHEMA_ID,
    formatVersion: '2021',
    agency: `${regionName}（各机关汇总）`,
    year,
    publishedOn: null,
    sections: {
      overview: `${publication}\n${statistics}`,
      problems: problems.length > 0 ? problems.join('\n') : '未发现逾期或未发布年度报告的机关。',
      other,
    },
    table2: totals.table2,
    table3: totals.table3,
    table4: totals.table4,
  };
}
