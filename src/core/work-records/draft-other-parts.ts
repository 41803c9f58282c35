import { TABLE3_TOTAL_COLUMN } from '../report/labels.ts';
import { placeholder } from '../report/placeholder.ts';
import type { ReportNumbers } from '../report/report-numbers.ts';
import { breakdown, list, paragraphs, percent, sentence } from './narrative-phrases.ts';
import type { WorkSummary } from './work-summary.ts';

/** The parts of 六、其他需要报告的事项. */

function formatYuan(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** 六（一）收取信息处理费情况. */
export function draftFees(s: WorkSummary, numbers: ReportNumbers): string {
  const received = numbers.table3.newReceived[TABLE3_TOTAL_COLUMN] ?? 0;
  if (s.processingFeesYuan !== null) {
    return s.processingFeesYuan > 0
      ? `本年度收取信息处理费${formatYuan(s.processingFeesYuan)}元。`
      : '本年度未收取信息处理费。';
  }
  if (received === 0) return '本年度未收到政府信息公开申请，未收取信息处理费。';
  return `本年度收取信息处理费情况：${placeholder('根据收费记录填写金额；未收取的写明“未收取信息处理费”')}。`;
}

/** 六（二）: how each task of the year's 工作要点 was carried out. */
export function draftWorkPlan(s: WorkSummary): string {
  if (s.tasks.length === 0) return '本年度未登记政务公开工作要点任务的落实情况。';
  return paragraphs(
    s.tasks.map((t, index) => {
      const title = t.title.trim().replace(/[。；;.]+$/, '');
      const body = t.implementation.trim();
      return `${index + 1}.${title}。${body}`;
    }),
  );
}

/** 六（三）建议提案办理结果公开情况. */
export function draftProposals(s: WorkSummary): string {
  const p = s.proposals;
  if (p.count === 0) return '本年度未承办人大代表建议和政协委员提案。';
  const texts = [`本年度共承办建议提案${p.count}件${breakdown(p.byKind, '件')}。`];
  if (p.byRole.length >= 2) texts.push(`上述建议提案${p.count}件，其中${list(p.byRole, '件')}。`);
  else texts.push(`均为${p.byRole[0]!.label}件。`);
  const state: string[] = [];
  if (p.concluded === p.count) {
    const [y, m, d] = (p.lastConcludedOn as string).split('-').map(Number);
    state.push(`已全部办结，最后一件于${y}年${m}月${d}日办结`);
  } else if (p.concluded > 0) {
    state.push(`已办结${p.concluded}件，正在办理${p.count - p.concluded}件`);
  } else {
    state.push('均在办理中');
  }
  if (p.meanSatisfactionPercent !== null) {
    state.push(
      `代表委员满意度测评平均为${percent(p.meanSatisfactionPercent)}${p.rated < p.count ? `（已测评${p.rated}件）` : ''}`,
    );
  }
  if (p.resultsPublished === 0) state.push('办理结果均未公开');
  else
    state.push(
      `已公开办理结果${p.resultsPublished}件${p.resultsPublished === p.count ? '，实现全部公开' : `，尚有${p.count - p.resultsPublished}件未公开`}`,
    );
  texts.push(sentence(state));
  return texts.join('');
}
