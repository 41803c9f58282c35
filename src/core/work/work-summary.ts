import { addWorkingDays } from '../calendar/workdays.ts';
import type { IsoDate } from '../dates.ts';
import { DISCLOSURE_CHANNEL_LABELS } from '../disclosures/disclosure.ts';
import { ART26_WORKING_DAYS } from '../disclosures/disclosure-deadline.ts';
import { isAppError } from '../errors.ts';
import {
  CHANNEL_KINDS,
  type ChannelKind,
  EVALUATION_KINDS,
  type EvaluationKind,
  INTERPRETATION_FORMS,
  type InterpretationForm,
  MEETING_KINDS,
  type MeetingKind,
  PROPOSAL_KINDS,
  PROPOSAL_ROLES,
  type ProposalKind,
  type ProposalRole,
  SUGGESTION_HANDLINGS,
  type SuggestionHandling,
  type WorkPlanTask,
  type WorkRecordsOfYear,
} from './work-records.ts';

/**
 * The figures of one agency-year that sections 一 and 六 state, computed from the work records.
 * Every breakdown is computed from the same records as its total, so it adds up by construction;
 * a breakdown lists only its non-zero parts, in a fixed order (largest first for the agency's own
 * categories). Records dated outside the year do not count, except proposals of the year concluded
 * or published after it (they count as received, not as concluded or published).
 */
export interface WorkSummary {
  year: number;
  proactive: {
    total: number;
    /** Adds up to total: the agency's categories, and the part not categorised under 其他. */
    byCategory: LabelledCount[];
    /** Adds up to total: by channel (outlet name when recorded), the part not attributed under 其他渠道. */
    byChannel: LabelledCount[];
  };
  /** Documents whose 公开属性 was decided in the year. */
  decided: { total: number; proactive: number; onRequest: number; withheld: number };
  interpretations: {
    count: number;
    /** Interpretations using each form (one interpretation may use several forms). */
    byForm: Array<LabelledCount & { form: InterpretationForm }>;
    /** True when every interpretation has exactly one form (byForm then adds up to count). */
    singleForm: boolean;
    /** Distinct documents interpreted. */
    documentsInterpreted: number;
    byDraftingOffice: number;
    /** 行政规范性文件 issued in the year, and how many of them have an interpretation. */
    normativeIssued: number;
    normativeInterpreted: number;
    /** normativeInterpreted / normativeIssued in percent (one decimal); null when none issued. */
    coveragePercent: number | null;
    /** Interpretations of a normative document of the year: published the same day as it. */
    sameDay: number;
    /** … published within the art. 26 period (20 working days from issue, same day included). */
    withinArt26: number;
    /** … whose art. 26 period the holiday calendar cannot tell. */
    art26Unknown: number;
  };
  evaluations: {
    count: number;
    byKind: Array<LabelledCount & { kind: EvaluationKind }>;
    participants: number;
    formsHandedOut: number;
    suggestionsReceived: number;
    /** Suggestions no longer pending. */
    suggestionsHandled: number;
    suggestionsAdopted: number;
    /** Adds up to suggestionsReceived. */
    byHandling: Array<LabelledCount & { handling: SuggestionHandling }>;
    /** The events in date order. */
    events: Array<{
      kind: EvaluationKind;
      theme: string;
      heldOn: IsoDate;
      endsOn: IsoDate | null;
      participants: number;
      formsHandedOut: number;
      suggestions: number;
    }>;
  };
  proposals: {
    count: number;
    byKind: Array<LabelledCount & { kind: ProposalKind }>;
    byRole: Array<LabelledCount & { role: ProposalRole }>;
    /** Concluded by the end of the year. */
    concluded: number;
    /** Results published by the end of the year. */
    resultsPublished: number;
    rated: number;
    /** Mean of the satisfaction rates given (one decimal); null when none was rated. */
    meanSatisfactionPercent: number | null;
    /** Last conclusion day within the year; null when none concluded. */
    lastConcludedOn: IsoDate | null;
  };
  training: { held: number; heldParticipants: number; attended: number; attendedParticipants: number };
  meetings: { count: number; byKind: Array<LabelledCount & { kind: MeetingKind }> };
  accountabilityCases: number;
  accountability: string[];
  channels: {
    /** Channels open at the end of the year. */
    open: number;
    byKind: Array<LabelledCount & { kind: ChannelKind }>;
    filed: number;
    unfiled: number;
    /** Posts of the year over every channel with figures entered. */
    posts: number;
    list: Array<{
      kind: ChannelKind;
      name: string;
      filed: boolean;
      /** Closed within the year. */
      closedInYear: boolean;
      posts: number | null;
      followers: number | null;
    }>;
  };
  /** null when the year's figures were not entered. */
  workGroupsCleaned: number | null;
  inAnnualAssessment: boolean | null;
  workPlanTitle: string | null;
  /** Information-processing fee charged in the year (元); null when not entered. */
  processingFeesYuan: number | null;
  /** The year's 工作要点 tasks in plan order. */
  tasks: WorkPlanTask[];
}

