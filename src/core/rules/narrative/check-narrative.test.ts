import { describe, expect, it } from 'vitest';
import { clone, generateValidReport } from '../../../../test/support/generate-report.ts';
import type { ReportNumbers } from '../../report/report-numbers.ts';
import type { Report } from '../../report/schema.ts';
import { draftFees } from '../../work-records/draft-other-parts.ts';
import type { WorkSummary } from '../../work-records/work-summary.ts';
import { checkNarrative } from './check-narrative.ts';

function report(
  overview: string,
  other = '本年未收取信息处理费。《2024年政务公开工作要点》落实情况良好。',
): Report {
  const r = clone(generateValidReport(21, { year: 2024, agency: '某某市交通运输局' }));
  r.sections = { overview, problems: '一是解读形式单一。', other };
  return r;
}
const ids = (r: Report) => checkNarrative(r).map((f) => `${f.ruleId}:${f.severity}`);

describe('N-01 "no applications"', () => {
  it('fires when the text says none were received but table 三 has some', () => {
    const r = report('2024年，本局未收到政府信息公开申请。');
    expect(ids(r)).toContain('N-01:warning');
  });
  it('passes when table 三 has none', () => {
    const r = report('2024年，本局未收到政府信息公开申请。');
    r.table3.newReceived = [0, 0, 0, 0, 0, 0, 0];
    expect(ids(r)).not.toContain('N-01:warning');
  });
});

describe('N-02 stated number of applications', () => {
  it('fires when the number differs from 新收 and from 新收 + 上年结转', () => {
    const r = report('2024年，共收到政府信息公开申请 999 件。');
    const [f] = checkNarrative(r).filter((x) => x.ruleId === 'N-02');
    expect(f?.message).toContain('999');
  });
  it('passes for 新收, and for 新收 + 上年结转', () => {
    const r0 = report('');
    const n = r0.table3.newReceived[6]!;
    const c = r0.table3.carriedOver[6]!;
    expect(ids(report(`共收到政府信息公开申请 ${n} 件。`))).not.toContain('N-02:warning');
    expect(ids(report(`共办理政府信息公开申请 ${n + c} 件。`))).not.toContain('N-02:warning');
  });
  it('compares a count of one kind of applicant with that column (seed 002’s phrasing)', () => {
    const sentence =
      '2023 年，共收到和处理自然人申请政府信息公开 1 件，申请公开内容经征求司法局意见，及时进行了回复。';
    const r = report(sentence);
    r.table3.newReceived = [1, 2, 0, 0, 0, 0, 3];
    r.table3.carriedOver = [0, 0, 0, 0, 0, 0, 0];
    expect(ids(r)).not.toContain('N-02:warning');
    r.table3.newReceived = [2, 1, 0, 0, 0, 0, 3];
    const [f] = checkNarrative(r).filter((x) => x.ruleId === 'N-02');
    expect(f?.message).toContain('正文称收到自然人申请 1 件');
    expect(f?.message).toContain('表三本年新收自然人申请为 2 件');
  });
  it('compares 法人或其他组织 with the five organisation columns, and a sentence naming both with the total', () => {
    const r = report('本年度共受理法人或其他组织提出的申请 4 件。');
    r.table3.newReceived = [5, 1, 1, 1, 1, 0, 9];
    r.table3.carriedOver = [0, 0, 0, 0, 0, 0, 0];
    expect(ids(r)).not.toContain('N-02:warning');
    r.table3.newReceived = [5, 1, 1, 1, 0, 0, 8];
    expect(checkNarrative(r).find((x) => x.ruleId === 'N-02')?.message).toContain(
      '法人或其他组织申请为 3 件',
    );
    const both = report('本年度共收到自然人和法人或其他组织申请 9 件。');
    both.table3.newReceived = [5, 1, 1, 1, 1, 0, 9];
    both.table3.carriedOver = [0, 0, 0, 0, 0, 0, 0];
    expect(ids(both)).not.toContain('N-02:warning');
  });
  it('flags "依申请公开 N 份" as ambiguous', () => {
    const r = report('公开文件 25 份，其中：主动公开 17 份，依申请公开 8 份。');
    expect(checkNarrative(r).find((f) => f.ruleId === 'N-02')?.message).toContain('容易被理解为');
  });
});

