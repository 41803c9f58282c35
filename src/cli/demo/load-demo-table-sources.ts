import { addDays, type IsoDate, yearOf } from '../../core/dates.ts';
import type {
  DisclosureActor,
  DisclosureContent,
  DisclosureStepInput,
} from '../../core/disclosures/disclosure.ts';
import { type Moment, momentOf } from '../../core/moment.ts';
import { parseWanYuan } from '../../core/table2-sources/enforcement-figures.ts';
import type { NormativeKind } from '../../core/table2-sources/normative-document.ts';
import { findOldestApplication } from '../../store/applications/find-oldest-application.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import { listCases } from '../../store/cases/cases.repository.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { listDisclosures } from '../../store/disclosures/disclosures.repository.ts';
import { getEnforcementFigures } from '../../store/table2-sources/enforcement-statistics.repository.ts';
import { listNormativeDocuments } from '../../store/table2-sources/normative-documents.repository.ts';
import { findUserByUsername } from '../../store/users/users.repository.ts';
import { decideCase } from '../../use-cases/cases/decide-case.ts';
import { fileCase } from '../../use-cases/cases/file-case.ts';
import { applyDisclosureItemStep } from '../../use-cases/disclosures/apply-disclosure-item-step.ts';
import { draftDisclosureItem } from '../../use-cases/disclosures/draft-disclosure-item.ts';
import { issueNormativeDocument } from '../../use-cases/table2-sources/issue-normative-document.ts';
import { repealNormativeDocument } from '../../use-cases/table2-sources/repeal-normative-document.ts';
import { saveEnforcementFigures } from '../../use-cases/table2-sources/save-enforcement-figures.ts';

const ACTOR: Actor = { userId: null, label: '演示数据' };

/** 10:00 Beijing time of `day`, but never later than `now`. */
function momentOn(day: IsoDate, now: Date): Moment {
  const at = new Date(`${day}T10:00:00+08:00`);
  return momentOf(at < now ? at : now);
}

interface DemoDocument {
  kind: NormativeKind;
  number: string;
  title: string;
  /** Days relative to 1 January of the demo year Y (negative: earlier years). */
  issued: number;
  repealed?: number;
}

/**
 * The sources of tables 二 and 四 (table-二 sources, cases) of the demo year Y (the last complete year before `now`,
 * the one whose annual report is due on 31 January), fixed so that the tables are known by hand:
 *
 * 中卫市数据局, year Y — 行政规范性文件 本年制发 2, 本年废止 1, 现行有效 3; 规章 0 / 0 / 0;
 * 行政许可 12, 行政处罚 0, 行政强制 0, 行政事业性收费 0 万元; table 四: 行政复议 维持 1, 纠正 1
 * (总计 2); 未经复议直接起诉 尚未审结 1; 复议后起诉 维持 1.
 * 中卫市工业和信息化局, year Y — 行政规范性文件 1 / 0 / 1; 行政许可 86, 行政处罚 14, 行政强制 2,
 * 行政事业性收费 3.265 万元; no cases.
 */
const DOCUMENTS: Record<string, readonly DemoDocument[]> = {
  data: [
    {
      kind: 'normative',
      number: '中卫数发〔Y-2〕3号',
      title: '中卫市公共数据管理暂行办法',
      issued: -560,
      repealed: 139,
    },
    { kind: 'normative', number: '中卫数发〔Y-1〕5号', title: '中卫市数据中心能耗管理规定', issued: -306 },
    { kind: 'normative', number: '中卫数发〔Y〕2号', title: '中卫市公共数据管理办法', issued: 139 },
    { kind: 'normative', number: '中卫数发〔Y〕7号', title: '中卫市政务数据共享开放实施细则', issued: 250 },
  ],
  industry: [
    { kind: 'normative', number: '卫工信发〔Y〕4号', title: '中卫市工业企业技术改造奖补办法', issued: 95 },
  ],
};

const FIGURES: Record<string, { licensing: number; punishment: number; coercion: number; fees: string }> = {
  data: { licensing: 12, punishment: 0, coercion: 0, fees: '0' },
  industry: { licensing: 86, punishment: 14, coercion: 2, fees: '3.2650' },
};

const CASES = [
  { kind: 'review', filed: 70, decided: 127, result: 'upheld', number: '卫政复〔Y〕11号' },
  { kind: 'review', filed: 231, decided: 287, result: 'corrected', number: '卫政复〔Y〕36号' },
  { kind: 'litigationDirect', filed: 306, decided: null, result: null, number: '（Y）宁0502行初58号' },
  {
    kind: 'litigationAfterReview',
    filed: 152,
    decided: 334,
    result: 'upheld',
    number: '（Y）宁0502行初21号',
  },
] as const;