export interface LabelledCount {
  label: string;
  count: number;
}

const inYear = (date: IsoDate | null, year: number): boolean => (date ?? '').startsWith(`${year}-`);
const byYearEnd = (date: IsoDate | null, year: number): boolean => date !== null && date <= `${year}-12-31`;
const round1 = (value: number): number => Math.round(value * 10) / 10;

/** Counts of `values` per key, in the order of `keys`, non-zero only. */
function tally<K extends string>(
  keys: readonly K[],
  labels: Record<K, string>,
  values: K[],
): Array<LabelledCount & Record<'key', K>> {
  return keys
    .map((key) => ({ key, label: labels[key], count: values.filter((v) => v === key).length }))
    .filter((c) => c.count > 0);
}

/**
 * Parts with equal labels merged (in their order), completed with a remainder part so that they add up to `total`.
 * Parts that add up to more than the total (records the store should not hold) give no breakdown
 * at all rather than one that does not add up.
 */
function completed(parts: LabelledCount[], total: number, remainderLabel: string): LabelledCount[] {
  const merged = new Map<string, number>();
  for (const p of parts) if (p.count > 0) merged.set(p.label, (merged.get(p.label) ?? 0) + p.count);
  const listed = [...merged.values()].reduce((a, b) => a + b, 0);
  if (listed > total) return [];
  const rest = (merged.get(remainderLabel) ?? 0) + total - listed;
  const out = [...merged]
    .filter(([label]) => label !== remainderLabel)
    .map(([label, count]) => ({ label, count }));
  // The remainder goes last, as reports list 其他 after the named parts.
  return rest > 0 ? [...out, { label: remainderLabel, count: rest }] : out;
}

function within26(issuedOn: IsoDate, publishedOn: IsoDate): boolean | null {
  try {
    return publishedOn <= addWorkingDays(issuedOn, ART26_WORKING_DAYS);
  } catch (error) {
    if (isAppError(error) && error.code === 'CALENDAR_UNKNOWN') return null;
    throw error;
  }
}

function summariseInterpretations(records: WorkRecordsOfYear): WorkSummary['interpretations'] {
  const year = records.year;
  const items = records.interpretations.filter((i) => inYear(i.publishedOn, year));
  const normative = new Map(records.normativeDocumentsIssued.map((d) => [d.id, d]));
  const documentKey = (i: (typeof items)[number]) =>
    i.normativeDocumentId
      ? `n:${i.normativeDocumentId}`
      : i.disclosureId
        ? `d:${i.disclosureId}`
        : `t:${i.documentTitle}`;
  let sameDay = 0;
  let withinArt26 = 0;
  let art26Unknown = 0;
  for (const i of items) {
    const doc = i.normativeDocumentId ? normative.get(i.normativeDocumentId) : undefined;
    if (!doc) continue;
    if (i.publishedOn === doc.issuedOn) sameDay += 1;
    const ok = within26(doc.issuedOn, i.publishedOn);
    if (ok === null) art26Unknown += 1;
    else if (ok) withinArt26 += 1;
  }
  const interpretedNormative = new Set(
    items.map((i) => i.normativeDocumentId).filter((id): id is string => id !== null && normative.has(id)),
  );
  const forms = items.flatMap((i) => [...new Set(i.forms)]);
  return {
    count: items.length,
    byForm: tally(INTERPRETATION_FORMS, FORM_LABELS, forms).map(({ key, ...c }) => ({ form: key, ...c })),
    singleForm: items.every((i) => new Set(i.forms).size === 1),
    documentsInterpreted: new Set(items.map(documentKey)).size,
    byDraftingOffice: items.filter((i) => i.byDraftingOffice).length,
    normativeIssued: normative.size,
    normativeInterpreted: interpretedNormative.size,
    coveragePercent: normative.size === 0 ? null : round1((interpretedNormative.size / normative.size) * 100),
    sameDay,
    withinArt26,
    art26Unknown,
  };
}

