import { DISCLOSURE_CHANNEL_LABELS } from '../disclosures/disclosure.ts';
import { completed, type LabelledCount, tally } from './labelled-count.ts';
import { type ChannelsSummary, summariseChannels } from './summarise-channels.ts';
import { type EvaluationsSummary, summariseEvaluations } from './summarise-evaluations.ts';
import { type InterpretationsSummary, summariseInterpretations } from './summarise-interpretations.ts';
import { type ProposalsSummary, summariseProposals } from './summarise-proposals.ts';
import { inYear, sumKnown } from './summary-arithmetic.ts';
import {
  MEETING_KINDS,
  type MeetingKind,
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
  interpretations: InterpretationsSummary;
  evaluations: EvaluationsSummary;
  proposals: ProposalsSummary;
  /** Participants null when some session's figure was not recorded. */
  training: {
    held: number;
    heldParticipants: number | null;
    attended: number;
    attendedParticipants: number | null;
  };
  meetings: { count: number; byKind: Array<LabelledCount & { kind: MeetingKind }> };
  accountabilityCases: number;
  accountability: string[];
  channels: ChannelsSummary;
  /** null when the year's figures were not entered. */
  workGroupsCleaned: number | null;
  inAnnualAssessment: boolean | null;
  workPlanTitle: string | null;
  /** Information-processing fee charged in the year (元); null when not entered. */
  processingFeesYuan: number | null;
  /** The year's 工作要点 tasks in plan order. */
  tasks: WorkPlanTask[];
}

const MEETING_LABELS: Record<MeetingKind, string> = {
  leadershipBriefing: '主要负责同志听取政务公开工作汇报',
  specialMeeting: '召开政务公开专题会议',
  officeMeeting: '召开局长办公会研究政务公开',
};

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
      heldParticipants: sumKnown(held.map((t) => t.participants)),
      attended: attended.length,
      attendedParticipants: sumKnown(attended.map((t) => t.participants)),
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
