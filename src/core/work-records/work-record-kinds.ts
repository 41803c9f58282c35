import type {
  AccountabilityCase,
  ChannelYear,
  EvaluationEvent,
  Meeting,
  PolicyInterpretation,
  Proposal,
  PublicationChannel,
  TrainingSession,
  WorkPlanTask,
  WorkYearFigures,
} from './work-records.ts';

/**
 * The kinds of work record the store keeps, one per shape of work-records.ts. Every kind but
 * 'channel' belongs to one year (derived from its date, or its own `year`); a channel lives across
 * years and carries its per-year figures. 'figures' is unique per agency-year.
 */
export const WORK_RECORD_KINDS = [
  'interpretation',
  'evaluation',
  'proposal',
  'training',
  'meeting',
  'accountability',
  'channel',
  'figures',
  'task',
] as const;
export type WorkRecordKind = (typeof WORK_RECORD_KINDS)[number];

export const WORK_RECORD_KIND_LABELS: Record<WorkRecordKind, string> = {
  interpretation: '政策解读',
  evaluation: '政府开放日等公众参与活动',
  proposal: '建议提案办理',
  training: '培训',
  meeting: '会议',
  accountability: '责任追究',
  channel: '政务公开平台（网站、政务新媒体）',
  figures: '年度工作数据',
  task: '工作要点任务',
};

/** A channel as it is stored: the channel and its figures of each year entered. */
export interface PublicationChannelRecord extends PublicationChannel {
  /** One entry per year at most. */
  years: ChannelYear[];
}

/** The data of a record of each kind. */
export interface WorkRecordDataByKind {
  interpretation: PolicyInterpretation;
  evaluation: EvaluationEvent;
  proposal: Proposal;
  training: TrainingSession;
  meeting: Meeting;
  accountability: AccountabilityCase;
  channel: PublicationChannelRecord;
  figures: WorkYearFigures;
  task: WorkPlanTask;
}

/** A checked record: its kind, its data and the year it belongs to (null for a channel). */
export type WorkRecordInput = {
  [K in WorkRecordKind]: { kind: K; year: number | null; data: WorkRecordDataByKind[K] };
}[WorkRecordKind];

/** A record's kind and data, before its year is known. */
export type WorkRecordContent = {
  [K in WorkRecordKind]: { kind: K; data: WorkRecordDataByKind[K] };
}[WorkRecordKind];
