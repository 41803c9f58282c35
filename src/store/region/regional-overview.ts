import type { Kysely } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import type { Region } from '../../core/organisation/region.ts';
import { aggregateReports, type RegionalTotals } from '../../core/region/aggregate-reports.ts';
import type { ReportNumbers } from '../../core/region/export-columns.ts';
import { disclosureRates } from '../../core/region/rates.ts';
import {
  checkedTotals,
  type RegionYearOverview,
  regionalTotals,
  regionYearOverview,
} from '../../core/region/region-overview.ts';
import { FORMAT_VERSIONS, type FormatVersion } from '../../core/report/format-2019.ts';
import { TABLE3_TOTAL_COLUMN } from '../../core/report/labels.ts';
import type { Report, Table2Of2019 } from '../../core/report/schema.ts';
import type { Database } from '../database.ts';
import { listAgencies } from '../organisation/organisation.repository.ts';
import { latestPublishedReports } from './regional-reports.ts';
import { publishedReportsOfYear, regionFigureSums } from './report-figures.ts';

/** The formats of these reports, 2021 first. */
function formatsOf(numbers: readonly ReportNumbers[]): FormatVersion[] {
  const formats = new Set(numbers.map((n): FormatVersion => (n.format2019 ? '2019' : '2021')));
  return FORMAT_VERSIONS.filter((v) => formats.has(v));
}

export interface RegionOverview extends RegionYearOverview {
  region: Pick<Region, 'id' | 'code' | 'name'>;
}

/**
 * The supervising office's view of a region for a year (see regionYearOverview): three queries —
 * the agencies that existed at the end of the year, their reports' summaries and rates, and the
 * totals of those agencies' reports summed by the database (report_figures).
 */
export async function regionOverview(
  db: Kysely<Database>,
  region: Region,
  year: number,
  today: IsoDate,
): Promise<RegionOverview> {
  const yearEnd: IsoDate = `${year}-12-31`;
  const agencies = await listAgencies(db, region.id, { existingAfter: yearEnd });
  const reports = await publishedReportsOfYear(db, region.id, year);
  const sums = (await regionFigureSums(db, region.id, year, year, yearEnd)).get(year)!;
  const { reportsOf2019, ...summed } = sums;
  let totals: RegionalTotals = summed;
  let of2021 = true;
  if (reportsOf2019 > 0) {
    // Reports in the 2019 format: their own table 二 and （六） row are in their JSON only.
    const existing = new Set(agencies.map((a) => a.id));
    const numbers = (await latestPublishedReports(db, region.id, year, year))
      .filter((r) => existing.has(r.agencyId))
      .map((r) => r.numbers);
    totals = aggregateReports(numbers as unknown as Report[]);
    of2021 = numbers.some((n) => !n.format2019);
  }
  const overview = regionYearOverview(
    year,
    agencies.map((a) => ({ id: a.id, name: a.name, kind: a.kind, regionId: a.regionId })),
    reports,
    totals,
    today,
    of2021,
  );
  return { ...overview, region: { id: region.id, code: region.code, name: region.name } };
}

export interface RegionYearHistoryEntry {
  year: number;
  reports: number;
  newReceived: number | null;
  totalConcluded: number | null;
  rates: ReturnType<typeof disclosureRates>;
  /** Table rules that fail on the year's totals (0 when the sum of the reports is consistent). */
  totalsErrors: number;
  /** The formats of the year's reports: 2019–2020 reports are mostly in the 2019 format. */
  formatVersions: FormatVersion[];
  /** Table 二 of the year's reports in the 2019 format, summed in its own columns; null when none. */
  table2Of2019: Table2Of2019 | null;
}

export interface RegionYearTotals extends ReturnType<typeof checkedTotals> {
  year: number;
  /** Newest published reports summed (0: no report that year, the totals are all zero). */
  reports: number;
  /** The formats of those reports, 2021 first. */
  formatVersions: FormatVersion[];
}

/**
 * The region's totals (and their findings) for every year from `from` to `to`, years without
 * reports included: one query for the whole range, whatever the number of years, summed by the
 * database (report_figures; no report's JSON is read).
 */
export async function regionYearTotals(
  db: Kysely<Database>,
  region: Pick<Region, 'id'>,
  from: number,
  to: number,
): Promise<RegionYearTotals[]> {
  const byYear = await regionFigureSums(db, region.id, from, to);
  const out: RegionYearTotals[] = [];
  for (let year = from; year <= to; year += 1) {
    const { reportsOf2019, ...sums } = byYear.get(year)!;
    if (reportsOf2019 > 0) {
      // A year with reports in the 2019 format: its own table 二 and its one （六） row are in the
      // reports' JSON only, so this year is summed from the reports themselves.
      const ofYear = await latestPublishedReports(db, region.id, year, year);
      out.push({
        year,
        reports: ofYear.length,
        formatVersions: formatsOf(ofYear.map((r) => r.numbers)),
        ...regionalTotals(ofYear.map((r) => r.numbers)),
      });
      continue;
    }
    out.push({
      year,
      reports: sums.reports,
      formatVersions: sums.reports > 0 ? ['2021'] : [],
      ...checkedTotals(sums),
    });
  }
  return out;
}

/** The region's totals year by year (comparison with earlier years); years without reports are left out. */
export async function regionHistory(
  db: Kysely<Database>,
  region: Region,
  from: number,
  to: number,
): Promise<RegionYearHistoryEntry[]> {
  return (await regionYearTotals(db, region, from, to))
    .filter((y) => y.reports > 0)
    .map(({ year, reports, totals, findings, formatVersions }) => ({
      year,
      reports,
      formatVersions,
      table2Of2019: totals.format2019?.table2 ?? null,
      newReceived: totals.table3.newReceived[TABLE3_TOTAL_COLUMN] ?? null,
      totalConcluded: totals.table3.totalConcluded[TABLE3_TOTAL_COLUMN] ?? null,
      rates: disclosureRates(totals.table3, totals.table4),
      totalsErrors: findings.filter((f) => f.severity === 'error' && f.assessable).length,
    }));
}
