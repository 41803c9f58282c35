import { DISCLOSURE_CHANNELS } from '../../src/core/disclosures/disclosure.ts';
import {
  CHANNEL_KINDS,
  EVALUATION_KINDS,
  emptyWorkRecords,
  INTERPRETATION_FORMS,
  MEETING_KINDS,
  PROPOSAL_KINDS,
  PROPOSAL_ROLES,
  SUGGESTION_HANDLINGS,
  TRAINING_KINDS,
  type WorkRecordsOfYear,
} from '../../src/core/work-records/work-records.ts';
import { prng } from './generate-report.ts';

export { emptyWorkRecords };

/** Agency categories, some with a count of their own in the name (seed 002 lists such items). */
const CATEGORIES = [
  '部门文件',
  '工作动态',
  '重点领域信息',
  '安全生产信息',
  '2个项目节能监察结果',
  '2023年部门预算',
  '14家重点用能企业节能监察结果',
  '第10期简报',
  '财政预决算',
];
const THEMES = ['走进政务服务大厅', '开放办公 共话发展', '', '阳光政务进社区'];
const TASKS = [
  ['深入推进重点领域信息公开', '围绕年度重点工作及时公开项目进展，接受社会监督。'],
  ['强化政策解读', '按照“谁起草、谁解读”原则同步做好文件解读工作。'],
  ['规范平台建设', '加强网站和政务新媒体日常巡查，确保安全平稳运行。'],
] as const;

/**
 * Random records of one agency-year, every field in its valid range, with years at the edges
 * (records of the year before and after, which the summary must leave out).
 */
export function randomWorkRecords(seed: number, year = 2023): WorkRecordsOfYear {
  const random = prng(seed * 104_729 + 7);
  const int = (max: number) => Math.floor(random() * (max + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const date = (y = year) =>
    `${y}-${String(1 + int(11)).padStart(2, '0')}-${String(1 + int(27)).padStart(2, '0')}`;
  const scale = [0, 1, 3, 20, 200][seed % 5]!;
  const records = emptyWorkRecords(year);

  const categories = CATEGORIES.filter(() => random() < 0.5).map((category) => ({
    category,
    count: int(scale),
  }));
  const categorised = categories.reduce((a, c) => a + c.count, 0);
  const total = categorised + (random() < 0.4 ? int(scale) : 0);
  const channels = DISCLOSURE_CHANNELS.filter(() => random() < 0.5);
  let left = total;
  const byChannel = channels.map((channel, i) => {
    const count = i === channels.length - 1 && random() < 0.7 ? left : int(left);
    left -= count;
    return { channel, count };
  });
  records.disclosures = {
    proactivePublished: total,
    byCategory: categories,
    byChannel,
    decidedOnRequest: random() < 0.5 ? int(scale) : 0,
    decidedWithheld: random() < 0.3 ? int(scale) : 0,
  };
  records.normativeDocumentsIssued = Array.from({ length: int(3) }, (_, i) => ({
    id: `n${i}`,
    title: `规范性文件${'甲乙丙'[i]}`,
    issuedOn: date(),
  }));
  records.interpretations = Array.from({ length: int(scale > 3 ? 8 : 2) }, (_, i) => {
    const doc =
      records.normativeDocumentsIssued.length > 0 && random() < 0.6
        ? pick(records.normativeDocumentsIssued)
        : null;
    return {
      documentTitle: doc?.title ?? `文件${i}`,
      normativeDocumentId: doc?.id ?? null,
      disclosureId: null,
      forms:
        random() < 0.6
          ? [pick(INTERPRETATION_FORMS)]
          : INTERPRETATION_FORMS.filter(() => random() < 0.4).concat('graphic'),
      publishedOn: random() < 0.3 && doc ? doc.issuedOn : date(random() < 0.1 ? year - 1 : year),
      byDraftingOffice: random() < 0.5,
    };
  });
  records.evaluations = Array.from({ length: int(2) }, () => ({
    kind: pick(EVALUATION_KINDS),
    theme: pick(THEMES),
    heldOn: date(),
    endsOn: null,
    participants: random() < 0.15 ? null : int(80),
    formsHandedOut: random() < 0.15 ? null : int(40),
    suggestions: Array.from({ length: int(scale > 3 ? 12 : 3) }, () => ({
      content: '建议',
      receivedOn: `${year}-06-01`,
      handling: pick(SUGGESTION_HANDLINGS),
      handledOn: null,
    })),
  }));
  records.proposals = Array.from({ length: int(scale > 3 ? 15 : 3) }, (_, i) => {
    const concluded = random() < 0.8;
    return {
      kind: pick(PROPOSAL_KINDS),
      role: pick(PROPOSAL_ROLES),
      number: `第${i + 1}号`,
      title: `关于某事项的建议${i}`,
      year: random() < 0.9 ? year : year - 1,
      receivedOn: `${year}-03-01`,
      concludedOn: concluded ? (random() < 0.1 ? `${year + 1}-01-10` : date()) : null,
      satisfactionPercent: random() < 0.7 ? pick([100, 95, 90, 80, 100]) : null,
      resultPublishedOn: random() < 0.6 ? date() : null,
    };
  });
  records.trainings = Array.from({ length: int(3) }, () => ({
    kind: pick(TRAINING_KINDS),
    title: '政务公开业务培训',
    heldOn: date(random() < 0.1 ? year + 1 : year),
    participants: random() < 0.15 ? null : int(60),
  }));
  records.meetings = Array.from({ length: int(4) }, () => ({
    kind: pick(MEETING_KINDS),
    heldOn: date(),
    topic: '研究政务公开',
  }));
  records.accountability =
    random() < 0.15 ? [{ decidedOn: date(), description: '对信息发布审核不严的情况进行通报批评' }] : [];
  records.channels = CHANNEL_KINDS.filter(() => random() < 0.3).map((kind, i) => ({
    kind,
    name: `本机关账号${'一二三四五六'[i]}`,
    openedOn: random() < 0.5 ? null : date(year - 3),
    filedWith: random() < 0.7 ? '市政务公开办' : null,
    filedOn: null,
    closedOn: random() < 0.1 ? date() : null,
    figures: random() < 0.7 ? { year, posts: int(400), followers: random() < 0.5 ? int(5000) : null } : null,
  }));
  records.figures =
    random() < 0.8
      ? {
          year,
          inAnnualAssessment: random() < 0.8,
          workGroupsCleaned: random() < 0.15 ? null : int(4),
          workPlanTitle: random() < 0.5 ? `某市${year}年政务公开工作要点` : null,
          processingFeesYuan: random() < 0.5 ? null : pick([0, 0, 100, 250.5]),
        }
      : null;
  records.tasks = TASKS.filter(() => random() < 0.6).map(([title, implementation], i) => ({
    year,
    position: 3 - i,
    title,
    implementation,
  }));
  return records;
}