describe('N-03 办结率100%', () => {
  it('fires when applications are carried forward', () => {
    const r = report('办理申请若干件，办结率100%。');
    r.table3.carriedForward[6] = 3;
    expect(ids(r)).toContain('N-03:warning');
  });
  it('passes when nothing is carried forward', () => {
    const r = report('办理申请若干件，办结率100%。');
    r.table3.carriedForward[6] = 0;
    expect(ids(r)).not.toContain('N-03:warning');
  });
});

describe('N-04 no reconsideration or litigation', () => {
  it('fires when table 四 has cases', () => {
    const r = report('全年未发生行政复议和行政诉讼案件。');
    r.table4.review = [1, 0, 0, 0, 1];
    expect(ids(r)).toContain('N-04:warning');
  });
  it('passes when table 四 is all zero', () => {
    const r = report('全年未发生行政复议和行政诉讼案件。');
    r.table4 = {
      review: [0, 0, 0, 0, 0],
      litigationDirect: [0, 0, 0, 0, 0],
      litigationAfterReview: [0, 0, 0, 0, 0],
    };
    expect(ids(r)).not.toContain('N-04:warning');
  });
});

describe('N-05 no normative documents', () => {
  it('fires when table 二 reports some issued', () => {
    const r = report('本年度未制发规范性文件。');
    r.table2.normativeDocuments = { issued: 2, repealed: 0, inForce: 5 };
    expect(ids(r)).toContain('N-05:warning');
  });
  it('passes when none were issued', () => {
    const r = report('本年度未制发规范性文件。');
    r.table2.normativeDocuments = { issued: 0, repealed: 0, inForce: 5 };
    expect(ids(r)).not.toContain('N-05:warning');
  });
});

describe('N-06 enumerations', () => {
  it('fires when the items fall short of the total', () => {
    expect(ids(report('主动公开信息 30 条，其中政策文件 10 条，工作动态 15 条。'))).toContain('N-06:warning');
  });
  it('fires when one item exceeds the total', () => {
    const f = checkNarrative(report('主动公开信息 30 条，其中网站 20 条，新媒体 45 条。')).find(
      (x) => x.ruleId === 'N-06',
    );
    expect(f?.message).toContain('45 条');
  });
  it('passes when the items add up, counting "各 N 条" once per item', () => {
    expect(
      ids(report('主动公开信息 30 条，其中预算和决算各 1 条，政策文件 13 条，工作动态 15 条。')),
    ).not.toContain('N-06:warning');
  });
  it('does not count what is carried forward (结转) as a part of the concluded total', () => {
    expect(
      ids(report('本年度办结申请 8 件，其中予以公开 5 件、部分公开 3 件，结转下年度继续办理 2 件。')),
    ).not.toContain('N-06:warning');
    // …but counts it when it is listed as a part of what was received.
    expect(
      ids(report('共收到申请 5 件，其中予以公开 3 件、不予公开 1 件、结转下年度继续办理 1 件。')),
    ).not.toContain('N-06:warning');
    // A wrong breakdown is still wrong, 结转 or not.
    expect(
      ids(report('本年度办结申请 8 件，其中予以公开 4 件、部分公开 3 件，结转下年度继续办理 2 件。')),
    ).toContain('N-06:warning');
  });
  it('does not judge an enumeration whose count is garbled between number and unit (“1]条”, as OCR reads it)', () => {
    // Seed 001 read from a scan: “领导分工 1条” read as “1]条”; the items as read add up to 17, not 18.
    const garbled =
      '主动公开各类信息 18条。其中领导分工1]条、部门信息1条，部门文件2条，政协提案及答复信息3条，部门预算1条、决算1条，政府开放日信息3条，安全生产信息1条、计划总结1条、政策解读文件4篇。';
    expect(ids(report(garbled))).not.toContain('N-06:warning');
    expect(ids(report(garbled.replace('1]条', '1条').replace('18条', '19条')))).toContain('N-06:warning');
    expect(
      ids(report('主动公开信息 30 条，其中政策文件 10 条，工作动态 5|条，发布公告 5 条。')),
    ).not.toContain('N-06:warning');
  });
  it('follows an enumeration into the next sentence of the paragraph', () => {
    expect(
      ids(report('主动公开信息 30 条。其中政策文件 10 条，工作动态 15 条。发布公告 5 条。')),
    ).not.toContain('N-06:warning');
  });
});

