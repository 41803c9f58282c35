import { AppError } from '../errors.ts';
import { draftOverviewParagraphs } from '../report/draft-overview.ts';
import { OVERVIEW_SUBHEADINGS, TABLE3_TOTAL_COLUMN } from '../report/labels.ts';
import type { ReportNumbers } from '../report/report-numbers.ts';
import { CHANNEL_KIND_LABELS } from './work-records.ts';
import type { LabelledCount, WorkSummary } from './work-summary.ts';

/**
 * The first draft of 一、总体情况 （一）…（五） and 六、其他需要报告的事项, written from the work
 * summary and the tables, for the officer to edit. Every number is a figure of the summary or a
 * table cell; each "其中" lists parts the summary computed from the same records as the total
 * before it, so it adds up (N-06); "未…" is written only when the figure is 0; the only year named
 * is the report's (N-07); the statistics paragraphs of the tables are draftOverviewParagraphs'.
 * Counts that could be read as applications are worded so that N-02 cannot mistake them
 * ("公开属性为依申请公开的8份", never "依申请公开8份").
 */

export const NARRATIVE_PART_KEYS = [
  'proactive',
  'onRequest',
  'management',
  'platform',
  'supervision',
  'fees',
  'workPlan',
  'proposals',
] as const;
export type NarrativePartKey = (typeof NARRATIVE_PART_KEYS)[number];

export interface NarrativePart {
  key: NarrativePartKey;
  /** Report section the part belongs to: 一、总体情况 or 六、其他需要报告的事项. */
  section: 'overview' | 'other';
  /** Sub-heading line, e.g. "（一）主动公开". */
  heading: string;
  /** Paragraphs separated by "\n"; "" when there is nothing to report. */
  text: string;
}

export interface NarrativeDraft {
  /** In report order: the five parts of 一, then the three of 六. */
  parts: NarrativePart[];
  /** Section texts ready for report.sections (headings and paragraphs, one per line). */
  overview: string;
  other: string;
}

const DIGITS = '零一二三四五六七八九';

/** 0…9999 in Chinese numerals (12 → 十二, 205 → 二百零五); larger numbers stay in digits. */
function chineseNumber(n: number): string {
  if (n >= 10_000) return String(n);
  if (n < 10) return DIGITS[n]!;
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + units[i]!;
  });
  return out.startsWith('一十') ? out.slice(1) : out;
}

/**
 * A label as it can stand inside a "其中" list: a number with a counting unit in the label itself
 * ("2个项目节能监察结果") is written in Chinese numerals, so that only the list's own counts are
 * counted (N-06 adds up numbers in digits).
 */
function listLabel(label: string): string {
  return label.replace(/(\d+)(?=\s*(?:条|个|件|篇|份|项|次|期|场))/g, (m) =>
    // Before a measure word 2 is 两 (两个项目), other numbers as they are counted.
    Number(m) === 2 ? '两' : chineseNumber(Number(m)),
  );
}

/** "A3条、B2条" — the parts as they are listed. */
function list(parts: LabelledCount[], unit: string, prefix = ''): string {
  return parts.map((p) => `${prefix}${listLabel(p.label)}${p.count}${unit}`).join('、');
}

/**
 * What follows a total: "，其中A3条、B2条" when there are several parts, "，均为A" with one
 * (unless it is the remainder `vague`), "" with none.
 */
function breakdown(parts: LabelledCount[], unit: string, options: { prefix?: string; vague?: string } = {}) {
  if (parts.length >= 2) return `，其中${list(parts, unit, options.prefix)}`;
  const only = parts[0];
  if (only && only.label !== options.vague)
    return `，均${options.prefix ? options.prefix : '为'}${only.label}`;
  return '';
}

const percent = (value: number): string => `${value}%`;

/** "9月27日" in the report year, "2024年1月5日" otherwise. */
function day(date: string, year: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return y === year ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}

const sentence = (clauses: string[]): string => (clauses.length === 0 ? '' : `${clauses.join('，')}。`);
const paragraphs = (texts: string[]): string => texts.filter((t) => t !== '').join('\n');

