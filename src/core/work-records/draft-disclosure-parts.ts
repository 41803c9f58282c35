import type { AnswerTimelinessCounts } from '../applications/answer-timeliness.ts';
import { draftOverviewParagraphs } from '../report/draft-overview.ts';
import { TABLE3_TOTAL_COLUMN } from '../report/labels.ts';
import type { ReportNumbers } from '../report/report-numbers.ts';
import { breakdown, list, paragraphs, percent, sentence } from './narrative-phrases.ts';
import type { WorkSummary } from './work-summary.ts';

/** （一）主动公开: the register's counts, the interpretations, and the table-二 paragraph. */
export function draftProactive(s: WorkSummary, numbers: ReportNumbers, who: string): string {
  const { year, proactive, interpretations: i } = s;
  const lead =
    proactive.total === 0
      ? `${year}年，${who}未主动公开政府信息。`
      : `${year}年，${who}主动公开政府信息${proactive.total}条${breakdown(proactive.byCategory, '条', { vague: '其他' })}。` +
        (proactive.byChannel.length >= 2
          ? `上述信息${proactive.total}条，其中${list(
              proactive.byChannel.map((c) => ({ ...c, label: `${c.label}发布` })),
              '条',
              '通过',
            )}。`
          : proactive.byChannel.length === 1 && proactive.byChannel[0]!.label !== '其他渠道'
            ? `上述信息均通过${proactive.byChannel[0]!.label}发布。`
            : '');
  let interpretation: string;
  if (i.count === 0) {
    interpretation = '本年未发布政策解读。';
  } else {
    // An interpretation recorded without a form (the store should refuse it) leaves the forms out.
    const forms =
      i.byForm.length === 0
        ? ''
        : i.singleForm
          ? breakdown(i.byForm, '篇')
          : `，采用${list(i.byForm, '篇')}（一篇解读可采用多种形式）`;
    interpretation = sentence([`本年发布政策解读${i.count}篇${forms}`]);
    interpretation += sentence([
      `共解读文件${i.documentsInterpreted}件`,
      ...(i.byDraftingOffice > 0 ? [`按照“谁起草、谁解读”原则由起草科室解读${i.byDraftingOffice}篇`] : []),
    ]);
  }
  return paragraphs([lead, interpretation, draftOverviewParagraphs(numbers, year).proactive]);
}

/** （二）依申请公开: the table-三 paragraph, with the conclusion rate when nothing is carried forward. */
export function draftOnRequest(
  s: WorkSummary,
  numbers: ReportNumbers,
  timeliness?: AnswerTimelinessCounts,
): string {
  const text = draftOverviewParagraphs(numbers, s.year, timeliness).onRequest;
  const t = numbers.table3;
  const concluded = t.totalConcluded[TABLE3_TOTAL_COLUMN] ?? 0;
  const forward = t.carriedForward[TABLE3_TOTAL_COLUMN] ?? 0;
  return concluded > 0 && forward === 0 ? text.replace(/。$/, '，办结率100%。') : text;
}

/** （三）政府信息管理: review before publication, 公开属性, interpretation of normative documents. */
export function draftManagement(s: WorkSummary): string {
  const { decided: d, interpretations: i } = s;
  const texts: string[] = [];
  // True by construction: the register publishes an item only at the end of its review chain.
  if (s.proactive.total > 0) {
    texts.push(
      '坚持“先审查、后公开”，主动公开的政府信息均经拟稿、科室负责人审核（含保密审查）、分管领导审批后发布。',
    );
  }
  // Written when some documents are not 主动公开: "all proactive" tells the reader nothing.
  if (d.onRequest + d.withheld > 0) {
    const parts = [
      { label: '主动公开的', count: d.proactive },
      { label: '依申请公开的', count: d.onRequest },
      { label: '不予公开的', count: d.withheld },
    ].filter((p) => p.count > 0);
    const rest =
      parts.length >= 2
        ? `，其中公开属性为${list(parts, '份')}`
        : `，公开属性均为${parts[0]!.label.replace(/的$/, '')}`;
    texts.push(`本年确定公开属性的文件${d.total}份${rest}。`);
  }
  if (i.normativeIssued > 0) {
    const missing = i.normativeIssued - i.normativeInterpreted;
    texts.push(
      sentence([
        `本年制发的${i.normativeIssued}件行政规范性文件中，已发布解读的${i.normativeInterpreted}件，解读覆盖率${percent(i.coveragePercent ?? 0)}`,
        ...(missing > 0 ? [`尚有${missing}件未解读`] : []),
      ]) +
        (i.normativeInterpreted > 0
          ? sentence([
              `对本年行政规范性文件的解读中，与文件同日发布的${i.sameDay}篇`,
              `自文件印发之日起20个工作日内发布的${i.withinArt26}篇${i.art26Unknown > 0 ? `（另有${i.art26Unknown}篇因节假日安排尚未公布无法判断）` : ''}`,
            ])
          : ''),
    );
  }
  return paragraphs(texts);
}