describe('N-07 years', () => {
  it('fires for a budget of the next year and final accounts of the same year', () => {
    expect(ids(report('及时公开了 2025 年部门预算和 2024 年部门决算。'))).toContain('N-07:warning');
  });
  it('passes for this year’s budget and last year’s final accounts, and for plans', () => {
    expect(ids(report('公开了 2024 年部门预算和 2023 年部门决算。下一步将在2025年完善目录。'))).not.toContain(
      'N-07:warning',
    );
  });
  it('notes a campaign of an earlier year', () => {
    expect(ids(report('围绕党史学习教育加大公开力度。'))).toContain('N-07:info');
  });
});

describe('N-08 legal names', () => {
  it('fires for a regulation that does not exist and for the repealed 492号', () => {
    expect(ids(report('学习《中华人民共和国政务公开条例》。'))).toContain('N-08:warning');
    expect(ids(report('依据国务院令第492号。'))).toContain('N-08:warning');
  });
  it('passes for the correct title and 国务院令第711号', () => {
    const found = ids(report('根据《中华人民共和国政府信息公开条例》（国务院令第711号）。'));
    expect(found.filter((i) => i.startsWith('N-08'))).toEqual([]);
  });
});

describe('N-10 place names of the agency’s own units', () => {
  it('fires when the agency’s unit is named with another place', () => {
    const r = report('及时做好某某市交通运输局、准备市交通运输中心部门预决算公开。');
    expect(ids(r)).toContain('N-10:warning');
  });
  it('passes for the agency’s own city and for 全市/我市', () => {
    const r = report('及时做好某某市交通运输局、某某市交通运输中心部门预决算公开，推动全市交通运输工作。');
    expect(ids(r)).not.toContain('N-10:warning');
  });
  it('takes a place one character off the agency’s own in a scan for a misreading, not a defect', () => {
    // gen-13 read from a scan: the 落款 “测试市第13局” under a red seal read as “引试市第13局”.
    const r = report('及时做好某某市交通运输局、某菜市交通运输中心部门预决算公开。');
    const scanned = (x: Report) =>
      checkNarrative(x, undefined, { scanned: true }).map((f) => `${f.ruleId}:${f.severity}`);
    expect(ids(r)).toContain('N-10:warning');
    expect(scanned(r)).not.toContain('N-10:warning');
    // Two characters off (淄博市 written 准备市) is the agency's own slip, scanned or not.
    expect(scanned(report('及时做好某某市交通运输局、准备市交通运输中心部门预决算公开。'))).toContain(
      'N-10:warning',
    );
  });
});

describe('N-11 wording', () => {
  it('notes a Latin word, a doubled character and 比…相比', () => {
    const found = ids(report('坚持思想 and 精神为指导。公开还不及及时。比2023年相比增加2件。'));
    expect(found.filter((i) => i === 'N-11:info')).toHaveLength(3);
  });
  it('says nothing about clean text', () => {
    expect(ids(report('坚持以人民为中心，及时公开政府信息。'))).not.toContain('N-11:info');
  });
});

describe('S-03 and S-04 sections 六 and 五', () => {
  it('fires when section 六 reports neither the fee nor the 工作要点', () => {
    const found = ids(report('无。', '本报告电子版可在网站下载。'));
    expect(found.filter((i) => i === 'S-03:warning')).toHaveLength(2);
  });
  it('passes when section 六 reports both', () => {
    expect(ids(report('无。'))).not.toContain('S-03:warning');
  });
  it('fires on an empty section 五', () => {
    const r = report('无。');
    r.sections.problems = '';
    expect(ids(r)).toContain('S-04:warning');
  });
});

describe('N-12 placeholders left by the drafting', () => {
  it('is an error for the fee placeholder the draft of part 六 leaves, quoting it', () => {
    const s = draftFees(
      { processingFeesYuan: null } as WorkSummary,
      { table3: { newReceived: [1, 0, 0, 0, 0, 0, 1] } } as ReportNumbers,
    );
    const [f] = checkNarrative(report('2024年，本局依法公开政府信息。', s)).filter(
      (x) => x.ruleId === 'N-12',
    );
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('（请根据收费记录填写金额；未收取的写明“未收取信息处理费”）');
    expect(f?.location.section).toBe('other');
  });
  it('passes once filled in, and for a remark in brackets that asks for nothing to be filled', () => {
    expect(ids(report('2024年，本局依法公开政府信息。', '本年度未收取信息处理费。'))).not.toContain(
      'N-12:error',
    );
    expect(ids(report('详见本局门户网站（请见“政府信息公开”专栏）。'))).not.toContain('N-12:error');
  });
});