function draftProactive(s: WorkSummary, numbers: ReportNumbers, who: string): string {
  const { year, proactive, interpretations: i } = s;
  const lead =
    proactive.total === 0
      ? `${year}年，${who}未主动公开政府信息。`
      : `${year}年，${who}主动公开政府信息${proactive.total}条${breakdown(proactive.byCategory, '条', { vague: '其他' })}。` +
        (proactive.byChannel.length >= 2
          ? `上述信息${proactive.total}条，其中${list(
              proactive.byChannel.map((c) => ({ ...c, label: `${c.label}发布` })),
              '条',
              '通过',
            )}。`
          : proactive.byChannel.length === 1 && proactive.byChannel[0]!.label !== '其他渠道'
            ? `上述信息均通过${proactive.byChannel[0]!.label}发布。`
            : '');
  let interpretation: string;
  if (i.count === 0) {
    interpretation = '本年未发布政策解读。';
  } else {
    // An interpretation recorded without a form (the store should refuse it) leaves the forms out.
    const forms =
      i.byForm.length === 0
        ? ''
        : i.singleForm
          ? breakdown(i.byForm, '篇')
          : `，采用${list(i.byForm, '篇')}（一篇解读可采用多种形式）`;
    interpretation = sentence([`本年发布政策解读${i.count}篇${forms}`]);
    interpretation += sentence([
      `共解读文件${i.documentsInterpreted}件`,
      ...(i.byDraftingOffice > 0 ? [`按照“谁起草、谁解读”原则由起草科室解读${i.byDraftingOffice}篇`] : []),
    ]);
  }
  return paragraphs([lead, interpretation, draftOverviewParagraphs(numbers, year).proactive]);
}

function draftOnRequest(s: WorkSummary, numbers: ReportNumbers): string {
  const text = draftOverviewParagraphs(numbers, s.year).onRequest;
  const t = numbers.table3;
  const concluded = t.totalConcluded[TABLE3_TOTAL_COLUMN] ?? 0;
  const forward = t.carriedForward[TABLE3_TOTAL_COLUMN] ?? 0;
  return concluded > 0 && forward === 0 ? text.replace(/。$/, '，办结率100%。') : text;
}

function draftManagement(s: WorkSummary): string {
  const { decided: d, interpretations: i } = s;
  const texts: string[] = [];
  // Written when some documents are not 主动公开: "all proactive" tells the reader nothing.
  if (d.onRequest + d.withheld > 0) {
    const parts = [
      { label: '主动公开的', count: d.proactive },
      { label: '依申请公开的', count: d.onRequest },
      { label: '不予公开的', count: d.withheld },
    ].filter((p) => p.count > 0);
    const rest =
      parts.length >= 2
        ? `，其中公开属性为${list(parts, '份')}`
        : `，公开属性均为${parts[0]!.label.replace(/的$/, '')}`;
    texts.push(`本年确定公开属性的文件${d.total}份${rest}。`);
  }
  if (i.normativeIssued > 0) {
    const missing = i.normativeIssued - i.normativeInterpreted;
    texts.push(
      sentence([
        `本年制发的${i.normativeIssued}件行政规范性文件中，已发布解读的${i.normativeInterpreted}件，解读覆盖率${percent(i.coveragePercent ?? 0)}`,
        ...(missing > 0 ? [`尚有${missing}件未解读`] : []),
      ]) +
        (i.normativeInterpreted > 0
          ? sentence([
              `对本年行政规范性文件的解读中，与文件同日发布的${i.sameDay}篇`,
              `自文件印发之日起20个工作日内发布的${i.withinArt26}篇${i.art26Unknown > 0 ? `（另有${i.art26Unknown}篇因节假日安排尚未公布无法判断）` : ''}`,
            ])
          : ''),
    );
  }
  return paragraphs(texts);
}

function draftPlatform(s: WorkSummary, who: string): string {
  const c = s.channels;
  const texts: string[] = [];
  if (c.list.length === 0) {
    texts.push(`${who}未开设独立的政府网站和政务新媒体。`);
  } else {
    const lead =
      c.open > 0
        ? `${who}运营政府网站和政务新媒体${c.open}个${breakdown(c.byKind, '个')}。` +
          (c.unfiled === 0
            ? '上述网站和账号均已备案。'
            : c.filed === 0
              ? '上述网站和账号均未备案。'
              : `已备案${c.filed}个，尚未备案${c.unfiled}个。`)
        : '';
    const figures = c.list.map((ch) => {
      const label = CHANNEL_KIND_LABELS[ch.kind];
      const name = ch.name.includes(label) ? ch.name : `“${ch.name}”${label}`;
      const clauses: string[] = [];
      if (ch.posts !== null) clauses.push(`${name}全年发布信息${ch.posts}条`);
      if (ch.followers !== null) clauses.push(`${clauses.length > 0 ? '' : name}关注用户${ch.followers}个`);
      if (ch.closedInYear) clauses.push(`${clauses.length > 0 ? '' : name}已于本年关停`);
      return sentence(clauses);
    });
    const newMedia = c.list.filter((ch) => ch.kind !== 'website' && ch.posts !== null);
    const newMediaPosts = newMedia.reduce((a, ch) => a + (ch.posts ?? 0), 0);
    const total = newMedia.length >= 2 ? `政务新媒体全年共发布信息${newMediaPosts}条。` : '';
    texts.push(lead + figures.join('') + total);
  }
  if (s.workGroupsCleaned !== null) {
    texts.push(
      s.workGroupsCleaned > 0 ? `本年清理整合工作群${s.workGroupsCleaned}个。` : '本年未清理整合工作群。',
    );
  }
  return paragraphs(texts);
}

