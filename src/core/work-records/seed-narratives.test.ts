import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seed000WorkRecords } from '../../../test/fixtures/work/seed-000.ts';
import { seed001WorkRecords } from '../../../test/fixtures/work/seed-001.ts';
import { seed002WorkRecords } from '../../../test/fixtures/work/seed-002.ts';
import { seed003WorkRecords } from '../../../test/fixtures/work/seed-003.ts';
import { seed004WorkRecords } from '../../../test/fixtures/work/seed-004.ts';
import { loadSeedReport, SEED_NAMES, type SeedName, seedTextPath } from '../../../test/support/seeds.ts';
import type { Report } from '../report/schema.ts';
import { checkNarrative } from '../rules/narrative/check-narrative.ts';
import { draftNarrative } from './draft-narrative.ts';
import type { WorkRecordsOfYear } from './work-records.ts';
import { summariseWork } from './work-summary.ts';

/**
 * For each of the five seeds: the records that would have produced its sections 一 and 六
 * (test/fixtures/work/seed-NNN.ts), drafted with the seed's own tables. Each covered figure pairs
 * what the seed says (checked to be in the seed's text) with what the draft says for the same
 * figure (checked to be in the draft), so the list below is the coverage of the seed figures;
 * `notCovered` names what the seed states that the draft does not, and why.
 */
interface SeedCase {
  records: () => WorkRecordsOfYear;
  covered: Array<[seedSays: string, draftSays: string]>;
  notCovered: string[];
}

