import { describe, expect, it } from 'vitest';
import { clone, generateValidReport, prng } from '../../../test/support/generate-report.ts';
import { checkNarrative } from '../rules/narrative/check-narrative.ts';
import { draftOverview, draftOverviewParagraphs } from './draft-overview.ts';
import { TABLE3_TOTAL_COLUMN, TABLE4_GROUP_KEYS } from './labels.ts';
import { zeroTable2, zeroTable3, zeroTable4 } from './report-numbers.ts';
import type { Report } from './schema.ts';

/** Random reports of every shape: large and small counts, empty tables, rules made, cases or none. */
function randomReport(seed: number): Report {
  const random = prng(seed * 7919);
  const report = generateValidReport(seed, { scale: [0, 1, 5, 40, 300][seed % 5]! });
  if (random() < 0.15) report.table3 = zeroTable3();
  if (random() < 0.2) report.table4 = zeroTable4();
  if (random() < 0.1) report.table2 = zeroTable2();
  if (random() < 0.2) report.table2.regulations = { issued: 2, repealed: 1, inForce: 9 };
  return report;
}

function drafted(report: Report): Report {
  const copy = clone(report);
  copy.sections.overview = draftOverview(copy, copy.year);
  return copy;
}

const narrativeMismatches = (report: Report) =>
  checkNarrative(report).filter((f) => f.ruleId.startsWith('N-') && f.assessable);

describe('draftOverview', () => {
  it('drafts paragraphs in which the narrative rules find no mismatch, on 1,000 random reports', () => {
    for (let seed = 1; seed <= 1000; seed += 1) {
      const report = drafted(randomReport(seed));
      expect(narrativeMismatches(report), `seed ${seed}: ${report.sections.overview}`).toEqual([]);
    }
  });

  it('states the year’s answers on time and late so that the narrative rules find no mismatch', () => {
    const timeliness = [
      { answered: 3, onTime: 2, late: 1, unknown: 0 },
      { answered: 4, onTime: 4, late: 0, unknown: 0 },
      { answered: 5, onTime: 2, late: 2, unknown: 1 },
      { answered: 2, onTime: 0, late: 2, unknown: 0 },
    ];
    for (let seed = 1; seed <= 200; seed += 1) {
      const report = clone(randomReport(seed));
      const c = timeliness[seed % timeliness.length]!;
      const { onRequest } = draftOverviewParagraphs(report, report.year, c);
      report.sections.overview = onRequest;
      expect(narrativeMismatches(report), `seed ${seed}: ${onRequest}`).toEqual([]);
      // On time ÷ (on time + late), to one decimal.
      const rate = ((c.onTime / (c.onTime + c.late)) * 100).toFixed(1);
      expect(onRequest).toContain(`作出答复${c.answered}件`);
      expect(onRequest).toContain(`按时答复率${rate}%`);
      if (c.late > 0 && c.onTime > 0)
        expect(onRequest).toContain(`按期答复${c.onTime}件、逾期答复${c.late}件`);
    }
    const none = draftOverviewParagraphs(randomReport(1), 2025, {
      answered: 0,
      onTime: 0,
      late: 0,
      unknown: 0,
    });
    expect(none.onRequest).not.toContain('答复率');
  });

  it('states the table numbers: received, concluded, carried forward, cases', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const report = randomReport(seed);
      const t3 = report.table3;
      const total = (row: readonly (number | null)[]) => row[TABLE3_TOTAL_COLUMN] ?? 0;
      const { onRequest, cases } = draftOverviewParagraphs(report, report.year);
      if (total(t3.newReceived) > 0) expect(onRequest).toContain(`申请${total(t3.newReceived)}件`);
      else expect(onRequest).toContain('未收到政府信息公开申请');
      if (total(t3.totalConcluded) > 0) expect(onRequest).toContain(`办结${total(t3.totalConcluded)}件`);
      if (total(t3.carriedForward) > 0)
        expect(onRequest).toContain(`结转下年度继续办理${total(t3.carriedForward)}件`);
      const caseCount = TABLE4_GROUP_KEYS.reduce((a, g) => a + (report.table4[g][4] ?? 0), 0);
      if (caseCount === 0) expect(cases).toContain('未发生政府信息公开行政复议、行政诉讼');
      else expect(cases).not.toContain('未发生');
    }
  });

  it('is caught by the narrative rules when the tables change after drafting (the test can fail)', () => {
    let caught = 0;
    for (let seed = 1; seed <= 100; seed += 1) {
      const report = drafted(randomReport(seed));
      const received = report.table3.newReceived[TABLE3_TOTAL_COLUMN] ?? 0;
      const carried = report.table3.carriedOver[TABLE3_TOTAL_COLUMN] ?? 0;
      if (received === 0 || carried === 1) continue;
      report.table3.newReceived[TABLE3_TOTAL_COLUMN] = received + 1;
      expect(narrativeMismatches(report).map((f) => f.ruleId)).toContain('N-02');
      caught += 1;
    }
    expect(caught).toBeGreaterThan(50);
  });

  it('keeps the five sub-headings of 一、总体情况 in order', () => {
    const text = draftOverview(generateValidReport(3), 2025);
    const headings = text.split('\n').filter((l) => /^（[一二三四五]）/.test(l));
    expect(headings).toEqual([
      '（一）主动公开',
      '（二）依申请公开',
      '（三）政府信息管理',
      '（四）政府信息公开平台建设',
      '（五）监督保障',
    ]);
  });
});

describe('draftOverviewParagraphs with figures not entered', () => {
  it('leaves out table 二 figures that are blank instead of stating 0', () => {
    const report = generateValidReport(9);
    report.table2.licensing = null;
    report.table2.feesWanYuan = null;
    const { proactive } = draftOverviewParagraphs(report, report.year);
    expect(proactive).not.toContain('行政许可');
    expect(proactive).not.toContain('收费');
    expect(proactive).toContain(`行政处罚处理决定${report.table2.punishment}个`);
  });
});