const dayOf = (year: number, offset: number) => addDays(`${year}-01-01`, offset);
const named = (text: string, year: number) =>
  text
    .replace('Y-2', String(year - 2))
    .replace('Y-1', String(year - 1))
    .replace('Y', String(year));

/** One agency of the demo (by its key in DOCUMENTS, FIGURES…) and the year its records are for. */
interface DemoAgencyYear {
  db: StoreDb;
  key: string;
  agencyId: string;
  year: number;
  now: Date;
}

async function loadDocuments({ db, key, agencyId, year, now }: DemoAgencyYear): Promise<void> {
  if ((await listNormativeDocuments(db, agencyId, {}, { limit: 1 })).length > 0) return;
  for (const d of DOCUMENTS[key] ?? []) {
    const issuedOn = dayOf(year, d.issued);
    await db.transaction().execute(async (trx) => {
      const doc = await issueNormativeDocument(
        trx,
        agencyId,
        { kind: d.kind, documentNumber: named(d.number, year), title: d.title, issuedOn },
        ACTOR,
        momentOn(issuedOn, now),
      );
      if (d.repealed !== undefined) {
        const repealedOn = dayOf(year, d.repealed);
        await repealNormativeDocument(
          trx,
          agencyId,
          doc.id,
          repealedOn,
          doc.version,
          ACTOR,
          momentOn(repealedOn, now),
        );
      }
    });
  }
}

async function loadFigures({ db, key, agencyId, year, now }: DemoAgencyYear): Promise<void> {
  const f = FIGURES[key];
  if (!f || (await getEnforcementFigures(db, agencyId, year))) return;
  const figures = {
    licensing: f.licensing,
    punishment: f.punishment,
    coercion: f.coercion,
    feesWanYuanE4: parseWanYuan(f.fees),
  };
  await db
    .transaction()
    .execute((trx) =>
      saveEnforcementFigures(trx, agencyId, year, figures, null, ACTOR, momentOn(`${year + 1}-01-10`, now)),
    );
}

async function loadCases(db: StoreDb, agencyId: string, year: number, now: Date): Promise<void> {
  if ((await listCases(db, agencyId, {}, { limit: 1 })).length > 0) return;
  // The first case concerns the agency's oldest application, when it was received before the filing.
  const oldest = await findOldestApplication(db, agencyId);
  for (const [i, c] of CASES.entries()) {
    const filedOn = dayOf(year, c.filed);
    const applicationId = i === 0 && oldest && oldest.receivedOn <= filedOn ? oldest.id : null;
    await db.transaction().execute(async (trx) => {
      const filed = await fileCase(
        trx,
        agencyId,
        { kind: c.kind, filedOn, caseNumber: named(c.number, year), applicationId },
        ACTOR,
        momentOn(filedOn, now),
      );
      if (c.decided !== null && c.result !== null) {
        const decidedOn = dayOf(year, c.decided);
        await decideCase(
          trx,
          agencyId,
          filed.id,
          { result: c.result, decidedOn },
          1,
          ACTOR,
          momentOn(decidedOn, now),
        );
      }
    });
  }
}

interface DemoDisclosure {
  content: Omit<DisclosureContent, 'createdOn'>;
  createdOn: (year: number, today: IsoDate) => IsoDate;
  /** Steps, each taken `days` after creation (at most today). */
  steps: Array<{
    by: 'officer' | 'head' | 'leader';
    days: number;
    step: (year: number) => DisclosureStepInput;
  }>;
}

