import type { Kysely } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import type { Region } from '../../core/organisation/region.ts';
import { disclosureRates } from '../../core/region/rates.ts';
import {
  type RegionYearOverview,
  regionalTotals,
  regionYearOverview,
} from '../../core/region/region-overview.ts';
import { TABLE3_TOTAL_COLUMN } from '../../core/report/labels.ts';
import type { Database } from '../database.ts';
import { regionalAgencies } from './regional-agencies.ts';
import { latestPublishedReports } from './regional-reports.ts';

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
}

/** The region's totals year by year (comparison with earlier years); years without reports are left out. */
export async function regionHistory(
  db: Kysely<Database>,
  region: Region,
  from: number,
  to: number,
): Promise<RegionYearHistoryEntry[]> {
  const reports = await latestPublishedReports(db, region.id, from, to);
  const history: RegionYearHistoryEntry[] = [];
  for (let year = from; year <= to; year += 1) {
    const ofYear = reports.filter((r) => r.year === year);
    if (ofYear.length === 0) continue;
    const { totals, findings } = regionalTotals(ofYear.map((r) => r.numbers));
    history.push({
      year,
      reports: ofYear.length,
      newReceived: totals.table3.newReceived[TABLE3_TOTAL_COLUMN] ?? null,
      totalConcluded: totals.table3.totalConcluded[TABLE3_TOTAL_COLUMN] ?? null,
      rates: disclosureRates(totals.table3, totals.table4),
      totalsErrors: findings.filter((f) => f.severity === 'error' && f.assessable).length,
    });
  }
  return history;
}
