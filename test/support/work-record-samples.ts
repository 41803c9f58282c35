import type { WorkRecordKind } from '../../src/core/work-records/work-record-kinds.ts';

/**
 * One valid record body (`{ kind, data }`, as the API takes it) of each kind, all of 2025 (the
 * channel spans 2020–), for tests to start from and break one field at a time.
 */
export function sampleWorkRecords(): Record<
  WorkRecordKind,
  { kind: WorkRecordKind; data: Record<string, unknown> }
> {
  return {
    interpretation: {
      kind: 'interpretation',
      data: {
        documentTitle: '《关于进一步优化营商环境的若干措施》',
        normativeDocumentId: null,
        disclosureId: null,
        forms: ['graphic', 'oneChart'],
        publishedOn: '2025-03-12',
        byDraftingOffice: true,
      },
    },
    evaluation: {
      kind: 'evaluation',
      data: {
        kind: 'openDay',
        theme: '云聚中卫 数算未来',
        heldOn: '2025-05-20',
        endsOn: null,
        participants: 60,
        formsHandedOut: 60,
        suggestions: [
          {
            content: '希望增加办事指南的图解',
            receivedOn: '2025-05-20',
            handling: 'adopted',
            handledOn: '2025-06-10',
          },
          { content: '建议延长周末办事时间', receivedOn: '2025-05-20', handling: 'pending', handledOn: null },
        ],
      },
    },
    proposal: {
      kind: 'proposal',
      data: {
        kind: 'npcSuggestion',
        role: 'lead',
        number: '第12号',
        title: '关于加强数据资源开放共享的建议',
        year: 2025,
        receivedOn: '2025-03-01',
        concludedOn: '2025-06-01',
        satisfactionPercent: 100,
        resultPublishedOn: '2025-06-15',
      },
    },
    training: {
      kind: 'training',
      data: { kind: 'held', title: '政务公开业务培训', heldOn: '2025-04-08', participants: 45 },
    },
    meeting: {
      kind: 'meeting',
      data: { kind: 'specialMeeting', heldOn: '2025-02-18', topic: '研究部署2025年政务公开工作' },
    },
    accountability: {
      kind: 'accountability',
      data: { decidedOn: '2025-09-01', description: '栏目长期未更新，对责任科室予以通报' },
    },
    channel: {
      kind: 'channel',
      data: {
        kind: 'wechat',
        name: '中卫数据',
        openedOn: '2020-07-01',
        filedWith: '中卫市委网信办',
        filedOn: '2020-07-15',
        closedOn: null,
        years: [
          { year: 2024, posts: 310, followers: 12_000 },
          { year: 2025, posts: 356, followers: 15_200 },
        ],
      },
    },
    figures: {
      kind: 'figures',
      data: {
        year: 2025,
        inAnnualAssessment: true,
        workGroupsCleaned: 3,
        workPlanTitle: '中卫市2025年政务公开工作要点',
        processingFeesYuan: 0,
      },
    },
    task: {
      kind: 'task',
      data: { year: 2025, position: 1, title: '加强政策解读', implementation: '全年发布解读材料12篇。' },
    },
  };
}
