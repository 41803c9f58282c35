import { describe, expect, it } from 'vitest';
import { clone, generateValidReport, prng } from '../../../test/support/generate-report.ts';
import { emptyWorkRecords, randomWorkRecords } from '../../../test/support/random-work-records.ts';
import { TABLE3_TOTAL_COLUMN } from '../report/labels.ts';
import { zeroTable2, zeroTable3, zeroTable4 } from '../report/report-numbers.ts';
import type { Report } from '../report/schema.ts';
import { checkNarrative } from '../rules/narrative/check-narrative.ts';
import { draftNarrative, joinNarrativeParts } from './draft-narrative.ts';
import { summariseWork, type WorkSummary } from './work-summary.ts';

const AGENCIES = ['中卫市数据局', '中卫市工业和信息化局', '淄博市大数据局', undefined];

/** A random report (tables) and a random summary of the same year and agency. */
function randomCase(seed: number): { report: Report; summary: WorkSummary; agency: string | undefined } {
  const random = prng(seed * 31);
  const agency = AGENCIES[seed % AGENCIES.length];
  const report = generateValidReport(seed, { scale: [0, 1, 5, 40][seed % 4]!, agency: agency ?? '某机关' });
  if (random() < 0.2) report.table3 = zeroTable3();
  if (random() < 0.3) report.table4 = zeroTable4();
  if (random() < 0.1) report.table2 = zeroTable2();
  const summary = summariseWork(randomWorkRecords(seed, report.year));
  return { report, summary, agency };
}

/** The report with its sections 一 and 六 replaced by a draft (or by the edited texts given). */
function withNarrative(report: Report, overview: string, other: string): Report {
  const copy = clone(report);
  copy.sections = { overview, problems: '一是主动公开的广度有待拓展。下一步将加强培训。', other };
  return copy;
}

/** The narrative rules' findings a draft must not have: every N- rule and the section-六 contents. */
const mismatches = (report: Report) =>
  checkNarrative(report).filter((f) => (f.ruleId.startsWith('N-') || f.ruleId === 'S-03') && f.assessable);

describe('draftNarrative', () => {
  it('drafts sections 一 and 六 in which the narrative rules find nothing, on 600 random agency-years', () => {
    for (let seed = 1; seed <= 600; seed += 1) {
      const { report, summary, agency } = randomCase(seed);
      const draft = draftNarrative(summary, report, report.year, agency);
      const drafted = withNarrative(report, draft.overview, draft.other);
      expect(mismatches(drafted), `seed ${seed}:\n${draft.overview}\n${draft.other}`).toEqual([]);
    }
  });

  it('returns the five parts of 一 and the three of 六 in order, whose join is the section text', () => {
    const { report, summary } = randomCase(7);
    const draft = draftNarrative(summary, report, report.year);
    expect(draft.parts.map((p) => p.heading.slice(0, 3))).toEqual([
      '（一）',
      '（二）',
      '（三）',
      '（四）',
      '（五）',
      '（一）',
      '（二）',
      '（三）',
    ]);
    expect(draft.parts.map((p) => p.key)).toEqual([
      'proactive',
      'onRequest',
      'management',
      'platform',
      'supervision',
      'fees',
      'workPlan',
      'proposals',
    ]);
    expect(joinNarrativeParts(draft.parts, 'overview')).toBe(draft.overview);
    expect(draft.overview.split('\n')[0]).toBe('（一）主动公开');
  });

  it('states the summary figures: each "其中" list is the summary breakdown, in the report year', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const { report, summary, agency } = randomCase(seed);
      const { overview, other } = draftNarrative(summary, report, report.year, agency);
      const who = agency ?? '本机关';
      const p = summary.proactive;
      if (p.total > 0) expect(overview).toContain(`${report.year}年，${who}主动公开政府信息${p.total}条`);
      else expect(overview).toContain('未主动公开政府信息');
      if (p.byCategory.length >= 2)
        expect(overview).toContain(`其中${p.byCategory.map((c) => `${c.label}${c.count}条`).join('、')}。`);
      const e = summary.evaluations;
      if (e.count === 0) expect(overview).toContain('本年未开展政府开放日');
      else expect(overview).not.toContain('未开展政府开放日');
      if (e.suggestionsReceived > 0) expect(overview).toContain(`收集意见建议${e.suggestionsReceived}条`);
      const pr = summary.proposals;
      if (pr.count > 0) {
        expect(other).toContain(`本年度共承办建议提案${pr.count}件`);
        if (pr.resultsPublished > 0) expect(other).toContain(`已公开办理结果${pr.resultsPublished}件`);
        else expect(other).toContain('办理结果均未公开');
      } else expect(other).toContain('未承办人大代表建议和政协委员提案');
      const t = summary.training;
      if (t.held > 0)
        expect(overview).toContain(
          `组织政务公开培训${t.held}次${t.heldParticipants > 0 ? `、参训${t.heldParticipants}人次` : ''}`,
        );
      if (t.held + t.attended === 0) expect(overview).toContain('未组织或参加政务公开培训');
      if (summary.accountabilityCases === 0)
        expect(overview).toContain('未发生因政府信息公开工作引起的责任追究');
      else expect(overview).toContain(`追究责任${summary.accountabilityCases}起`);
      for (const [i, task] of summary.tasks.entries())
        expect(other).toContain(`${i + 1}.${task.title}。${task.implementation}`);
      for (const m of `${overview}${other}`.matchAll(/(\d{4})年/g))
        expect(Number(m[1])).toBeLessThanOrEqual(report.year);
    }
  });

  it('states the fee charged, or that none was, and nothing when it was not entered and applications came', () => {
    const { report } = randomCase(3);
    const records = emptyWorkRecords(report.year);
    const fees = (yuan: number | null | undefined, received: number) => {
      const r = clone(report);
      r.table3.newReceived[TABLE3_TOTAL_COLUMN] = received;
      records.figures = {
        year: report.year,
        inAnnualAssessment: true,
        workGroupsCleaned: 0,
        workPlanTitle: null,
      };
      if (yuan !== undefined) records.figures.processingFeesYuan = yuan;
      return draftNarrative(summariseWork(records), r, r.year).parts.find((p) => p.key === 'fees')!.text;
    };
    expect(fees(300, 12)).toBe('本年度收取信息处理费300元。');
    expect(fees(0, 12)).toBe('本年度未收取信息处理费。');
    expect(fees(null, 0)).toBe('本年度未收到政府信息公开申请，未收取信息处理费。');
    expect(fees(undefined, 4)).toContain('请根据收费记录填写');
  });
});

