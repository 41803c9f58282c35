import { type AnswerTimelinessCounts, onTimeRate } from '../applications/answer-timeliness.ts';
import { OVERVIEW_SUBHEADINGS, TABLE3_ROW_KEYS, TABLE3_TOTAL_COLUMN, TABLE4_TOTAL_COLUMN } from './labels.ts';
import type { ReportNumbers } from './report-numbers.ts';
import type { Cell } from './schema.ts';

/**
 * A first draft of the statistics paragraphs of 一、总体情况, written from the tables, for the
 * officer to edit. Every number is a table cell (or a sum of cells the table itself adds up), and
 * the sentences are worded so that the narrative rules find no mismatch: the count of
 * applications is 本年新收 (N-02), each "其中" lists parts that add up to the total before it
 * (N-06), "未收到/未发生/未制发" only when the table says 0 (N-01, N-04, N-05), no year other than
 * the report's (N-07). A blank table 二 figure (not entered) is left out; other blank cells count as 0.
 */

export interface OverviewDraft {
  /** Table 二: normative documents, licensing, punishment and coercion decisions, fees. */
  proactive: string;
  /** Table 三: applications received, carried over, concluded by outcome, carried forward. */
  onRequest: string;
  /** Table 四: reconsideration and litigation. */
  cases: string;
}

const n = (cell: Cell | undefined): number => cell ?? 0;

/** "予以公开3件、部分公开1件" — the non-zero parts only. */
function parts(items: Array<[string, number]>): string {
  return items
    .filter(([, v]) => v > 0)
    .map(([label, v]) => `${label}${v}件`)
    .join('、');
}

/** "，其中A1件、B2件" when at least two parts are non-zero; "" otherwise (nothing to enumerate). */
function among(items: Array<[string, number]>): string {
  return items.filter(([, v]) => v > 0).length >= 2 ? `，其中${parts(items)}` : '';
}

function draftProactive(numbers: ReportNumbers, year: number): string {
  const t = numbers.table2;
  const sentences: string[] = [];
  const docs = t.normativeDocuments;
  sentences.push(
    n(docs.issued) === 0 && n(docs.repealed) === 0
      ? `${year}年，本机关未制发行政规范性文件，现行有效行政规范性文件${n(docs.inForce)}件`
      : `${year}年，本机关制发行政规范性文件${n(docs.issued)}件、废止${n(docs.repealed)}件，现行有效${n(docs.inForce)}件`,
  );
  const regs = t.regulations;
  if (n(regs.issued) + n(regs.repealed) + n(regs.inForce) > 0) {
    sentences.push(
      `制定规章${n(regs.issued)}件、废止${n(regs.repealed)}件，现行有效规章${n(regs.inForce)}件`,
    );
  }
  // A figure not entered (blank cell) is left out rather than drafted as 0.
  const decisions = (
    [
      ['行政许可', t.licensing],
      ['行政处罚', t.punishment],
      ['行政强制', t.coercion],
    ] as Array<[string, Cell]>
  )
    .filter(([, v]) => v !== null)
    .map(([label, v]) => `${label}处理决定${v}个`);
  if (decisions.length > 0) sentences.push(`作出${decisions.join('，')}`);
  if (t.feesWanYuan !== null) sentences.push(`本年行政事业性收费${formatWanYuan(t.feesWanYuan)}万元`);
  return `${sentences.join('；')}。`;
}

