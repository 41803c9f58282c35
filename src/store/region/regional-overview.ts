import type { Kysely } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import type { Region } from '../../core/organisation/region.ts';
import { disclosureRates } from '../../core/region/rates.ts';
import {
  checkedTotals,
  type RegionYearOverview,
  regionYearOverview,
} from '../../core/region/region-overview.ts';
import { FORMAT_VERSIONS, type FormatVersion } from '../../core/report/format-2019.ts';
import { TABLE3_TOTAL_COLUMN } from '../../core/report/labels.ts';
import type { Table2Of2019 } from '../../core/report/schema.ts';
import type { Database } from '../database.ts';
import { mergedDuringYear } from '../organisation/agency-history.repository.ts';
import { listAgencies } from '../organisation/organisation.repository.ts';
import { publishedReportsOfYear } from './published-reports-of-year.ts';
import { regionFigureSums } from './report-figures.ts';

/** The formats of a region-year's reports, 2021 first. */
function formatsOf(sums: { reports: number; reportsOf2019: number }): FormatVersion[] {
  const count: Record<FormatVersion, number> = {
    '2021': sums.reports - sums.reportsOf2019,
    '2019': sums.reportsOf2019,
  };
  return FORMAT_VERSIONS.filter((v) => count[v] > 0);
}

export interface RegionOverview extends RegionYearOverview {
  region: Pick<Region, 'id' | 'code' | 'name'>;
}

/**
 * The supervising office's view of a region for a year (see regionYearOverview): four queries —
 * the agencies that existed at the end of the year, those merged into them during the year, their
 * reports' summaries and rates, and the totals of those agencies' reports summed by the database
 * (report_figures).
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
  const merged = await mergedDuringYear(db, year);
  const { reportsOf2019, ...totals } = sums;
  const overview = regionYearOverview(
    year,
    agencies.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      regionId: a.regionId,
      merged: merged.get(a.id) ?? [],
    })),
    reports,
    totals,
    today,
    // Whether any report summed is in the 2021 format (its table 二 is checked).
    totals.reports === 0 || totals.reports > reportsOf2019,
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
    out.push({
      year,
      reports: sums.reports,
      formatVersions: formatsOf({ reports: sums.reports, reportsOf2019 }),
      ...checkedTotals(sums, sums.reports === 0 || sums.reports > reportsOf2019),
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
