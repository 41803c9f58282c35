import type { IsoDate } from '../dates.ts';
import type { AgencyKind } from '../organisation/agency.ts';
import type { Format2019, Report, Table3 } from '../report/schema.ts';
import type { Finding } from '../rules/finding.ts';
import { sumCells } from '../rules/make-finding.ts';
import { checkTable2Of2019 } from '../rules/table2-2019-rules.ts';
import { checkTable2 } from '../rules/table2-rules.ts';
import { checkTable3 } from '../rules/table3-rules.ts';
import { checkTable4 } from '../rules/table4-rules.ts';
import { aggregateReports, type RegionalTotals } from './aggregate-reports.ts';
import type { ReportNumbers } from './export-columns.ts';
import { disclosureRates } from './rates.ts';
import {
  PUBLICATION_STATUSES,
  type PublicationStatus,
  publicationStatus,
  reportDeadline,
} from './report-deadline.ts';

export interface OverviewAgency {
  id: string;
  name: string;
  kind: AgencyKind;
  regionId: string;
  /**
   * The agencies merged into this one during the year (机构改革): their report for the year is this
   * one's, so they are not listed themselves. Oldest closure first.
   */
  merged: MergedAgency[];
}

/** An agency closed by merger into another, as the overview names it. */
export interface MergedAgency {
  id: string;
  name: string;
  closedOn: IsoDate;
}

/** The newest published version of an agency's report for the year, as the store lists it. */
export interface PublishedReportSummary {
  reportId: string;
  agencyId: string;
  version: number;
  origin: 'assembled' | 'imported';
  publishedOn: IsoDate | null;
  errorCount: number;
  warningCount: number;
  /** The report's own rates (disclosureRates of its tables). */
  rates: DisclosureRates;
}

export type DisclosureRates = ReturnType<typeof disclosureRates>;

export interface AgencyYearStatus {
  agency: OverviewAgency;
  status: PublicationStatus;
  deadline: IsoDate;
  report: Omit<PublishedReportSummary, 'rates' | 'agencyId'> | null;
  rates: DisclosureRates | null;
}

export interface RegionYearOverview {
  year: number;
  today: IsoDate;
  counts: Record<PublicationStatus, number>;
  agencies: AgencyYearStatus[];
  totals: RegionalTotals;
  /** The table rules (T2, T3, T4) applied to the regional totals: a sum of valid reports is valid. */
  totalsFindings: Finding[];
  rates: DisclosureRates;
}

/** Regional totals and the table rules applied to them (the totals are themselves a report's tables). */
export function regionalTotals(numbers: readonly ReportNumbers[]): {
  totals: RegionalTotals;
  findings: Finding[];
} {
  // aggregateReports reads only the tables.
  return checkedTotals(
    aggregateReports(numbers as unknown as Report[]),
    numbers.some((n) => !n.format2019),
  );
}

/**
 * Totals summed elsewhere (by the database, or aggregateReports) with the table rules applied to
 * them; `of2021`: whether any of the summed reports is in the 2021 format (its table 二 is checked).
 */
export function checkedTotals(
  totals: RegionalTotals,
  of2021 = true,
): { totals: RegionalTotals; findings: Finding[] } {
  const asReport = {
    agency: '地区合计',
    table2: totals.table2,
    table3: totals.table3,
    table4: totals.table4,
    ...(totals.format2019
      ? { format2019: combinedFormat2019(totals.format2019, of2021 ? totals.table3 : null) }
      : {}),
  } as Report;
  // T2-04 (规章 only for governments with rule-making power) does not apply to a sum of agencies.
  // Each format's table 二 is checked on the sum of the reports in that format.
  const findings = [
    ...(of2021 ? checkTable2(asReport) : []),
    ...checkTable2Of2019(asReport),
    ...checkTable3(asReport),
    ...checkTable4(asReport),
  ].filter((f) => f.ruleId !== 'T2-04');
  return { totals, findings };
}

/**
 * The 2019 reports' own parts for checking the totals; in a year with reports in both formats, the
 * 2021 reports' three （六） rows are added into the one row, so that T3-02 sums every outcome once.
 */
function combinedFormat2019(format2019: Format2019, table3Of2021: Table3 | null): Format2019 {
  if (!table3Of2021) return format2019;
  const otherHandling = format2019.otherHandling.map((v, c) =>
    sumCells([
      v,
      ...(['other.noCorrection', 'other.noFee', 'other.other'] as const).map(
        (k) => table3Of2021[k][c] ?? null,
      ),
    ]),
  );
  return { ...format2019, otherHandling };
}

/**
 * The supervising office's view of a region for one year: every agency with its publication
 * status (against the deadline and `today`), its newest published report's finding counts and
 * rates, the regional totals (`totals`: the sum of the newest published reports of `agencies`,
 * which the caller adds up — the store in SQL) checked, and their rates.
 */
export function regionYearOverview(
  year: number,
  agencies: readonly OverviewAgency[],
  reports: readonly PublishedReportSummary[],
  totals: RegionalTotals,
  today: IsoDate,
  /** Whether any report summed is in the 2021 format (false: all in the 2019 format). */
  of2021 = true,
): RegionYearOverview {
  const byAgency = new Map(reports.map((r) => [r.agencyId, r]));
  const counts = Object.fromEntries(PUBLICATION_STATUSES.map((s) => [s, 0])) as Record<
    PublicationStatus,
    number
  >;
  const rows = agencies.map((agency): AgencyYearStatus => {
    const r = byAgency.get(agency.id);
    const status = publicationStatus({
      year,
      kind: agency.kind,
      published: r !== undefined,
      publishedOn: r?.publishedOn ?? null,
      today,
    });
    counts[status] += 1;
    return {
      agency,
      status,
      deadline: reportDeadline(year, agency.kind),
      report: r
        ? {
            reportId: r.reportId,
            version: r.version,
            origin: r.origin,
            publishedOn: r.publishedOn,
            errorCount: r.errorCount,
            warningCount: r.warningCount,
          }
        : null,
      rates: r ? r.rates : null,
    };
  });
  const { findings } = checkedTotals(totals, of2021);
  return {
    year,
    today,
    counts,
    agencies: rows,
    totals,
    totalsFindings: findings,
    rates: disclosureRates(totals.table3, totals.table4),
  };
}
