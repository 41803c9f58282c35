import type { Kysely } from 'kysely';
import { type RegionWorkTotals, regionWorkRows } from '../../core/work-records/region-work-rows.ts';
import type { Database } from '../database.ts';
import { type AgencyWorkRecords, loadRegionWorkRecords } from './load-work-records.ts';

export interface RegionWorkFilters {
  /** Only the agencies that held no 政府开放日 / 开放周 in the year. */
  noOpenDay?: boolean;
  /** Only the agencies with 建议提案 results not published. */
  unpublishedResults?: boolean;
}

export interface RegionWorkPage {
  /** The region's totals over every agency, whatever the filters and page. */
  totals: RegionWorkTotals;
  /** Agencies matching the filters, in all pages. */
  total: number;
  /** The page's agencies with their records, in the region's order (by agency name). */
  agencies: AgencyWorkRecords[];
}

/**
 * One page of the region's work view: the year's records of `limit` agencies from `offset` among
 * those matching the filters, and the totals of the whole region (core regionWorkRows over every
 * agency, so that a province of thousands of agencies is summed on the server, not in the page).
 */
export async function regionWorkPage(
  db: Kysely<Database>,
  regionCode: string,
  year: number,
  filters: RegionWorkFilters,
  page: { limit: number; offset: number },
): Promise<RegionWorkPage> {
  const agencies = await loadRegionWorkRecords(db, regionCode, year);
  const { rows, totals } = regionWorkRows(agencies);
  const matching = agencies.filter((_, i) => {
    const row = rows[i]!;
    return (
      (!filters.noOpenDay || row.noOpenDay) &&
      (!filters.unpublishedResults || row.proposalResultsUnpublished > 0)
    );
  });
  return {
    totals,
    total: matching.length,
    agencies: matching.slice(page.offset, page.offset + page.limit),
  };
}
