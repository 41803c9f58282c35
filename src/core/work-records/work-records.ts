import type { IsoDate } from '../dates.ts';
import type { DisclosureChannel } from '../disclosures/disclosure.ts';

/**
 * The rest of the work an annual report accounts for besides applications and table cells
 * (sections 一（一）…（五） and 六): policy interpretations, public-evaluation events (政府开放日),
 * 人大代表建议 / 政协提案, training, meetings and accountability, publication channels and the
 * year's 政务公开工作要点 tasks. These are the shapes the store keeps and the narrative is drafted
 * from; every record belongs to one agency, and the year-bound ones to one year.
 */

/** 解读形式, as the reports name them. */
export const INTERPRETATION_FORMS = [
  'text',
  'graphic',
  'video',
  'oneChart',
  'qa',
  'pressConference',
  'interview',
  'other',
] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];
export const INTERPRETATION_FORM_LABELS: Record<InterpretationForm, string> = {
  text: '文字解读',
  graphic: '图文解读',
  video: '视频解读',
  oneChart: '一图读懂',
  qa: '政策问答',
  pressConference: '新闻发布会',
  interview: '访谈',
  other: '其他形式',
};

/** A policy interpretation (政策解读) of one document, published on one day in one or more forms. */
export interface PolicyInterpretation {
  /** Title of the interpreted document, as it is cited (《…》). */
  documentTitle: string;
  /** The interpreted document in the normative-document register, when it is one (must exist). */
  normativeDocumentId: string | null;
  /** The interpreted document in the disclosure register, when it is one (must exist). */
  disclosureId: string | null;
  /** Non-empty, no repeats. */
  forms: InterpretationForm[];
  publishedOn: IsoDate;
  /** 谁起草、谁解读: interpreted by the drafting office. */
  byDraftingOffice: boolean;
}

