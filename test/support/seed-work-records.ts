/**
 * The work records that would have produced sections 一 and 六 of seeds 000, 002, 003 and 004
 * (test/fixtures/seeds), as API bodies, with only what the seeds state (suggestion texts are
 * placeholders: the seeds count them without quoting them). Figures a seed does not state (seed
 * 001's open day, seed 000's participants) are left unrecorded (null), not entered as 0.
 */
type Body = { kind: string; data: Record<string, unknown> };

const suggestions = (n: number, heldOn: string, handledOn: string | null) =>
  Array.from({ length: n }, (_, i) => ({
    content: `意见建议${i + 1}`,
    receivedOn: heldOn,
    handling: handledOn === null ? 'pending' : 'answered',
    handledOn,
  }));

const proposals = (kind: 'npcSuggestion' | 'cppccProposal', n: number, year: number, published: boolean) =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'proposal',
    data: {
      kind,
      role: 'lead',
      number: `第${i + 1}号`,
      title: `${kind === 'npcSuggestion' ? '建议' : '提案'}${i + 1}`,
      year,
      receivedOn: `${year}-03-10`,
      concludedOn: `${year}-07-31`,
      satisfactionPercent: 100,
      resultPublishedOn: published ? `${year}-08-15` : null,
    },
  }));

