import type { IsoDate } from '../../core/dates.ts';
import { TABLE3_TOTAL_COLUMN } from '../../core/report/labels.ts';
import type { StoreDb } from '../dialect.ts';
import { mergedPredecessors } from '../organisation/agency-history.repository.ts';
import { latestPublishedReportsOf } from './regional-reports.ts';

/** A published report of an agency merged into another, with its main counts (totals column). */
export interface MergedReport {
  reportId: string;
  agencyId: string;
  /** The merged agency's name (before it closed). */
  agencyName: string;
  /** The day it closed (was merged). */
  mergedOn: IsoDate | null;
  year: number;
  version: number;
  publishedOn: string | null;
  newReceived: number | null;
  totalConcluded: number | null;
  carriedForward: number | null;
}

/**
 * The published reports of the agencies merged into this one (its history after a 机构改革), each
 * year's newest version with its main counts, newest year first; of `year` only when given.
 */
export async function mergedReportsOf(db: StoreDb, agencyId: string, year?: number): Promise<MergedReport[]> {
  const predecessors = new Map((await mergedPredecessors(db, agencyId)).map((a) => [a.id, a]));
  const reports = await latestPublishedReportsOf(db, [...predecessors.keys()]);
  return reports
    .filter((r) => year === undefined || r.year === year)
    .sort((a, b) => b.year - a.year || a.agencyId.localeCompare(b.agencyId))
    .map((r) => {
      const agency = predecessors.get(r.agencyId)!;
      const total = (row: readonly (number | null)[] | undefined) => row?.[TABLE3_TOTAL_COLUMN] ?? null;
      return {
        reportId: r.reportId,
        agencyId: r.agencyId,
        agencyName: agency.name,
        mergedOn: agency.closedOn,
        year: r.year,
        version: r.version,
        publishedOn: r.publishedOn,
        newReceived: total(r.numbers.table3.newReceived),
        totalConcluded: total(r.numbers.table3.totalConcluded),
        carriedForward: total(r.numbers.table3.carriedForward),
      };
    });
}
