import type { IsoDate } from '../dates.ts';
import { type LabelledCount, tally } from './labelled-count.ts';
import { byYearEnd, round1 } from './summary-arithmetic.ts';
import {
  PROPOSAL_KIND_LABELS,
  PROPOSAL_KINDS,
  PROPOSAL_ROLE_LABELS,
  PROPOSAL_ROLES,
  type ProposalKind,
  type ProposalRole,
  type WorkRecordsOfYear,
} from './work-records.ts';

/** The 人大代表建议 and 政协委员提案 the agency handled in the year (section 六（三）). */
export interface ProposalsSummary {
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
}

/** The proposals of the year: counted as received, concluded and published by the end of the year. */
export function summariseProposals(records: WorkRecordsOfYear): ProposalsSummary {
  const year = records.year;
  const items = records.proposals.filter((p) => p.year === year);
  const concluded = items.filter((p) => byYearEnd(p.concludedOn, year));
  const rates = items.map((p) => p.satisfactionPercent).filter((r): r is number => r !== null);
  const last = concluded.map((p) => p.concludedOn as IsoDate).sort();
  return {
    count: items.length,
    byKind: tally(
      PROPOSAL_KINDS,
      PROPOSAL_KIND_LABELS,
      items.map((p) => p.kind),
    ).map(({ key, ...c }) => ({ kind: key, ...c })),
    byRole: tally(
      PROPOSAL_ROLES,
      PROPOSAL_ROLE_LABELS,
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