export const SEED_WORK_RECORDS: Record<string, { year: number; records: Body[] }> = {
  /** 中卫市云计算和大数据发展局 2023: 政府开放周, 24 forms, 5 suggestions; 2 groups cleaned; 6 提案答复. */
  '000': {
    year: 2023,
    records: [
      {
        kind: 'evaluation',
        data: {
          kind: 'openWeek',
          theme: '云聚中卫 数算未来',
          heldOn: '2023-09-18',
          endsOn: '2023-09-22',
          participants: null,
          formsHandedOut: 24,
          suggestions: suggestions(5, '2023-09-22', '2023-10-20'),
        },
      },
      ...[
        '中卫市云计算和大数据产业发展“十四五”规划',
        '中卫市关于加强数字政府建设的实施方案',
        '中卫市政务信息化项目管理办法（试行）',
      ].map((title, i) => ({
        kind: 'interpretation',
        data: {
          documentTitle: `《${title}》`,
          forms: ['graphic', 'video'],
          publishedOn: `2023-0${i + 4}-15`,
          byDraftingOffice: true,
        },
      })),
      ...proposals('cppccProposal', 6, 2023, true),
      {
        kind: 'training',
        data: { kind: 'held', title: '政务信息工作培训', heldOn: '2023-06-01', participants: null },
      },
      {
        kind: 'figures',
        data: {
          year: 2023,
          inAnnualAssessment: true,
          workGroupsCleaned: 2,
          workPlanTitle: '2023年政务公开工作要点',
        },
      },
    ],
  },
  /** 中卫市数据局 2024: an open day with 群众评议 and no figure stated; 4 interpretations; 3 政协提案 answers published. */
  '001': {
    year: 2024,
    records: [
      {
        kind: 'evaluation',
        data: { kind: 'openDay', theme: '群众评议', heldOn: '2024-09-26', suggestions: [] },
      },
      ...[1, 2, 3, 4].map((i) => ({
        kind: 'interpretation',
        data: {
          documentTitle: `《文件${i}》`,
          forms: ['text'],
          publishedOn: `2024-0${i + 2}-15`,
          byDraftingOffice: false,
        },
      })),
      ...proposals('cppccProposal', 3, 2024, true),
      { kind: 'figures', data: { year: 2024, inAnnualAssessment: true } },
    ],
  },
  /** 中卫市工业和信息化局 2023: website 94 items, weibo 267 items / 73 followers (opened 2014-07); 27 forms, 7 suggestions; 8 results published (the split 3 + 5 is not in the seed). */
  '002': {
    year: 2023,
    records: [
      {
        kind: 'channel',
        data: {
          kind: 'website',
          name: '中卫市人民政府网站',
          years: [{ year: 2023, posts: 94, followers: null }],
        },
      },
      {
        kind: 'channel',
        data: {
          kind: 'weibo',
          name: '中卫市工业和信息化局政务微博',
          openedOn: '2014-07-01',
          filedWith: '市政务公开办',
          years: [{ year: 2023, posts: 267, followers: 73 }],
        },
      },
      {
        kind: 'evaluation',
        data: {
          kind: 'openDay',
          theme: '政府开放日',
          heldOn: '2023-09-20',
          participants: 27,
          formsHandedOut: 27,
          suggestions: suggestions(7, '2023-09-20', '2023-10-31'),
        },
      },
      ...proposals('npcSuggestion', 3, 2023, true),
      ...proposals('cppccProposal', 5, 2023, true),
      {
        kind: 'interpretation',
        data: {
          documentTitle: '《中卫市推动新材料产业高质量发展政策措施》',
          forms: ['video', 'graphic'],
          publishedOn: '2023-05-10',
          byDraftingOffice: true,
        },
      },
      {
        kind: 'figures',
        data: {
          year: 2023,
          inAnnualAssessment: true,
          workGroupsCleaned: 0,
          workPlanTitle: '中卫市2023年政务公开工作要点',
        },
      },
    ],
  },
  /** 中卫市机关事务服务中心 2023: open day 27 September, 27 people, 5 suggestions all handled; WeChat opened December, filed, 7 posts; 2 briefings, 2 trainings. */
  '003': {
    year: 2023,
    records: [
      {
        kind: 'evaluation',
        data: {
          kind: 'openDay',
          theme: '节约集约，标准化、信息化、规范化保障服务',
          heldOn: '2023-09-27',
          participants: 27,
          formsHandedOut: 0,
          suggestions: suggestions(5, '2023-09-27', '2023-11-30'),
        },
      },
      {
        kind: 'channel',
        data: {
          kind: 'wechat',
          name: '中卫市公共机构节能',
          openedOn: '2023-12-01',
          filedWith: '市委网信办',
          years: [{ year: 2023, posts: 7, followers: null }],
        },
      },
      ...['2023-03-20', '2023-08-15'].map((heldOn) => ({
        kind: 'meeting',
        data: { kind: 'leadershipBriefing', heldOn, topic: '听取政务公开工作汇报' },
      })),
      ...['2023-04-12', '2023-10-18'].map((heldOn) => ({
        kind: 'training',
        data: { kind: 'held', title: '政务公开培训', heldOn, participants: 30 },
      })),
      {
        kind: 'figures',
        data: {
          year: 2023,
          inAnnualAssessment: true,
          workGroupsCleaned: 0,
          workPlanTitle: '中卫市2023年政务公开工作要点',
        },
      },
    ],
  },
  /** 淄博市大数据局 2023: 6 人大代表建议 and 8 政协委员提案, all concluded by 31 July, 100% satisfied; 3 interpretations; 2 briefings, 2 special meetings, 1 training. */
  '004': {
    year: 2023,
    records: [
      ...proposals('npcSuggestion', 6, 2023, true),
      ...proposals('cppccProposal', 8, 2023, true),
      ...[1, 2, 3].map((i) => ({
        kind: 'interpretation',
        data: {
          documentTitle: `《解读文件${i}》`,
          forms: ['graphic'],
          publishedOn: `2023-0${i + 2}-01`,
          byDraftingOffice: true,
        },
      })),
      ...['2023-04-10', '2023-10-10'].map((heldOn) => ({
        kind: 'meeting',
        data: { kind: 'leadershipBriefing', heldOn, topic: '听取政务公开工作汇报' },
      })),
      ...['2023-05-10', '2023-11-10'].map((heldOn) => ({
        kind: 'meeting',
        data: { kind: 'specialMeeting', heldOn, topic: '研究解决政务公开重点难点问题' },
      })),
      {
        kind: 'training',
        data: { kind: 'held', title: '政务公开专题培训', heldOn: '2023-06-20', participants: 40 },
      },
      {
        kind: 'figures',
        data: {
          year: 2023,
          inAnnualAssessment: true,
          workGroupsCleaned: 0,
          workPlanTitle: '2023年全市大数据工作要点',
        },
      },
    ],
  },
};
