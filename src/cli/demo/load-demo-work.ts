import type { ApplicationEvent } from '../../core/applications/application.ts';
import { addDays, yearOf } from '../../core/dates.ts';
import { momentOf } from '../../core/moment.ts';
import { getApplication } from '../../store/applications/applications.repository.ts';
import { listApplications } from '../../store/applications/list-applications.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { listDisclosures } from '../../store/disclosures/disclosures.repository.ts';
import { listNormativeDocuments } from '../../store/table2-sources/normative-documents.repository.ts';
import { listWorkRecords } from '../../store/work-records/work-records.repository.ts';
import { createWorkRecord } from '../../use-cases/work-records/create-work-record.ts';

const ACTOR: Actor = { userId: null, label: '演示数据' };

const dayOf = (year: number, offset: number) => addDays(`${year}-01-01`, offset);

/**
 * The work records of the demo year Y (the last complete year) behind sections 一 and 六:
 *
 * 中卫市数据局 — 2 policy interpretations (of its two 行政规范性文件 of Y, linked to them), one
 * 政府开放日 (60 participants, 60 forms, 3 suggestions: 1 adopted, 1 answered, 1 still pending),
 * 2 人大代表建议 (主办, results published, 100% satisfied) and 1 政协提案 (协办, result not
 * published), 1 training held (45) and 1 attended (3), 2 meetings, its website column and its
 * WeChat account (with figures of Y−1 and Y), the year's figures and 3 tasks of the 工作要点.
 * 中卫市工业和信息化局 — 1 interpretation, 1 training, 1 meeting, the year's figures; no open day.
 * 沙坡头区人民政府办公室 — nothing (the supervisor sees who recorded no work).
 */
function dataRecords(
  y: number,
  feesYuan: number,
  documents: Map<string, string>,
  disclosures: Map<string, string>,
) {
  return [
    {
      kind: 'interpretation',
      data: {
        documentTitle: '《中卫市公共数据管理办法》',
        normativeDocumentId: documents.get('中卫市公共数据管理办法') ?? null,
        disclosureId: disclosures.get('《中卫市公共数据管理办法》政策解读') ?? null,
        forms: ['graphic', 'oneChart'],
        publishedOn: dayOf(y, 146),
        byDraftingOffice: true,
      },
    },
    {
      kind: 'interpretation',
      data: {
        documentTitle: '《中卫市政务数据共享开放实施细则》',
        normativeDocumentId: documents.get('中卫市政务数据共享开放实施细则') ?? null,
        forms: ['text', 'qa'],
        publishedOn: dayOf(y, 255),
        byDraftingOffice: true,
      },
    },
    {
      kind: 'evaluation',
      data: {
        kind: 'openDay',
        theme: '云聚中卫 数算未来',
        heldOn: `${y}-05-20`,
        participants: 60,
        formsHandedOut: 60,
        suggestions: [
          {
            content: '希望在政府网站增加公共数据开放目录的检索功能',
            receivedOn: `${y}-05-20`,
            handling: 'adopted',
            handledOn: `${y}-06-18`,
          },
          {
            content: '建议公开数据中心集群项目的建设进度',
            receivedOn: `${y}-05-20`,
            handling: 'answered',
            handledOn: `${y}-06-05`,
          },
          {
            content: '建议组织企业参观算力调度中心',
            receivedOn: `${y}-05-20`,
            handling: 'pending',
            handledOn: null,
          },
        ],
      },
    },
    ...[1, 2].map((n) => ({
      kind: 'proposal',
      data: {
        kind: 'npcSuggestion',
        role: 'lead',
        number: `第${n * 17}号`,
        title: n === 1 ? '关于加快公共数据开放共享的建议' : '关于推进算力产业人才培养的建议',
        year: y,
        receivedOn: `${y}-03-0${n + 1}`,
        concludedOn: `${y}-06-2${n}`,
        satisfactionPercent: 100,
        resultPublishedOn: `${y}-07-0${n}`,
      },
    })),
    {
      kind: 'proposal',
      data: {
        kind: 'cppccProposal',
        role: 'assist',
        number: '第102号',
        title: '关于提升政务服务数字化水平的提案',
        year: y,
        receivedOn: `${y}-03-05`,
        concludedOn: `${y}-07-15`,
        satisfactionPercent: null,
        resultPublishedOn: null,
      },
    },
    {
      kind: 'training',
      data: { kind: 'held', title: '全市政务公开业务培训', heldOn: `${y}-04-08`, participants: 45 },
    },
    {
      kind: 'training',
      data: { kind: 'attended', title: '全区政务公开工作培训班', heldOn: `${y}-09-12`, participants: 3 },
    },
    {
      kind: 'meeting',
      data: { kind: 'leadershipBriefing', heldOn: `${y}-02-18`, topic: `听取${y}年政务公开工作汇报` },
    },
    {
      kind: 'meeting',
      data: { kind: 'specialMeeting', heldOn: `${y}-06-10`, topic: '研究政务公开工作要点落实' },
    },
    {
      kind: 'channel',
      data: {
        kind: 'website',
        name: '中卫市人民政府网站·数据局栏目',
        openedOn: '2019-03-01',
        years: [{ year: y, posts: 214, followers: null }],
      },
    },
    {
      kind: 'channel',
      data: {
        kind: 'wechat',
        name: '中卫数据',
        openedOn: '2020-07-01',
        filedWith: '中卫市委网信办',
        filedOn: '2020-07-15',
        years: [
          { year: y - 1, posts: 310, followers: 12_000 },
          { year: y, posts: 356, followers: 15_200 },
        ],
      },
    },
    {
      kind: 'figures',
      data: {
        year: y,
        inAnnualAssessment: true,
        workGroupsCleaned: 3,
        workPlanTitle: `中卫市${y}年政务公开工作要点`,
        processingFeesYuan: feesYuan,
      },
    },
    ...[
      ['加强政策解读回应', '制发的2件行政规范性文件均同步解读，解读形式包括图文、一图读懂和政策问答。'],
      ['推进公共数据开放', '更新公共数据开放目录，新增开放数据集26个。'],
      ['办好政府开放日活动', '举办“云聚中卫 数算未来”政府开放日活动，收集意见建议3条。'],
    ].map(([title, implementation], i) => ({
      kind: 'task',
      data: { year: y, position: i + 1, title, implementation },
    })),
  ];
}

