import type { Kysely } from 'kysely';
import type { IsoDate } from '../../core/dates.ts';
import { disclosureRates } from '../../core/region/rates.ts';
import {
  type RegionYearOverview,
  regionalTotals,
  regionYearOverview,
} from '../../core/region/region-overview.ts';
import { TABLE3_TOTAL_COLUMN } from '../../core/report/labels.ts';
import type { Database } from '../database.ts';
import type { Region } from '../organisation/organisation.repository.ts';
import { regionalAgencies } from './regional-agencies.ts';
import { latestPublishedReports } from './regional-reports.ts';

/** How many earlier years the overview compares with. */
export const HISTORY_YEARS = 4;

export interface RegionYearHistoryEntry {
  year: number;
  reports: number;
  newReceived: number | null;
  totalConcluded: number | null;
  rates: ReturnType<typeof disclosureRates>;
}

export interface RegionOverview extends RegionYearOverview {
  region: Pick<Region, 'id' | 'code' | 'name'>;
  history: RegionYearHistoryEntry[];
}

/**
 * The supervising office's view of a region for a year (see regionYearOverview), with the
 * regional totals of the earlier years for comparison. One query for all the years.
 */
export async function regionOverview(
  db: Kysely<Database>,
  region: Region,
  year: number,
  today: IsoDate,
): Promise<RegionOverview> {
  const agencies = await regionalAgencies(db, region.id);
  const reports = await latestPublishedReports(db, region.id, year - HISTORY_YEARS, year);
  const overview = regionYearOverview(
    year,
    agencies.map((a) => ({ id: a.id, name: a.name, kind: a.kind, regionId: a.regionId })),
    reports.filter((r) => r.year === year),
    today,
  );
  const history: RegionYearHistoryEntry[] = [];
  for (let y = year - HISTORY_YEARS; y <= year; y += 1) {
    const ofYear = reports.filter((r) => r.year === y);
    if (ofYear.length === 0) continue;
    const { totals } =
      y === year ? { totals: overview.totals } : regionalTotals(ofYear.map((r) => r.numbers));
    history.push({
      year: y,
      reports: ofYear.length,
      newReceived: totals.table3.newReceived[TABLE3_TOTAL_COLUMN] ?? null,
      totalConcluded: totals.table3.totalConcluded[TABLE3_TOTAL_COLUMN] ?? null,
      rates: disclosureRates(totals.table3, totals.table4),
    });
  }
  return { ...overview, region: { id: region.id, code: region.code, name: region.name }, history };
}
