import type { Kysely } from 'kysely';
import {
  EXPORT_COLUMNS,
  type ExportValue,
  exportRow,
  type ReportNumbers,
} from '../../core/region/export-columns.ts';
import type { Report } from '../../core/report/schema.ts';
import { compareZh } from '../../core/zh-order.ts';
import type { Database } from '../database.ts';
import { regionalAgencies } from './regional-agencies.ts';
import { latestPublishedReports } from './regional-reports.ts';

export interface RegionalExport {
  columns: readonly string[];
  /** One row per agency-year: the newest published version, ordered by year, region code, agency. */
  rows: ExportValue[][];
}

/**
 * Every table cell of every agency's newest published report in a region and year range, one
 * row per agency-year. Reads only annual_reports and the organisation tables: applications and
 * applicants (personal data) are never touched.
 */
export async function regionalExport(
  db: Kysely<Database>,
  regionId: string,
  from: number,
  to: number,
): Promise<RegionalExport> {
  const agencies = new Map((await regionalAgencies(db, regionId, 'all')).map((a) => [a.id, a]));
  const reports = await latestPublishedReports(db, regionId, from, to);
  const rows = reports
    .map((r) => ({ r, a: agencies.get(r.agencyId)! }))
    .sort(
      (x, y) =>
        x.r.year - y.r.year || x.a.regionCode.localeCompare(y.a.regionCode) || compareZh(x.a.name, y.a.name),
    )
    .map(({ r, a }) =>
      exportRow({
        regionCode: a.regionCode,
        regionName: a.regionName,
        agency: a.name,
        agencyKind: a.kind,
        year: r.year,
        version: r.version,
        origin: r.origin,
        publishedOn: r.publishedOn,
        errorCount: r.errorCount,
        warningCount: r.warningCount,
        numbers: r.numbers as ReportNumbers,
      }),
    );
  return { columns: EXPORT_COLUMNS, rows };
}

/**
 * The same reports as whole gongkai-report/1 documents, without provenance (where each row was
 * printed in the source file, which evaluators do not need).
 */
export async function regionalReportsJson(
  db: Kysely<Database>,
  regionId: string,
  from: number,
  to: number,
): Promise<Report[]> {
  const ids = (await latestPublishedReports(db, regionId, from, to)).map((r) => r.reportId);
  const out: Report[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('annual_reports')
      .select('report_json')
      .where('id', 'in', ids.slice(i, i + 500))
      .orderBy('year')
      .execute();
    for (const row of rows) {
      const { provenance: _provenance, ...report } = JSON.parse(row.report_json) as Report;
      out.push(report);
    }
  }
  return out.sort((a, b) => a.year - b.year || compareZh(a.agency, b.agency));
}