/** 万元 with at most 4 decimals, no trailing zeros (12.5, 0, 3.1416). */
function formatWanYuan(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

/**
 * "作出答复N件，其中按期答复A件、逾期答复B件，按时答复率x%" from the year's answers (core
 * answerTimeliness); worded so that no "申请" follows the counts (N-02 reads those as application
 * counts) and the parts after "其中" add up to N (N-06).
 */
function timelinessSentence(c: AnswerTimelinessCounts): string | null {
  if (c.answered === 0) return null;
  if (c.late === 0 && c.unknown === 0) return `作出答复${c.answered}件，均在法定期限内答复，按时答复率100.0%`;
  const parts: Array<[string, number]> = [
    ['按期答复', c.onTime],
    ['逾期答复', c.late],
    ['无法判断是否按期', c.unknown],
  ];
  const rate = onTimeRate(c);
  return `作出答复${c.answered}件${among(parts)}${rate ? `，按时答复率${rate}` : ''}`;
}

function draftOnRequest(numbers: ReportNumbers, year: number, timeliness?: AnswerTimelinessCounts): string {
  const t = numbers.table3;
  const total = (row: readonly Cell[]) => n(row[TABLE3_TOTAL_COLUMN]);
  const received = total(t.newReceived);
  const sentences: string[] = [];
  if (received === 0) {
    sentences.push(`${year}年，本机关未收到政府信息公开申请`);
  } else {
    const natural = n(t.newReceived[0]);
    sentences.push(
      `${year}年，本机关共收到政府信息公开申请${received}件${among([
        ['自然人', natural],
        ['法人或其他组织', received - natural],
      ])}`,
    );
  }
  const over = total(t.carriedOver);
  if (over > 0) sentences.push(`上年结转${over}件`);
  const concluded = total(t.totalConcluded);
  if (concluded > 0) {
    // The rows of one outcome group (`denied.*`, …), in the table's order.
    const sumGroup = (group: string) =>
      TABLE3_ROW_KEYS.filter((k) => k.startsWith(`${group}.`)).reduce((a, k) => a + total(t[k]), 0);
    const outcomes: Array<[string, number]> = [
      ['予以公开', total(t.granted)],
      ['部分公开', total(t.partial)],
      ['不予公开', sumGroup('denied')],
      ['无法提供', sumGroup('unable')],
      ['不予处理', sumGroup('notProcessed')],
      ['其他处理', sumGroup('other')],
    ];
    sentences.push(`本年度办结${concluded}件${among(outcomes)}`);
  }
  const answered = timeliness ? timelinessSentence(timeliness) : null;
  if (answered) sentences.push(answered);
  const forward = total(t.carriedForward);
  if (forward > 0) sentences.push(`结转下年度继续办理${forward}件`);
  return `${sentences.join('；')}。`;
}

function draftCases(numbers: ReportNumbers, year: number): string {
  const t = numbers.table4;
  const groups: Array<[string, readonly Cell[]]> = [
    ['政府信息公开行政复议', t.review],
    ['未经复议直接起诉的政府信息公开行政诉讼', t.litigationDirect],
    ['复议后起诉的政府信息公开行政诉讼', t.litigationAfterReview],
  ];
  const all = groups.reduce((a, [, g]) => a + n(g[TABLE4_TOTAL_COLUMN]), 0);
  if (all === 0) return `${year}年，本机关未发生政府信息公开行政复议、行政诉讼案件。`;
  const sentences = groups
    .filter(([, g]) => n(g[TABLE4_TOTAL_COLUMN]) > 0)
    .map(
      ([label, g]) =>
        `${label}${n(g[TABLE4_TOTAL_COLUMN])}件${among([
          ['结果维持', n(g[0])],
          ['结果纠正', n(g[1])],
          ['其他结果', n(g[2])],
          ['尚未审结', n(g[3])],
        ])}`,
    );
  return `${year}年，本机关${sentences.join('；')}。`;
}

/** `timeliness`: the year's answers on time and late, stated under （二） when given. */
export function draftOverviewParagraphs(
  numbers: ReportNumbers,
  year: number,
  timeliness?: AnswerTimelinessCounts,
): OverviewDraft {
  return {
    proactive: draftProactive(numbers, year),
    onRequest: draftOnRequest(numbers, year, timeliness),
    cases: draftCases(numbers, year),
  };
}

const CN_ORDINALS = ['一', '二', '三', '四', '五'] as const;

/** 一、总体情况 from the paragraphs under its five sub-headings (DOMAIN.md §A.1), each numbered once. */
export function overviewUnderSubheadings(bodies: ReadonlyArray<string | undefined>): string {
  return OVERVIEW_SUBHEADINGS.map((heading, i) =>
    [`（${CN_ORDINALS[i]}）${heading}`, ...(bodies[i] ? [bodies[i]] : [])].join('\n'),
  ).join('\n');
}

/**
 * The whole first draft of 一、总体情况: the five sub-headings of the format (DOMAIN.md §A.1), the
 * statistics paragraphs under （一）主动公开, （二）依申请公开 and （五）监督保障, the others left
 * for the officer.
 */
export function draftOverview(numbers: ReportNumbers, year: number): string {
  const draft = draftOverviewParagraphs(numbers, year);
  return overviewUnderSubheadings([draft.proactive, draft.onRequest, undefined, undefined, draft.cases]);
}
