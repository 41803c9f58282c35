import type { WorkRecordsOfYear } from './work-records.ts';
import { summariseWork } from './work-summary.ts';

/**
 * The supervising office's view of the work records across the region's agencies: one row per
 * agency with the figures it follows (open days, 建议提案 results, interpretation coverage of the
 * normative documents) and the flags it acts on, plus the region's totals.
 */
export interface RegionWorkRow {
  agencyId: string;
  agencyName: string;
  year: number;
  proactivePublished: number;
  /** 政府开放日 and 开放周 events of the year. */
  openDays: number;
  /** No 政府开放日 / 开放周 in the year. */
  noOpenDay: boolean;
  /** Every public-evaluation event (open days included). */
  evaluations: number;
  /** null when some event's participants were not recorded. */
  participants: number | null;
  suggestionsReceived: number;
  suggestionsAdopted: number;
  suggestionsPending: number;
  proposals: number;
  proposalsConcluded: number;
  proposalResultsPublished: number;
  /** 建议提案 of the year whose result is not published by the end of the year. */
  proposalResultsUnpublished: number;
  interpretations: number;
  normativeIssued: number;
  normativeInterpreted: number;
  /** Percent, one decimal; null when the agency issued no normative document. */
  interpretationCoveragePercent: number | null;
  trainingsHeld: number;
  accountabilityCases: number;
  channelsOpen: number;
  channelsUnfiled: number;
}

export interface RegionWorkTotals {
  agencies: number;
  agenciesWithoutOpenDay: number;
  agenciesWithUnpublishedResults: number;
  /** Agencies with normative documents of the year of which some have no interpretation. */
  agenciesWithUninterpretedDocuments: number;
  proactivePublished: number;
  openDays: number;
  /** Over the agencies whose figure is known. */
  participants: number;
  suggestionsReceived: number;
  suggestionsAdopted: number;
  proposals: number;
  proposalResultsPublished: number;
  proposalResultsUnpublished: number;
  normativeIssued: number;
  normativeInterpreted: number;
  /** Of the region's normative documents; null when none was issued. */
  interpretationCoveragePercent: number | null;
  accountabilityCases: number;
  channelsUnfiled: number;
}

export interface RegionWorkTable {
  rows: RegionWorkRow[];
  totals: RegionWorkTotals;
}

const coverage = (interpreted: number, issued: number): number | null =>
  issued === 0 ? null : Math.round((interpreted / issued) * 1000) / 10;

/** One row per agency, in the order given, and the totals of the rows. Pure. */
export function regionWorkRows(
  agencies: Array<{ agencyId: string; agencyName: string; records: WorkRecordsOfYear }>,
): RegionWorkTable {
  const rows = agencies.map(({ agencyId, agencyName, records }): RegionWorkRow => {
    const s = summariseWork(records);
    const openDays = s.evaluations.byKind
      .filter((k) => k.kind === 'openDay' || k.kind === 'openWeek')
      .reduce((a, k) => a + k.count, 0);
    return {
      agencyId,
      agencyName,
      year: s.year,
      proactivePublished: s.proactive.total,
      openDays,
      noOpenDay: openDays === 0,
      evaluations: s.evaluations.count,
      participants: s.evaluations.participants,
      suggestionsReceived: s.evaluations.suggestionsReceived,
      suggestionsAdopted: s.evaluations.suggestionsAdopted,
      suggestionsPending: s.evaluations.suggestionsReceived - s.evaluations.suggestionsHandled,
      proposals: s.proposals.count,
      proposalsConcluded: s.proposals.concluded,
      proposalResultsPublished: s.proposals.resultsPublished,
      proposalResultsUnpublished: s.proposals.count - s.proposals.resultsPublished,
      interpretations: s.interpretations.count,
      normativeIssued: s.interpretations.normativeIssued,
      normativeInterpreted: s.interpretations.normativeInterpreted,
      interpretationCoveragePercent: s.interpretations.coveragePercent,
      trainingsHeld: s.training.held,
      accountabilityCases: s.accountabilityCases,
      channelsOpen: s.channels.open,
      channelsUnfiled: s.channels.unfiled,
    };
  });
  const total = (f: (r: RegionWorkRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  const normativeIssued = total((r) => r.normativeIssued);
  const normativeInterpreted = total((r) => r.normativeInterpreted);
  return {
    rows,
    totals: {
      agencies: rows.length,
      agenciesWithoutOpenDay: rows.filter((r) => r.noOpenDay).length,
      agenciesWithUnpublishedResults: rows.filter((r) => r.proposalResultsUnpublished > 0).length,
      agenciesWithUninterpretedDocuments: rows.filter((r) => r.normativeInterpreted < r.normativeIssued)
        .length,
      proactivePublished: total((r) => r.proactivePublished),
      openDays: total((r) => r.openDays),
      participants: total((r) => r.participants ?? 0),
      suggestionsReceived: total((r) => r.suggestionsReceived),
      suggestionsAdopted: total((r) => r.suggestionsAdopted),
      proposals: total((r) => r.proposals),
      proposalResultsPublished: total((r) => r.proposalResultsPublished),
      proposalResultsUnpublished: total((r) => r.proposalResultsUnpublished),
      normativeIssued,
      normativeInterpreted,
      interpretationCoveragePercent: coverage(normativeInterpreted, normativeIssued),
      accountabilityCases: total((r) => r.accountabilityCases),
      channelsUnfiled: total((r) => r.channelsUnfiled),
    },
  };
}