describe('draftNarrative, edited by the officer', () => {
  /** A case whose draft has a "其中" list of proactive categories and applications received. */
  function editable() {
    for (let seed = 1; ; seed += 1) {
      const c = randomCase(seed);
      const received = c.report.table3.newReceived[TABLE3_TOTAL_COLUMN] ?? 0;
      if (
        c.summary.proactive.byCategory.length >= 2 &&
        received > 1 &&
        c.summary.evaluations.byHandling.length >= 2
      )
        return c;
    }
  }

  it('gets N-06 when a number of the proactive "其中" list is changed so that it no longer adds up', () => {
    const { report, summary, agency } = editable();
    const draft = draftNarrative(summary, report, report.year, agency);
    const first = summary.proactive.byCategory[0]!;
    const edited = draft.overview.replace(
      `${first.label}${first.count}条`,
      `${first.label}${first.count + 2}条`,
    );
    expect(edited).not.toBe(draft.overview);
    const findings = mismatches(withNarrative(report, edited, draft.other));
    expect(findings.map((f) => f.ruleId)).toEqual(['N-06']);
    expect(findings[0]!.message).toContain(`${summary.proactive.total}条`);
  });

  it('gets N-06 when the open-day suggestions are changed so that their handling no longer adds up', () => {
    const { report, summary, agency } = editable();
    const draft = draftNarrative(summary, report, report.year, agency);
    const received = summary.evaluations.suggestionsReceived;
    const edited = draft.overview.replace(
      `收集意见建议${received}条，其中`,
      `收集意见建议${received + 1}条，其中`,
    );
    expect(edited).not.toBe(draft.overview);
    expect(mismatches(withNarrative(report, edited, draft.other)).map((f) => f.ruleId)).toEqual(['N-06']);
  });

  it('gets N-02 when the stated count of applications differs from table 三', () => {
    const { report, summary, agency } = editable();
    const draft = draftNarrative(summary, report, report.year, agency);
    const received = report.table3.newReceived[TABLE3_TOTAL_COLUMN]!;
    const carried = report.table3.carriedOver[TABLE3_TOTAL_COLUMN] ?? 0;
    const wrong = received + carried + 3;
    const edited = draft.overview.replace(
      `共收到政府信息公开申请${received}件`,
      `共收到政府信息公开申请${wrong}件`,
    );
    expect(edited).not.toBe(draft.overview);
    const findings = mismatches(withNarrative(report, edited, draft.other));
    expect(findings.some((f) => f.ruleId === 'N-02' && f.message.includes(`${wrong}`))).toBe(true);
  });

  it('gets N-01 / N-04 when a "未…" phrase is written against the tables', () => {
    const { report, summary, agency } = editable();
    const r = clone(report);
    r.table4.review = [1, 0, 0, 0, 1];
    const draft = draftNarrative(summary, r, r.year, agency);
    const edited = `${draft.overview}\n本年未收到政府信息公开申请，未发生政府信息公开行政复议案件。`;
    const ids = mismatches(withNarrative(r, edited, draft.other)).map((f) => f.ruleId);
    expect(ids).toContain('N-01');
    expect(ids).toContain('N-04');
  });

  it('gets S-03 when the fee or the 工作要点 is edited out of section 六', () => {
    const { report, summary } = editable();
    const draft = draftNarrative(summary, report, report.year);
    const withoutFees = joinNarrativeParts(
      draft.parts.filter((p) => p.key !== 'fees'),
      'other',
    );
    const findings = mismatches(withNarrative(report, draft.overview, withoutFees));
    expect(findings.map((f) => f.ruleId)).toEqual(['S-03']);
  });
});