const SEEDS: Record<SeedName, SeedCase> = {
  '000': {
    records: seed000WorkRecords,
    covered: [
      ['2023年主动公开各类信息63条', '2023年，中卫市云计算和大数据发展局主动公开政府信息63条，其中'],
      ['2023年部门预算和2022年部门决算各1条', '2023年部门预算1条、2022年部门决算1条'],
      ['政策解读文件6条', '政策解读文件6条'],
      ['法治政府信息1条', '法治政府信息1条'],
      ['安全生产信息3条', '安全生产信息3条'],
      ['部门文件7个', '部门文件7条'],
      ['重点项目建设、招商引资等重点领域信息22条', '重点项目建设、招商引资等重点领域信息22条'],
      ['计划总结1条', '计划总结1条'],
      ['政协提案答复信息6条', '政协提案答复信息6条'],
      ['“政府开放周”活动公告、方案及信息3条', '“政府开放周”活动公告、方案及信息3条'],
      ['政策问答信息3条', '政策问答信息3条'],
      ['意见建议的公告1条', '政策征求意见公告1条'],
      ['意见建议的结果反馈》1条', '征求意见结果反馈1条'],
      ['高层次青年人才相关信息5条', '公开招聘高层次青年人才信息5条'],
      ['2023年主动公开各类信息63条', '其他2条。'],
      ['在市人民政府网站进行公布', '上述信息均通过中卫市人民政府网站发布'],
      ['未收到任何形式的政府信息公开申请', '本机关未收到政府信息公开申请'],
      ['未产生因政府信息公开申请引发的行政复议和行政诉讼', '未发生政府信息公开行政复议、行政诉讼案件'],
      ['未制发规范性文件', '未制发行政规范性文件'],
      ['无独立门户网站和政务新媒体', '未开设独立的政府网站和政务新媒体'],
      ['清理整合微信工作群2个', '本年清理整合工作群2个'],
      ['纳入年度考核内容', '将政务公开工作纳入年度考核'],
      ['组织开展政务信息工作培训', '组织政务公开培训1次'],
      ['为主题的“政府开放周”活动', '以“云聚中卫 数算未来”为主题的政府开放周活动'],
      ['发放征求意见表24份', '发放征求意见表24份，收集意见建议5条'],
      ['搜集行业企业及群众意见建议5条', '收集意见建议5条，均已答复'],
      ['未出现因政府信息公开问题的责任追究情况', '本年未发生因政府信息公开工作引起的责任追究情况'],
      ['进行了图文和视频多角度解读', '本年发布政策解读6篇，其中图文解读3篇、视频解读3篇'],
      ['“谁起草、谁解读”的原则', '按照“谁起草、谁解读”原则由起草科室解读6篇'],
      ['《2023年政务公开工作要点》落实情况', '（二）《2023年政务公开工作要点》落实情况'],
      ['1.深入推进重点领域信息公开', '1.深入推进重点领域信息公开。一是'],
      ['通过政府网站公开产业发展信息40余条', '通过政府网站公开产业发展信息40余条'],
      ['2.强化政策多元解读', '2.强化政策多元解读。'],
      ['编印200余本产业发展政策汇编', '编印200余本产业发展政策汇编'],
      ['3.扎实开展“政府开放周”活动', '3.扎实开展“政府开放周”活动。'],
      ['未产生因政府信息公开收取处理费情况', '本年度未收取信息处理费'],
    ],
    notCovered: [
      '开头的指导思想段落（不是数字，由经办人撰写）',
      '“公开属性标识100%全覆盖”“无违反规定发布信息和失泄密情况”（台账不记录）',
      '调整政务公开工作领导小组（台账不记录）',
    ],
  },
  '001': {
    records: seed001WorkRecords,
    covered: [
      ['2024年，主动公开各类信息18条', '2024年，中卫市数据局主动公开政府信息18条，其中'],
      ['领导分工1条', '领导分工1条'],
      ['部门信息1条', '部门信息1条'],
      ['部门文件2条', '部门文件2条'],
      ['政协提案及答复信息3条', '政协提案及答复信息3条'],
      ['部门预算1条', '部门预算1条'],
      ['决算1条', '决算1条'],
      ['政府开放日信息3条', '政府开放日信息3条'],
      ['安全生产信息1条', '安全生产信息1条'],
      ['计划总结1条', '计划总结1条'],
      ['政策解读文件4篇', '政策解读文件4条'],
      ['政策解读文件4篇', '本年发布政策解读4篇'],
      ['通过市人民政府网站及时发布', '上述信息均通过中卫市人民政府网站发布'],
      ['办理政府信息公开申请1件', '本机关共收到政府信息公开申请1件'],
      ['办结率100%', '办结率100%'],
      ['未产生因政府信息公开申请引发的行政复议和行政诉讼', '未发生政府信息公开行政复议、行政诉讼案件'],
      ['未制发规范性文件', '未制发行政规范性文件'],
      ['依托市人民政府网站统一发布政务信息', '未开设独立的政府网站和政务新媒体'],
      ['纳入局年终绩效考核', '将政务公开工作纳入年度考核'],
      ['通过“政府开放日”活动，开展群众评议活动', '开展政府开放日活动'],
      ['未出现因政府信息公开问题的责任追究情况', '本年未发生因政府信息公开工作引起的责任追究情况'],
      ['未收取任何信息处理费', '本年度未收取信息处理费'],
    ],
    notCovered: [
      '机构改革后调整政府信息公开指南和目录（台账不记录）',
      '配合第三方评估（台账不记录）',
      '第六部分没有工作要点落实情况（DOMAIN 001-W1）：草稿写明“本年度未登记政务公开工作要点任务的落实情况”',
    ],
  },
  '002': {
    records: seed002WorkRecords,
    covered: [
      [
        '2023年公开文件25份，其中：主动公开17份，依申请公开8份',
        '本年确定公开属性的文件25份，其中公开属性为主动公开的17份、依申请公开的8份',
      ],
      ['主动公开17份', '2023年，中卫市工业和信息化局主动公开政府信息17条'],
      ['依托市政府网站发布文件信息94条', '中卫市人民政府网站全年发布信息94条'],
      ['政务微博发布信息267条', '中卫市工业和信息化局政务微博全年发布信息267条'],
      ['政务微博关注量73个用户', '政务微博全年发布信息267条，关注用户73个'],
      ['公开人大代表建议和政协委员提案办理结果8件', '已公开办理结果8件，实现全部公开'],
      ['共收到和处理自然人申请政府信息公开1件', '本机关共收到政府信息公开申请1件'],
      ['不存在因政府信息公开提起的行政复议等情况', '未发生政府信息公开行政复议、行政诉讼案件'],
      ['13个工业固定资产投资项目节能审查意见', '作出行政许可处理决定13个'],
      ['视频+图文重点解读了', '本年发布政策解读1篇，采用图文解读1篇、视频解读1篇'],
      ['定期组织业务培训', '组织政务公开培训2次'],
      ['发放调查问卷27份', '发放征求意见表27份'],
      ['搜集群众意见建议7条', '收集意见建议7条'],
      ['未发生因政府信息公开产生的责任追究情况', '本年未发生因政府信息公开工作引起的责任追究情况'],
      ['《中卫市2023年政务公开工作要点》落实情况', '（二）《中卫市2023年政务公开工作要点》落实情况'],
      ['1.围绕高质量发展强化信息公开', '1.围绕高质量发展强化信息公开。'],
      ['通过政府网站发布相关信息23条', '通过政府网站发布相关信息23条'],
      ['通过宁夏日报、中卫日报发布相关信息18条', '通过宁夏日报、中卫日报发布相关信息18条'],
      ['通过会议宣贯政策12次，主动公开重点工作方案9次', '通过会议宣贯政策12次，主动公开重点工作方案9次'],
      ['及时公开13份节能审查意见', '及时公开13份节能审查意见'],
      ['2.积极开展政策解读', '2.积极开展政策解读。'],
      ['促进小微企业发展有关政策41项', '促进小微企业发展有关政策41项'],
      ['3.扩大政策精准推送', '3.扩大政策精准推送。'],
      ['政策汇编》150本', '政策汇编》150本'],
      ['4.规范平台信息化建设', '4.规范平台信息化建设。'],
      ['局政务微博注册于2014年7月，已向市政务公开办报备', '局政务微博注册于2014年7月，已向市政务公开办报备'],
      ['本机关2023年未收取信息处理费', '本年度未收取信息处理费'],
    ],
    notCovered: [
      '“及时公开了2024年部门预算和2023年部门决算”：年份不可能（DOMAIN 002-W1），不写入草稿',
      '2个项目节能监察结果、14家重点用能企业节能监察结果：未作为分类写入“其中”（原文不是其中列举）',
      '征求司法局意见（办理过程，台账不记录）',
    ],
  },
  '003': {
    records: seed003WorkRecords,
    covered: [
      ['工作信息20条', '主动公开政府信息22条，其中工作信息20条、单位总结报告1条、公告1条'],
      ['在市人民政府门户网站公开单位总结报告1件，公告1件', '上述信息均通过中卫市人民政府门户网站发布'],
      [
        '主办人大建议0件，协办人大建议0件，主办政协提案0件，协办政协提案0件',
        '本年度未承办人大代表建议和政协委员提案',
      ],
      ['公众号共发布信息7条', '“中卫市公共机构节能”微信公众号全年发布信息7条'],
      ['该公众号已报请市委网信办备案', '运营政府网站和政务新媒体1个，均为微信公众号。上述网站和账号均已备案'],
      ['未收到任何形式的政府信息公开申请', '本机关未收到政府信息公开申请'],
      ['不存在行政复议与行政诉讼情况', '未发生政府信息公开行政复议、行政诉讼案件'],
      ['未发现任何行政规范性文件', '未制发行政规范性文件'],
      ['作为年度考核重要内容', '将政务公开工作纳入年度考核'],
      [
        '9月27日，邀请社区工作人员、群众代表及合作单位代表等社会各界人士共计27人，开展了以“节约集约，标准化、信息化、规范化保障服务”为主题的“政府开放日”活动',
        '9月27日，开展以“节约集约，标准化、信息化、规范化保障服务”为主题的政府开放日活动，参加27人',
      ],
      ['共收集到意见建议5条，截至目前，已全部认真落实整改', '收集意见建议5条，均已采纳'],
      ['2023年未出现因政府信息公开问题引起责任追究的情况', '本年未发生因政府信息公开工作引起的责任追究情况'],
      ['主要负责人听取汇报并安排政务公开工作2次', '主要负责同志听取政务公开工作汇报2次'],
      ['开展政务公开培训2次', '组织政务公开培训2次'],
      ['《中卫市2023年政务公开工作要点》下发后', '（二）《中卫市2023年政务公开工作要点》落实情况'],
      ['未收到政府信息公开申请，不存在信息处理费情况', '本年度未收到政府信息公开申请，未收取信息处理费'],
    ],
    notCovered: [
      '公众号于2023年12月注册：开通日期在渠道记录中，草稿未写',
      '公众号7篇均为转载（台账只记篇数）',
      '“通报0件”“其他信息0条”：为0的分类不列入“其中”',
    ],
  },
  '004': {
    records: seed004WorkRecords,
    covered: [
      ['全年主动公开政府信息138条', '2023年，淄博市大数据局主动公开政府信息138条'],
      ['通过政府信息公开专栏主动公开政府信息35条', '其中通过政府信息公开专栏发布35条'],
      ['通过局门户网站主动公开政府信息103条', '通过局门户网站发布103条'],
      ['通过政务微博、微信公众号等新媒体公开政府信息235条', '政务新媒体全年共发布信息235条'],
      ['发布政策解读3件', '本年发布政策解读3篇'],
      ['2023年共收到3位群众', '本机关共收到政府信息公开申请3件'],
      ['未发生行政复议和行政诉讼案件', '未发生政府信息公开行政复议、行政诉讼案件'],
      ['先后2次组织召开局长办公会、政务公开专题会议', '召开政务公开专题会议2次'],
      ['积极派员参加全市政务公开、网站和新媒体工作培训会', '派员参加政务公开培训1次'],
      ['政府信息公开信息处理费为0元', '本年度未收取信息处理费'],
      [
        '共收到人大代表建议6件、政协委员提案8件',
        '本年度共承办建议提案14件，其中人大代表建议6件、政协委员提案8件',
      ],
      ['全部办件已于2023年7月31日前办理结束', '已全部办结，最后一件于2023年7月31日办结'],
      ['沟通满意率100%', '代表委员满意度测评平均为100%'],
      ['通过局门户网站公开了答复全文', '已公开办理结果14件，实现全部公开'],
      ['发布稿件4篇', '发布稿件4篇'],
      [
        '今年公布5次局长办公会内容，1次图片解读、1次图文解读',
        '今年公布5次局长办公会内容，1次图片解读、1次图文解读',
      ],
      ['今年公开信息35条', '今年公开信息35条'],
      ['今年召开4场新闻发布会', '今年召开4场新闻发布会'],
      ['今年共答复3件依申请答复件', '今年共答复3件依申请答复件'],
      ['今年召开2次专题会议研究解决重点难点问题', '召开政务公开专题会议2次'],
      ['主要负责同志年内听取2次政务公开工作汇报', '主要负责同志听取政务公开工作汇报2次'],
      ['今年组织了1次政务公开专题培训', '组织政务公开培训1次'],
      ['围绕《2023年淄博市政务公开工作实施方案》内容', '（二）《2023年淄博市政务公开工作实施方案》落实情况'],
    ],
    notCovered: [
      '“比2022年相比增加2件，同比增长200%”：上年数字不在本年记录中',
      '获全省数字强省宣传月最佳传播力奖（台账不记录）',
      '党史学习教育（2021年的活动，DOMAIN 004-I1），不写入草稿',
    ],
  },
};