function draftEvaluations(s: WorkSummary): string {
  const e = s.evaluations;
  if (e.count === 0) return '本年未开展政府开放日等公众参与活动。';
  const handling = (count: number) =>
    `收集意见建议${count}条${e.byHandling.length === 1 ? `，均${e.byHandling[0]!.label}` : breakdown(e.byHandling, '条')}`;
  const events = e.events.map((ev) => {
    const label = e.byKind.find((k) => k.kind === ev.kind)!.label;
    const when = ev.endsOn ? `${day(ev.heldOn, s.year)}至${day(ev.endsOn, s.year)}` : day(ev.heldOn, s.year);
    const clauses = [
      `${when}，开展${ev.theme.trim() ? `以“${ev.theme.trim()}”为主题的` : ''}${label}`,
      ...(ev.participants > 0 ? [`参加${ev.participants}人`] : []),
      ...(ev.formsHandedOut > 0 ? [`发放征求意见表${ev.formsHandedOut}份`] : []),
    ];
    if (ev.suggestions > 0)
      clauses.push(e.count === 1 ? handling(ev.suggestions) : `收集意见建议${ev.suggestions}条`);
    return sentence(clauses);
  });
  if (e.count === 1) return events.join('');
  const totals = sentence([
    `全年开展${list(e.byKind, '次')}`,
    `参加${e.participants}人`,
    ...(e.formsHandedOut > 0 ? [`发放征求意见表${e.formsHandedOut}份`] : []),
    ...(e.suggestionsReceived > 0 ? [handling(e.suggestionsReceived)] : []),
  ]);
  return events.join('') + totals;
}

function draftSupervision(s: WorkSummary, numbers: ReportNumbers, who: string): string {
  const texts: string[] = [];
  const work: string[] = [];
  if (s.inAnnualAssessment === true) work.push(`${who}将政务公开工作纳入年度考核`);
  if (s.inAnnualAssessment === false) work.push('政务公开工作尚未纳入年度考核');
  work.push(...s.meetings.byKind.map((m) => `${m.label}${m.count}次`));
  const t = s.training;
  // Participants not entered (0) are left out rather than stated as 0.
  if (t.held > 0)
    work.push(
      `组织政务公开培训${t.held}次${t.heldParticipants > 0 ? `、参训${t.heldParticipants}人次` : ''}`,
    );
  if (t.attended > 0)
    work.push(
      `派员参加政务公开培训${t.attended}次${t.attendedParticipants > 0 ? `、${t.attendedParticipants}人次` : ''}`,
    );
  if (t.held === 0 && t.attended === 0) work.push('本年未组织或参加政务公开培训');
  texts.push(sentence(work));
  texts.push(draftEvaluations(s));
  texts.push(
    s.accountabilityCases === 0
      ? '本年未发生因政府信息公开工作引起的责任追究情况。'
      : `本年因政府信息公开工作追究责任${s.accountabilityCases}起：${s.accountability.map((d) => d.trim().replace(/[。；;.]+$/, '')).join('；')}。`,
  );
  texts.push(draftOverviewParagraphs(numbers, s.year).cases);
  return paragraphs(texts);
}

