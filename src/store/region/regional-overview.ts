import type { Kysely } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import type { Region } from '../../core/organisation/region.ts';
import { disclosureRates } from '../../core/region/rates.ts';
import {
  type RegionYearOverview,
  regionalTotals,
  regionYearOverview,
} from '../../core/region/region-overview.ts';
import { FORMAT_VERSIONS, type FormatVersion } from '../../core/report/format-2019.ts';
import { TABLE3_TOTAL_COLUMN } from '../../core/report/labels.ts';
import type { Table2Of2019 } from '../../core/report/schema.ts';
import type { Database } from '../database.ts';
import { regionalAgencies } from './regional-agencies.ts';
import { latestPublishedReports, type PublishedReportOfYear } from './regional-reports.ts';

export interface RegionOverview extends RegionYearOverview {
  region: Pick<Region, 'id' | 'code' | 'name'>;
}

/** The supervising office's view of a region for a year (see regionYearOverview): two queries. */
export async function regionOverview(
  db: Kysely<Database>,
  region: Region,
  year: number,
  today: IsoDate,
): Promise<RegionOverview> {
  const agencies = await regionalAgencies(db, region.id, { existingAfter: `${year}-12-31` });
  const reports = await latestPublishedReports(db, region.id, year, year);
  const overview = regionYearOverview(
    year,
    agencies.map((a) => ({ id: a.id, name: a.name, kind: a.kind, regionId: a.regionId })),
    reports,
    today,
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

export interface RegionYearTotals extends ReturnType<typeof regionalTotals> {
  year: number;
  /** Newest published reports summed (0: no report that year, the totals are all zero). */
  reports: number;
  /** The formats of those reports, 2021 first. */
  formatVersions: FormatVersion[];
}

/**
 * The region's totals (and their findings) for every year from `from` to `to`, years without
 * reports included: one query for the whole range, whatever the number of years.
 */
export async function regionYearTotals(
  db: Kysely<Database>,
  region: Pick<Region, 'id'>,
  from: number,
  to: number,
): Promise<RegionYearTotals[]> {
  const byYear = new Map<number, PublishedReportOfYear[]>();
  for (const r of await latestPublishedReports(db, region.id, from, to)) {
    const list = byYear.get(r.year);
    if (list) list.push(r);
    else byYear.set(r.year, [r]);
  }
  const out: RegionYearTotals[] = [];
  for (let year = from; year <= to; year += 1) {
    const ofYear = byYear.get(year) ?? [];
    const formats = new Set(ofYear.map((r): FormatVersion => (r.numbers.format2019 ? '2019' : '2021')));
    out.push({
      year,
      reports: ofYear.length,
      formatVersions: FORMAT_VERSIONS.filter((v) => formats.has(v)),
      ...regionalTotals(ofYear.map((r) => r.numbers)),
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
