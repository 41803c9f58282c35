import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { ReportNumbers } from '../../core/region/export-columns.ts';
import type { PublishedReportSummary } from '../../core/region/region-overview.ts';
import type { Report } from '../../core/report/schema.ts';
import type { AnnualReportStatus, Database } from '../database.ts';
import { subregionIds } from '../organisation/subregion-ids.ts';
import { getPublishedAnnualReport } from '../reports/read-annual-reports.ts';

export interface PublishedReportOfYear extends Omit<PublishedReportSummary, 'rates'> {
  year: number;
  numbers: ReportNumbers;
}

/**
 * For every agency of the region (and below) and each year from `from` to `to`: the newest
 * published version of its annual report, with its tables (numbers_json only — a few KB per
 * report, so that totals over thousands of reports stay fast) and its stored finding counts.
 */
export async function latestPublishedReports(
  db: Kysely<Database>,
  regionId: string,
  from: number,
  to: number,
): Promise<PublishedReportOfYear[]> {
  return newestPublished(db, (eb) =>
    eb.and([
      eb('annual_reports.year', '>=', from),
      eb('annual_reports.year', '<=', to),
      eb('agencies.region_id', 'in', subregionIds(db, regionId)),
    ]),
  );
}

/** The newest published version of every year's report of these agencies (as latestPublishedReports). */
export async function latestPublishedReportsOf(
  db: Kysely<Database>,
  agencyIds: readonly string[],
): Promise<PublishedReportOfYear[]> {
  if (agencyIds.length === 0) return [];
  return newestPublished(db, (eb) => eb('annual_reports.agency_id', 'in', [...agencyIds]));
}

async function newestPublished(
  db: Kysely<Database>,
  where: (eb: ExpressionBuilder<Database, 'annual_reports' | 'agencies'>) => Expression<SqlBool>,
): Promise<PublishedReportOfYear[]> {
  const rows = await db
    .selectFrom('annual_reports')
    .innerJoin('agencies', 'agencies.id', 'annual_reports.agency_id')
    .select([
      'annual_reports.id',
      'annual_reports.agency_id',
      'annual_reports.year',
      'annual_reports.version',
      'annual_reports.origin',
      'annual_reports.published_on',
      'annual_reports.error_count',
      'annual_reports.warning_count',
      'annual_reports.numbers_json',
    ])
    .where('annual_reports.status', '=', 'published')
    .where(where)
    .execute();
  // The newest version of each agency-year, picked here rather than sorted by the database.
  const newest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.agency_id}|${r.year}`;
    const seen = newest.get(key);
    if (!seen || seen.version < r.version) newest.set(key, r);
  }
  const out: PublishedReportOfYear[] = [];
  for (const r of newest.values()) {
    out.push({
      reportId: r.id,
      agencyId: r.agency_id,
      year: r.year,
      version: r.version,
      origin: r.origin,
      publishedOn: r.published_on,
      errorCount: r.error_count,
      warningCount: r.warning_count,
      numbers: JSON.parse(r.numbers_json) as ReportNumbers,
    });
  }
  return out;
}

export interface StoredReport extends ReportVersionSummary {
  agencyId: string;
  agencyName: string;
  regionId: string;
  correctionReason: string | null;
  createdAt: string;
  report: Report;
}

/** One stored version of an annual report, with its whole gongkai-report/1 document. */
export async function getStoredReport(db: Kysely<Database>, id: string): Promise<StoredReport | null> {
  const row = await db
    .selectFrom('annual_reports')
    .innerJoin('agencies', 'agencies.id', 'annual_reports.agency_id')
    .selectAll('annual_reports')
    .select(['agencies.name as agency_name', 'agencies.region_id'])
    .where('annual_reports.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    regionId: row.region_id,
    year: row.year,
    version: row.version,
    status: row.status,
    origin: row.origin,
    publishedOn: row.published_on,
    errorCount: row.error_count,
    warningCount: row.warning_count,
    correctionReason: row.correction_reason,
    sourceFileName: row.source_file_name,
    createdAt: row.created_at,
    report: JSON.parse(row.report_json) as Report,
  };
}

/** The newest published version of an agency's report for a year, or null. */
export async function newestPublishedReport(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<StoredReport | null> {
  const published = await getPublishedAnnualReport(db, agencyId, year);
  return published ? getStoredReport(db, published.id) : null;
}

export interface ReportVersionSummary {
  id: string;
  year: number;
  version: number;
  status: AnnualReportStatus;
  origin: 'assembled' | 'imported';
  publishedOn: string | null;
  errorCount: number;
  warningCount: number;
  sourceFileName: string | null;
}

/** Every version of every annual report of an agency, newest year and version first. */
export async function agencyReportVersions(
  db: Kysely<Database>,
  agencyId: string,
): Promise<ReportVersionSummary[]> {
  const rows = await db
    .selectFrom('annual_reports')
    .select([
      'id',
      'year',
      'version',
      'status',
      'origin',
      'published_on',
      'error_count',
      'warning_count',
      'source_file_name',
    ])
    .where('agency_id', '=', agencyId)
    .orderBy('year', 'desc')
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    version: r.version,
    status: r.status,
    origin: r.origin,
    publishedOn: r.published_on,
    errorCount: r.error_count,
    warningCount: r.warning_count,
    sourceFileName: r.source_file_name,
  }));
}
