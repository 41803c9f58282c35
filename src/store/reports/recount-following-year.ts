import type { Kysely } from 'kysely';
import type { Report } from '../../core/report/schema.ts';
import { countFindings } from '../../core/report/stored-report-findings.ts';
import type { Database } from '../database.ts';
import { refreshReportFigures } from '../region/report-figures.ts';
import { findingsOfStoredReport } from './report-findings.ts';

/** An agency-year whose report was just published (drafted, corrected or imported). */
export interface PublishedAgencyYear {
  agencyId: string;
  year: number;
}

/**
 * The finding counts stored with an assembled report depend on other reports: its agency's
 * published report of the year before (Y-01 and the other cross-year rules) and those of the
 * agencies merged into it during its year (Y-01 adds their 结转). When such a report is published
 * after the one that depends on it — a predecessor's report imported later, a correction of last
 * year — the dependent versions of the following year are recounted here (every version of the
 * agency that published and of the agencies it was merged into, in the same transaction), and the
 * regional figures follow when a published version's counts changed. Imported reports keep the
 * counts of the checker that read them (the file's own findings), so only assembled ones change.
 * The revision is not bumped: counts are derived, and nobody's edit becomes stale by them.
 */
export async function recountFollowingYear(
  trx: Kysely<Database>,
  published: readonly PublishedAgencyYear[],
): Promise<void> {
  if (published.length === 0) return;
  // Each agency that published, and every agency it was merged into (directly or in turn).
  const holders = new Map<string, Set<number>>();
  const mergedInto = new Map<string, string | null>();
  let frontier = [...new Set(published.map((p) => p.agencyId))];
  while (frontier.length > 0) {
    const rows = await trx
      .selectFrom('agencies')
      .select(['id', 'merged_into'])
      .where('id', 'in', frontier)
      .execute();
    for (const row of rows) mergedInto.set(row.id, row.merged_into);
    frontier = [
      ...new Set(
        rows.flatMap((r) => (r.merged_into && !mergedInto.has(r.merged_into) ? [r.merged_into] : [])),
      ),
    ];
  }
  for (const { agencyId, year } of published) {
    const seen = new Set<string>();
    for (let id: string | null | undefined = agencyId; id && !seen.has(id); id = mergedInto.get(id)) {
      seen.add(id);
      const years = holders.get(id) ?? new Set<number>();
      years.add(year + 1);
      holders.set(id, years);
    }
  }
  const rows = await trx
    .selectFrom('annual_reports')
    .select(['id', 'agency_id', 'year', 'status', 'report_json', 'error_count', 'warning_count'])
    .where('origin', '=', 'assembled')
    .where('agency_id', 'in', [...holders.keys()])
    .where('year', 'in', [...new Set([...holders.values()].flatMap((y) => [...y]))])
    .execute();
  const figuresToRefresh = new Map<string, { agencyId: string; year: number }>();
  for (const row of rows) {
    if (!holders.get(row.agency_id)?.has(row.year)) continue;
    const report = JSON.parse(row.report_json) as Report;
    const { errors, warnings } = countFindings(await findingsOfStoredReport(trx, row.agency_id, report));
    if (errors === Number(row.error_count) && warnings === Number(row.warning_count)) continue;
    await trx
      .updateTable('annual_reports')
      .set({ error_count: errors, warning_count: warnings })
      .where('id', '=', row.id)
      .execute();
    if (row.status === 'published') {
      figuresToRefresh.set(`${row.agency_id}|${row.year}`, { agencyId: row.agency_id, year: row.year });
    }
  }
  for (const { agencyId, year } of figuresToRefresh.values()) await refreshReportFigures(trx, agencyId, year);
}
