import { draftOverviewParagraphs } from '../report/draft-overview.ts';
import type { ReportNumbers } from '../report/report-numbers.ts';
import { breakdown, day, list, paragraphs, positive, sentence } from './narrative-phrases.ts';
import type { WorkSummary } from './work-summary.ts';

/** The public evaluation events, one sentence each, then the year's totals when there were several. */
function draftEvaluations(s: WorkSummary): string {
  const e = s.evaluations;
  if (e.count === 0) return '本年未开展政府开放日等公众参与活动。';
  const handling = (count: number) =>
    `收集意见建议${count}条${e.byHandling.length === 1 ? `，均${e.byHandling[0]!.label}` : breakdown(e.byHandling, '条')}`;
  const events = e.events.map((ev) => {
    const label = e.byKind.find((k) => k.kind === ev.kind)!.label;
    const when = ev.endsOn ? `${day(ev.heldOn, s.year)}至${day(ev.endsOn, s.year)}` : day(ev.heldOn, s.year);
    const clauses = [
      `${when}，开展${ev.theme.trim() ? `以“${ev.theme.trim()}”为主题的` : ''}${label}`,
      ...(positive(ev.participants) ? [`参加${ev.participants}人`] : []),
      ...(positive(ev.formsHandedOut) ? [`发放征求意见表${ev.formsHandedOut}份`] : []),
    ];
    if (ev.suggestions > 0)
      clauses.push(e.count === 1 ? handling(ev.suggestions) : `收集意见建议${ev.suggestions}条`);
    return sentence(clauses);
  });
  if (e.count === 1) return events.join('');
  const totals = sentence([
    `全年开展${list(e.byKind, '次')}`,
    ...(positive(e.participants) ? [`参加${e.participants}人`] : []),
    ...(positive(e.formsHandedOut) ? [`发放征求意见表${e.formsHandedOut}份`] : []),
    ...(e.suggestionsReceived > 0 ? [handling(e.suggestionsReceived)] : []),
  ]);
  return events.join('') + totals;
}

/** （五）监督保障: assessment, meetings, training, public evaluations, accountability, table 四. */
export function draftSupervision(s: WorkSummary, numbers: ReportNumbers, who: string): string {
  const texts: string[] = [];
  const work: string[] = [];
  if (s.inAnnualAssessment === true) work.push(`${who}将政务公开工作纳入年度考核`);
  if (s.inAnnualAssessment === false) work.push('政务公开工作尚未纳入年度考核');
  work.push(...s.meetings.byKind.map((m) => `${m.label}${m.count}次`));
  const t = s.training;
  // Participants not entered (0) are left out rather than stated as 0.
  if (t.held > 0)
    work.push(
      `组织政务公开培训${t.held}次${positive(t.heldParticipants) ? `、参训${t.heldParticipants}人次` : ''}`,
    );
  if (t.attended > 0)
    work.push(
      `派员参加政务公开培训${t.attended}次${positive(t.attendedParticipants) ? `、${t.attendedParticipants}人次` : ''}`,
    );
  if (t.held === 0 && t.attended === 0) work.push('本年未组织或参加政务公开培训');
  texts.push(sentence(work));
  texts.push(draftEvaluations(s));
  texts.push(
    s.accountabilityCases === 0
      ? '本年未发生因政府信息公开工作引起的责任追究情况。'
      : `本年因政府信息公开工作追究责任${s.accountabilityCases}起：${s.accountability.map((d) => d.trim().replace(/[。；;.]+$/, '')).join('；')}。`,
  );
  texts.push(draftOverviewParagraphs(numbers, s.year).cases);
  return paragraphs(texts);
}