function formatYuan(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function draftFees(s: WorkSummary, numbers: ReportNumbers): string {
  const received = numbers.table3.newReceived[TABLE3_TOTAL_COLUMN] ?? 0;
  if (s.processingFeesYuan !== null) {
    return s.processingFeesYuan > 0
      ? `本年度收取信息处理费${formatYuan(s.processingFeesYuan)}元。`
      : '本年度未收取信息处理费。';
  }
  if (received === 0) return '本年度未收到政府信息公开申请，未收取信息处理费。';
  return '本年度收取信息处理费情况：（请根据收费记录填写金额；未收取的写明“未收取信息处理费”）。';
}

function draftWorkPlan(s: WorkSummary): string {
  if (s.tasks.length === 0) return '本年度未登记政务公开工作要点任务的落实情况。';
  return paragraphs(
    s.tasks.map((t, index) => {
      const title = t.title.trim().replace(/[。；;.]+$/, '');
      const body = t.implementation.trim();
      return `${index + 1}.${title}。${body}`;
    }),
  );
}

function draftProposals(s: WorkSummary): string {
  const p = s.proposals;
  if (p.count === 0) return '本年度未承办人大代表建议和政协委员提案。';
  const texts = [`本年度共承办建议提案${p.count}件${breakdown(p.byKind, '件')}。`];
  if (p.byRole.length >= 2) texts.push(`上述建议提案${p.count}件，其中${list(p.byRole, '件')}。`);
  else texts.push(`均为${p.byRole[0]!.label}件。`);
  const state: string[] = [];
  if (p.concluded === p.count) {
    const [y, m, d] = (p.lastConcludedOn as string).split('-').map(Number);
    state.push(`已全部办结，最后一件于${y}年${m}月${d}日办结`);
  } else if (p.concluded > 0) {
    state.push(`已办结${p.concluded}件，正在办理${p.count - p.concluded}件`);
  } else {
    state.push('均在办理中');
  }
  if (p.meanSatisfactionPercent !== null) {
    state.push(
      `代表委员满意度测评平均为${percent(p.meanSatisfactionPercent)}${p.rated < p.count ? `（已测评${p.rated}件）` : ''}`,
    );
  }
  if (p.resultsPublished === 0) state.push('办理结果均未公开');
  else
    state.push(
      `已公开办理结果${p.resultsPublished}件${p.resultsPublished === p.count ? '，实现全部公开' : `，尚有${p.count - p.resultsPublished}件未公开`}`,
    );
  texts.push(sentence(state));
  return texts.join('');
}

const OVERVIEW_ORDINALS = ['一', '二', '三', '四', '五'] as const;

/**
 * The draft of sections 一（一）…（五） and 六 of the report of `year`. `agencyName` names the
 * agency in the opening sentences ("本机关" without it).
 */
export function draftNarrative(
  summary: WorkSummary,
  numbers: ReportNumbers,
  year: number,
  agencyName?: string,
): NarrativeDraft {
  if (summary.year !== year) {
    throw new AppError('INVALID_INPUT', `工作记录属于${summary.year}年，不能用于起草${year}年度报告的正文`);
  }
  const s = summary;
  const who = agencyName?.trim() || '本机关';
  const overviewTexts = [
    draftProactive(s, numbers, who),
    draftOnRequest(s, numbers),
    draftManagement(s),
    draftPlatform(s, who),
    draftSupervision(s, numbers, who),
  ];
  const overviewKeys: NarrativePartKey[] = [
    'proactive',
    'onRequest',
    'management',
    'platform',
    'supervision',
  ];
  const parts: NarrativePart[] = overviewKeys.map((key, i) => ({
    key,
    section: 'overview',
    heading: `（${OVERVIEW_ORDINALS[i]}）${OVERVIEW_SUBHEADINGS[i]}`,
    text: overviewTexts[i]!,
  }));
  const plan = s.workPlanTitle?.trim() ? `《${s.workPlanTitle.trim()}》` : `${year}年政务公开工作要点`;
  parts.push(
    { key: 'fees', section: 'other', heading: '（一）收取信息处理费情况', text: draftFees(s, numbers) },
    { key: 'workPlan', section: 'other', heading: `（二）${plan}落实情况`, text: draftWorkPlan(s) },
    {
      key: 'proposals',
      section: 'other',
      heading: '（三）建议提案办理结果公开情况',
      text: draftProposals(s),
    },
  );
  return {
    parts,
    overview: joinNarrativeParts(parts, 'overview'),
    other: joinNarrativeParts(parts, 'other'),
  };
}

/** One section's text from its (possibly edited) parts: each heading on its line, then its paragraphs. */
export function joinNarrativeParts(parts: NarrativePart[], section: 'overview' | 'other'): string {
  return parts
    .filter((p) => p.section === section)
    .map((p) => paragraphs([p.heading, p.text]))
    .join('\n');
}