/** 政府开放日 / 开放周 and other public-evaluation events (群众评议). */
export const EVALUATION_KINDS = ['openDay', 'openWeek', 'publicReview', 'other'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
export const EVALUATION_KIND_LABELS: Record<EvaluationKind, string> = {
  openDay: '政府开放日',
  openWeek: '政府开放周',
  publicReview: '群众评议',
  other: '其他公众参与活动',
};

export interface EvaluationEvent {
  kind: EvaluationKind;
  /** 活动主题, e.g. "云聚中卫 数算未来". */
  theme: string;
  heldOn: IsoDate;
  /** Last day, for a 开放周; null for a one-day event. */
  endsOn: IsoDate | null;
  /** null when not recorded (the report then states no figure). */
  participants: number | null;
  /** 征求意见表 handed out; null when not recorded. */
  formsHandedOut: number | null;
  /** Suggestions received, each with its handling. */
  suggestions: EvaluationSuggestion[];
}

export const SUGGESTION_HANDLINGS = ['adopted', 'answered', 'referred', 'notAdopted', 'pending'] as const;
export type SuggestionHandling = (typeof SUGGESTION_HANDLINGS)[number];
export const SUGGESTION_HANDLING_LABELS: Record<SuggestionHandling, string> = {
  adopted: '已采纳',
  answered: '已答复',
  referred: '已转交',
  notAdopted: '未采纳（已说明理由）',
  pending: '办理中',
};

export interface EvaluationSuggestion {
  content: string;
  receivedOn: IsoDate;
  handling: SuggestionHandling;
  /** null while pending; never before receivedOn. */
  handledOn: IsoDate | null;
}

/** 人大代表建议 / 政协委员提案. */
export const PROPOSAL_KINDS = ['npcSuggestion', 'cppccProposal'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = {
  npcSuggestion: '人大代表建议',
  cppccProposal: '政协委员提案',
};
/** 主办 or 协办. */
export const PROPOSAL_ROLES = ['lead', 'assist'] as const;
export type ProposalRole = (typeof PROPOSAL_ROLES)[number];
export const PROPOSAL_ROLE_LABELS: Record<ProposalRole, string> = { lead: '主办', assist: '协办' };

export interface Proposal {
  kind: ProposalKind;
  role: ProposalRole;
  /** 建议/提案 number as assigned (第123号), free text. */
  number: string;
  title: string;
  year: number;
  receivedOn: IsoDate;
  /** 办结 day; null while being handled; never before receivedOn. */
  concludedOn: IsoDate | null;
  /** Satisfaction the deputy/member gave (满意度测评), 0–100; null when not rated. */
  satisfactionPercent: number | null;
  /** Day the reply (办理结果) was published; null when not published. */
  resultPublishedOn: IsoDate | null;
}

/** Training the agency ran (组织) or sent staff to (参加). */
export const TRAINING_KINDS = ['held', 'attended'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = { held: '组织培训', attended: '参加培训' };

export interface TrainingSession {
  kind: TrainingKind;
  title: string;
  heldOn: IsoDate;
  /** null when not recorded. */
  participants: number | null;
}

/** Meetings on 政务公开: the principal's hearing of reports, special meetings. */
export const MEETING_KINDS = ['leadershipBriefing', 'specialMeeting', 'officeMeeting'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  leadershipBriefing: '主要负责同志听取政务公开工作汇报',
  specialMeeting: '政务公开专题会议',
  officeMeeting: '局长办公会研究政务公开',
};

export interface Meeting {
  kind: MeetingKind;
  heldOn: IsoDate;
  topic: string;
}

/** A case of accountability (责任追究) over disclosure work. */
export interface AccountabilityCase {
  decidedOn: IsoDate;
  /** What happened and what was decided, without personal data. */
  description: string;
}

/** Publication channels the agency runs: its website and 政务新媒体 accounts. */
export const CHANNEL_KINDS = ['website', 'weibo', 'wechat', 'app', 'video', 'other'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  website: '政府网站',
  weibo: '政务微博',
  wechat: '微信公众号',
  app: '政务App',
  video: '政务短视频',
  other: '其他政务新媒体',
};

export interface PublicationChannel {
  kind: ChannelKind;
  name: string;
  openedOn: IsoDate | null;
  /** 备案 status: filed with whom and when; null when not filed. */
  filedWith: string | null;
  filedOn: IsoDate | null;
  /** Closed (关停/注销) channels keep their history. */
  closedOn: IsoDate | null;
}

/** A channel's figures for one year. */
export interface ChannelYear {
  year: number;
  /** Items posted in the year. */
  posts: number;
  /** Followers at the end of the year; null when not applicable. */
  followers: number | null;
}

/** Per agency-year figures that are not records of their own. */
export interface WorkYearFigures {
  year: number;
  /** 政务公开 is part of the agency's annual assessment (纳入年度考核). */
  inAnnualAssessment: boolean;
  /** Work chat groups (工作群) cleaned up or merged in the year. */
  workGroupsCleaned: number | null;
  /** Title of the year's plan the tasks implement, e.g. "中卫市2023年政务公开工作要点". */
  workPlanTitle: string | null;
  /**
   * 信息处理费 charged in the year under 国办函〔2020〕109号, in 元 (optional: not in the tables;
   * null or absent when not entered).
   */
  processingFeesYuan: number | null;
}

/** One task of the year's 政务公开工作要点 and how it was carried out. */
export interface WorkPlanTask {
  year: number;
  /** Order in the plan (1, 2, …). */
  position: number;
  title: string;
  /** The officer's account of the implementation, free text (may carry its own figures). */
  implementation: string;
}

/** What the disclosure register says of one agency-year (items decided or published in the year). */
export interface DisclosureCountsOfYear {
  /** 主动公开 items published in the year. */
  proactivePublished: number;
  /** The same items by the agency's own category, largest first; adds up to proactivePublished. */
  byCategory: Array<{ category: string; count: number }>;
  /**
   * The same items by channel; adds up to proactivePublished. `name` (optional) names the outlet
   * when one kind has several ("政府信息公开专栏", "局门户网站"); the draft uses it instead of the kind.
   */
  byChannel: Array<{ channel: DisclosureChannel; count: number; name?: string }>;
  /** Items whose review chain ended in the year with attribute 依申请公开 / 不予公开. */
  decidedOnRequest: number;
  decidedWithheld: number;
}

/** Everything recorded for one agency-year that the narrative is drafted from (besides the tables). */
export interface WorkRecordsOfYear {
  year: number;
  disclosures: DisclosureCountsOfYear;
  /** 行政规范性文件 issued in the year (interpretation coverage is judged against them). */
  normativeDocumentsIssued: Array<{ id: string; title: string; issuedOn: IsoDate }>;
  interpretations: PolicyInterpretation[];
  evaluations: EvaluationEvent[];
  proposals: Proposal[];
  trainings: TrainingSession[];
  meetings: Meeting[];
  accountability: AccountabilityCase[];
  /** Channels open at some time in the year, with the year's figures when entered. */
  channels: Array<PublicationChannel & { figures: ChannelYear | null }>;
  figures: WorkYearFigures | null;
  tasks: WorkPlanTask[];
}

/** Nothing recorded for a year: the base a year's records are filled into. */
export function emptyWorkRecords(year: number): WorkRecordsOfYear {
  return {
    year,
    disclosures: {
      proactivePublished: 0,
      byCategory: [],
      byChannel: [],
      decidedOnRequest: 0,
      decidedWithheld: 0,
    },
    normativeDocumentsIssued: [],
    interpretations: [],
    evaluations: [],
    proposals: [],
    trainings: [],
    meetings: [],
    accountability: [],
    channels: [],
    figures: null,
    tasks: [],
  };
}