/** Form labels as counted items ("图文解读4篇"). */
const FORM_LABELS: Record<InterpretationForm, string> = {
  text: '文字解读',
  graphic: '图文解读',
  video: '视频解读',
  oneChart: '一图读懂',
  qa: '政策问答',
  pressConference: '新闻发布会解读',
  interview: '访谈解读',
  other: '其他形式解读',
};

const EVALUATION_LABELS: Record<EvaluationKind, string> = {
  openDay: '政府开放日活动',
  openWeek: '政府开放周活动',
  publicReview: '群众评议活动',
  other: '其他公众参与活动',
};

const HANDLING_LABELS: Record<SuggestionHandling, string> = {
  adopted: '已采纳',
  answered: '已答复',
  referred: '已转交有关部门',
  notAdopted: '未采纳并已说明理由',
  pending: '正在办理',
};

function summariseEvaluations(records: WorkRecordsOfYear): WorkSummary['evaluations'] {
  const events = records.evaluations
    .filter((e) => inYear(e.heldOn, records.year))
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  const suggestions = events.flatMap((e) => e.suggestions);
  const sum = (f: (e: (typeof events)[number]) => number) => events.reduce((a, e) => a + f(e), 0);
  return {
    count: events.length,
    byKind: tally(
      EVALUATION_KINDS,
      EVALUATION_LABELS,
      events.map((e) => e.kind),
    ).map(({ key, ...c }) => ({ kind: key, ...c })),
    participants: sum((e) => e.participants),
    formsHandedOut: sum((e) => e.formsHandedOut),
    suggestionsReceived: suggestions.length,
    suggestionsHandled: suggestions.filter((s) => s.handling !== 'pending').length,
    suggestionsAdopted: suggestions.filter((s) => s.handling === 'adopted').length,
    byHandling: tally(
      SUGGESTION_HANDLINGS,
      HANDLING_LABELS,
      suggestions.map((s) => s.handling),
    ).map(({ key, ...c }) => ({ handling: key, ...c })),
    events: events.map((e) => ({
      kind: e.kind,
      theme: e.theme,
      heldOn: e.heldOn,
      endsOn: e.endsOn,
      participants: e.participants,
      formsHandedOut: e.formsHandedOut,
      suggestions: e.suggestions.length,
    })),
  };
}

const PROPOSAL_LABELS: Record<ProposalKind, string> = {
  npcSuggestion: '人大代表建议',
  cppccProposal: '政协委员提案',
};
const ROLE_LABELS: Record<ProposalRole, string> = { lead: '主办', assist: '协办' };

function summariseProposals(records: WorkRecordsOfYear): WorkSummary['proposals'] {
  const year = records.year;
  const items = records.proposals.filter((p) => p.year === year);
  const concluded = items.filter((p) => byYearEnd(p.concludedOn, year));
  const rates = items.map((p) => p.satisfactionPercent).filter((r): r is number => r !== null);
  const last = concluded.map((p) => p.concludedOn as IsoDate).sort();
  return {
    count: items.length,
    byKind: tally(
      PROPOSAL_KINDS,
      PROPOSAL_LABELS,
      items.map((p) => p.kind),
    ).map(({ key, ...c }) => ({ kind: key, ...c })),
    byRole: tally(
      PROPOSAL_ROLES,
      ROLE_LABELS,
      items.map((p) => p.role),
    ).map(({ key, ...c }) => ({ role: key, ...c })),
    concluded: concluded.length,
    resultsPublished: items.filter((p) => byYearEnd(p.resultPublishedOn, year)).length,
    rated: rates.length,
    meanSatisfactionPercent:
      rates.length === 0 ? null : round1(rates.reduce((a, b) => a + b, 0) / rates.length),
    lastConcludedOn: last[last.length - 1] ?? null,
  };
}