function industryRecords(y: number, feesYuan: number, documents: Map<string, string>) {
  return [
    {
      kind: 'interpretation',
      data: {
        documentTitle: '《中卫市工业企业技术改造奖补办法》',
        normativeDocumentId: documents.get('中卫市工业企业技术改造奖补办法') ?? null,
        forms: ['text', 'pressConference'],
        publishedOn: dayOf(y, 100),
        byDraftingOffice: true,
      },
    },
    {
      kind: 'training',
      data: { kind: 'held', title: '政务公开与保密审查培训', heldOn: `${y}-05-12`, participants: 30 },
    },
    {
      kind: 'meeting',
      data: { kind: 'officeMeeting', heldOn: `${y}-03-15`, topic: '研究政务公开年度重点工作' },
    },
    {
      kind: 'figures',
      data: {
        year: y,
        inAnnualAssessment: true,
        workGroupsCleaned: 0,
        workPlanTitle: null,
        processingFeesYuan: feesYuan,
      },
    },
  ];
}

/**
 * The 信息处理费 the agency's applicants paid in `year` (each payment is of the fee notified before
 * it), which the officer enters with the year's figures (六（一）of the report).
 */
function feesPaidInYear(applications: ReadonlyArray<{ events: readonly ApplicationEvent[] }>, year: number) {
  let total = 0;
  for (const a of applications) {
    let notified = 0;
    for (const e of a.events) {
      if (e.type === 'fee-notice') notified = e.amountYuan;
      if (e.type === 'fee-paid' && yearOf(e.on) === year) total += notified;
    }
  }
  return total;
}

/**
 * Adds the demo's work records of the year (see dataRecords and industryRecords), each through the
 * audited repository. Idempotent: an agency that already has work records gets no more.
 */
export async function loadDemoWorkRecords(
  db: StoreDb,
  agencyIds: ReadonlyMap<string, string>,
  now: Date,
): Promise<void> {
  const moment = momentOf(now);
  const year = yearOf(moment.today) - 1;
  for (const [key, agencyId] of agencyIds) {
    if (key !== 'data' && key !== 'industry') continue;
    if ((await listWorkRecords(db, agencyId)).length > 0) continue;
    const documents = new Map(
      (await listNormativeDocuments(db, agencyId, {}, { limit: 1000 })).map((d) => [d.title, d.id]),
    );
    const disclosures = new Map(
      (await listDisclosures(db, agencyId, {}, { limit: 1000 })).items.map((d) => [d.title, d.id]),
    );
    const listed = (await listApplications(db, agencyId, {}, { limit: 200 })).items;
    const applications = await Promise.all(listed.map((a) => getApplication(db, agencyId, a.id)));
    const fees = feesPaidInYear(
      applications.filter((a) => a !== null),
      year,
    );
    const records =
      key === 'data'
        ? dataRecords(year, fees, documents, disclosures)
        : industryRecords(year, fees, documents);
    await db.transaction().execute(async (trx) => {
      for (const record of records) await createWorkRecord(trx, agencyId, record, ACTOR, moment);
    });
  }
}