const DISCLOSURES: readonly DemoDisclosure[] = [
  {
    content: {
      title: '《中卫市公共数据管理办法》政策解读',
      category: '政策解读',
      channel: 'website',
      documentNumber: null,
      attribute: 'proactive',
      attributeReason: null,
    },
    createdOn: (y) => dayOf(y, 139),
    steps: [
      { by: 'officer', days: 1, step: () => ({ type: 'submit' }) },
      { by: 'head', days: 2, step: () => ({ type: 'sectionApprove', secrecyConclusion: 'publishable' }) },
      { by: 'leader', days: 3, step: () => ({ type: 'leaderApprove' }) },
      { by: 'officer', days: 7, step: (y) => ({ type: 'publish', publishedOn: dayOf(y, 146) }) },
    ],
  },
  {
    content: {
      title: '中卫市数据局部门决算',
      category: '财政信息',
      channel: 'website',
      documentNumber: null,
      attribute: 'proactive',
      attributeReason: null,
    },
    // Published late (art. 26): created 1 July, published 15 August.
    createdOn: (y) => `${y}-07-01`,
    steps: [
      { by: 'officer', days: 30, step: () => ({ type: 'submit' }) },
      {
        by: 'head',
        days: 35,
        step: () => ({
          type: 'sectionApprove',
          secrecyConclusion: 'publishableAfterRedaction',
          secrecyNote: '删除附表中涉及个人的信息',
        }),
      },
      { by: 'leader', days: 44, step: () => ({ type: 'leaderApprove' }) },
      { by: 'officer', days: 45, step: (y) => ({ type: 'publish', publishedOn: `${y}-08-15` }) },
    ],
  },
  {
    content: {
      title: '数据中心集群项目安全防护方案',
      category: '其他',
      channel: 'other',
      documentNumber: null,
      attribute: 'withheld',
      attributeReason: '涉及网络安全防护措施，公开后可能危及国家安全（条例第十四条）',
    },
    createdOn: (_y, today) => addDays(today, -12),
    steps: [
      { by: 'officer', days: 1, step: () => ({ type: 'submit' }) },
      { by: 'head', days: 2, step: () => ({ type: 'sectionApprove', secrecyConclusion: 'notPublishable' }) },
      { by: 'leader', days: 3, step: () => ({ type: 'leaderApprove' }) },
    ],
  },
  {
    content: {
      title: '关于开展公共数据授权运营试点的通知',
      category: '政策文件',
      channel: 'gazette',
      documentNumber: '中卫数发〔当年〕9号',
      attribute: 'proactive',
      attributeReason: null,
    },
    createdOn: (_y, today) => addDays(today, -6),
    steps: [
      { by: 'officer', days: 1, step: () => ({ type: 'submit' }) },
      { by: 'head', days: 2, step: () => ({ type: 'sectionApprove', secrecyConclusion: 'publishable' }) },
    ],
  },
  {
    content: {
      title: '政务服务“跨省通办”事项清单',
      category: '政务服务',
      channel: 'wechat',
      documentNumber: null,
      attribute: 'proactive',
      attributeReason: null,
    },
    createdOn: (_y, today) => addDays(today, -2),
    steps: [{ by: 'officer', days: 1, step: () => ({ type: 'submit' }) }],
  },
];

async function loadDisclosures(db: StoreDb, agencyId: string, year: number, now: Date): Promise<void> {
  if ((await listDisclosures(db, agencyId, {}, { limit: 1 })).total > 0) return;
  const actors = {} as Record<'officer' | 'head' | 'leader', DisclosureActor>;
  for (const [key, username] of [
    ['officer', 'shuju.jingban'],
    ['head', 'shuju.shenhe'],
    ['leader', 'shuju.lingdao'],
  ] as const) {
    const user = await findUserByUsername(db, username);
    if (!user || (user.role !== 'officer' && user.role !== 'reviewer')) return;
    actors[key] = { userId: user.id, label: `${user.displayName}（${user.username}）`, role: user.role };
  }
  const today = momentOf(now).today;
  for (const d of DISCLOSURES) {
    const createdOn = d.createdOn(year, today);
    const content = {
      ...d.content,
      createdOn,
      documentNumber: d.content.documentNumber?.replace('当年', String(yearOf(today))) ?? null,
    };
    await db.transaction().execute(async (trx) => {
      let item = await draftDisclosureItem(trx, agencyId, content, actors.officer, momentOn(createdOn, now));
      for (const s of d.steps) {
        const on = addDays(createdOn, s.days);
        item = await applyDisclosureItemStep(
          trx,
          agencyId,
          item.id,
          s.step(year),
          item.version,
          actors[s.by],
          momentOn(on, now),
        );
      }
    });
  }
}

/**
 * Adds the demo's normative documents, enforcement figures, cases and proactive disclosures
 * (see DOCUMENTS and the others above), each through the audited repositories. Idempotent: an
 * agency that already has records of a kind gets no more of that kind.
 */
export async function loadDemoTableSources(
  db: StoreDb,
  agencyIds: ReadonlyMap<string, string>,
  now: Date,
): Promise<void> {
  const year = yearOf(momentOf(now).today) - 1;
  for (const [key, agencyId] of agencyIds) {
    await loadDocuments({ db, key, agencyId, year, now });
    await loadFigures({ db, key, agencyId, year, now });
  }
  const data = agencyIds.get('data');
  if (data) {
    await loadCases(db, data, year, now);
    await loadDisclosures(db, data, year, now);
  }
}