/** Whitespace, Markdown bold and full-/half-width differences do not change what a text says. */
const normalise = (text: string) => text.normalize('NFKC').replace(/[\s*]/g, '');

function drafted(name: SeedName) {
  const report = loadSeedReport(name);
  const draft = draftNarrative(summariseWork(SEEDS[name].records()), report, report.year, report.agency);
  const withDraft: Report = {
    ...report,
    sections: { ...report.sections, overview: draft.overview, other: draft.other },
  };
  return { report, draft, withDraft };
}

/** Findings of the narrative rules on sections 一 and 六 (the seeds' titles and sections 五 keep theirs). */
const narrativeFindings = (report: Report) =>
  checkNarrative(report).filter(
    (f) =>
      (f.ruleId.startsWith('N-') || f.ruleId === 'S-03') &&
      f.assessable &&
      (f.location.section === 'overview' || f.location.section === 'other'),
  );

describe.each(SEED_NAMES)('the narrative drafted from the records of seed %s', (name) => {
  const seedText = normalise(readFileSync(seedTextPath(name), 'utf8'));

  it('states each figure the seed states, with the same meaning', () => {
    const { draft } = drafted(name);
    const text = `${draft.overview}\n${draft.other}`;
    for (const [seedSays, draftSays] of SEEDS[name].covered) {
      expect(seedText, `the seed says “${seedSays}”`).toContain(normalise(seedSays));
      expect(text, `the draft says “${draftSays}”`).toContain(draftSays);
    }
  });

  it('gives no narrative finding, with the seed’s own tables', () => {
    expect(narrativeFindings(drafted(name).withDraft)).toEqual([]);
  });

  it('names what it does not cover', () => {
    expect(SEEDS[name].notCovered.length).toBeGreaterThan(0);
  });
});

describe('the seeds’ own narratives against the drafts', () => {
  it('seed 000 claims 63 items and lists 61 (N-06); the draft lists 63 with the 2 unnamed under 其他', () => {
    const own = narrativeFindings(loadSeedReport('000')).filter((f) => f.ruleId === 'N-06');
    expect(own.map((f) => f.message).join()).toContain('61');
    const { withDraft } = drafted('000');
    expect(narrativeFindings(withDraft)).toEqual([]);
  });

  it('seed 004 lists its 235 new-media items inside the 138 (N-06); the draft states them apart', () => {
    expect(narrativeFindings(loadSeedReport('004')).some((f) => f.ruleId === 'N-06')).toBe(true);
    expect(drafted('004').draft.overview).not.toMatch(/其中[^。]*235/);
  });

  it('seed 002 reads “依申请公开 8 份” as applications (N-02); the draft names the attribute', () => {
    expect(narrativeFindings(loadSeedReport('002')).some((f) => f.ruleId === 'N-02')).toBe(true);
    expect(drafted('002').draft.overview).toContain('公开属性为主动公开的17份、依申请公开的8份');
  });
});