const MEETING_LABELS: Record<MeetingKind, string> = {
  leadershipBriefing: '主要负责同志听取政务公开工作汇报',
  specialMeeting: '召开政务公开专题会议',
  officeMeeting: '召开局长办公会研究政务公开',
};

const CHANNEL_LABELS: Record<ChannelKind, string> = {
  website: '政府网站',
  weibo: '政务微博',
  wechat: '微信公众号',
  app: '政务App',
  video: '政务短视频账号',
  other: '其他政务新媒体',
};

function summariseChannels(records: WorkRecordsOfYear): WorkSummary['channels'] {
  const year = records.year;
  const active = records.channels.filter(
    (c) =>
      (c.openedOn === null || c.openedOn <= `${year}-12-31`) &&
      (c.closedOn === null || c.closedOn >= `${year}-01-01`),
  );
  const open = active.filter((c) => c.closedOn === null || c.closedOn > `${year}-12-31`);
  const figures = (c: (typeof active)[number]) => (c.figures && c.figures.year === year ? c.figures : null);
  const filed = (c: (typeof active)[number]) => c.filedWith !== null || c.filedOn !== null;
  return {
    open: open.length,
    byKind: tally(
      CHANNEL_KINDS,
      CHANNEL_LABELS,
      open.map((c) => c.kind),
    ).map(({ key, ...c }) => ({ kind: key, ...c })),
    filed: open.filter(filed).length,
    unfiled: open.filter((c) => !filed(c)).length,
    posts: active.reduce((a, c) => a + (figures(c)?.posts ?? 0), 0),
    list: active.map((c) => ({
      kind: c.kind,
      name: c.name,
      filed: filed(c),
      closedInYear: inYear(c.closedOn, year),
      posts: figures(c)?.posts ?? null,
      followers: figures(c)?.followers ?? null,
    })),
  };
}

/** The figures of one agency-year. Pure and deterministic: the same records give the same summary. */
export function summariseWork(records: WorkRecordsOfYear): WorkSummary {
  const year = records.year;
  const d = records.disclosures;
  const meetings = records.meetings.filter((m) => inYear(m.heldOn, year));
  const trainings = records.trainings.filter((t) => inYear(t.heldOn, year));
  const held = trainings.filter((t) => t.kind === 'held');
  const attended = trainings.filter((t) => t.kind === 'attended');
  const accountability = records.accountability.filter((a) => inYear(a.decidedOn, year));
  const figures = records.figures && records.figures.year === year ? records.figures : null;
  return {
    year,
    proactive: {
      total: d.proactivePublished,
      byCategory: completed(
        [...d.byCategory]
          .sort((a, b) => b.count - a.count)
          .map((c) => ({ label: c.category, count: c.count })),
        d.proactivePublished,
        '其他',
      ),
      byChannel: completed(
        d.byChannel.map((c) => ({ label: c.name ?? DISCLOSURE_CHANNEL_LABELS[c.channel], count: c.count })),
        d.proactivePublished,
        '其他渠道',
      ),
    },
    decided: {
      total: d.proactivePublished + d.decidedOnRequest + d.decidedWithheld,
      proactive: d.proactivePublished,
      onRequest: d.decidedOnRequest,
      withheld: d.decidedWithheld,
    },
    interpretations: summariseInterpretations(records),
    evaluations: summariseEvaluations(records),
    proposals: summariseProposals(records),
    training: {
      held: held.length,
      heldParticipants: held.reduce((a, t) => a + t.participants, 0),
      attended: attended.length,
      attendedParticipants: attended.reduce((a, t) => a + t.participants, 0),
    },
    meetings: {
      count: meetings.length,
      byKind: tally(
        MEETING_KINDS,
        MEETING_LABELS,
        meetings.map((m) => m.kind),
      ).map(({ key, ...c }) => ({ kind: key, ...c })),
    },
    accountabilityCases: accountability.length,
    accountability: accountability.map((a) => a.description),
    channels: summariseChannels(records),
    workGroupsCleaned: figures?.workGroupsCleaned ?? null,
    inAnnualAssessment: figures?.inAnnualAssessment ?? null,
    workPlanTitle: figures?.workPlanTitle ?? null,
    processingFeesYuan: figures?.processingFeesYuan ?? null,
    tasks: records.tasks.filter((t) => t.year === year).sort((a, b) => a.position - b.position),
  };
}
