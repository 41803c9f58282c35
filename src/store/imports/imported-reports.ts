import type { Transaction } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { numbersOfReport } from '../../core/report/report-numbers.ts';
import type { ScanSource } from '../../core/report/scan-source.ts';
import type { Report } from '../../core/report/schema.ts';
import type { Database } from '../database.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { storeReportFigures } from '../region/report-figures.ts';
import { recountFollowingYear } from '../reports/recount-following-year.ts';
import { insertReportScans } from '../reports/report-scans.ts';
import type { PlannedFile } from './import-plan.ts';

/** What an import stored, file by file. */
export interface ImportSummary {
  batchId: string;
  imported: number;
  alreadyImported: number;
  skipped: number;
  files: Array<
    Pick<PlannedFile, 'name' | 'reason' | 'recognisedAgency' | 'year' | 'agencyName' | 'scan'> & {
      status: 'imported' | 'duplicate' | 'skipped';
      reportId: string | null;
      version: number | null;
    }
  >;
}

/** The tables only: what regional totals read (numbers_json). */
export function numbersOf(report: Report) {
  return numbersOfReport(report);
}

/** Rows per statement: well under the parameter limits of SQLite and PostgreSQL. */
const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The agency of a region with exactly this name, or null. */
export async function agencyIdByName(
  trx: Transaction<Database>,
  regionId: string,
  name: string,
): Promise<string | null> {
  const existing = await trx
    .selectFrom('agencies')
    .select('id')
    .where('region_id', '=', regionId)
    .where('name', '=', name)
    .executeTakeFirst();
  return existing?.id ?? null;
}

/** The digests among `digests` of source files already stored as annual reports. */
export async function storedSourceDigests(
  trx: Transaction<Database>,
  digests: readonly string[],
): Promise<Set<string>> {
  const stored = new Set<string>();
  for (const part of chunks(digests)) {
    const rows = await trx
      .selectFrom('annual_reports')
      .select('source_sha256')
      .where('source_sha256', 'in', part)
      .execute();
    for (const r of rows) stored.add(r.source_sha256!);
  }
  return stored;
}

/** The newest version of each agency-year of these agencies, by "agencyId|year". */
export async function lastReportVersions(
  trx: Transaction<Database>,
  agencyIds: readonly string[],
): Promise<Map<string, number>> {
  const last = new Map<string, number>();
  for (const part of chunks(agencyIds)) {
    const rows = await trx
      .selectFrom('annual_reports')
      .select(['agency_id', 'year', (eb) => eb.fn.max('version').as('version')])
      .where('agency_id', 'in', part)
      .groupBy(['agency_id', 'year'])
      .execute();
    for (const r of rows) last.set(`${r.agency_id}|${r.year}`, Number(r.version));
  }
  return last;
}

/** A published report read from an imported file, ready to store. */
export interface ImportedReport {
  id: string;
  agencyId: string;
  version: number;
  report: Report;
  errorCount: number;
  warningCount: number;
  /** The source file's name (its last 255 characters are kept). */
  fileName: string;
  sha256: string;
  /** Read from a scan by OCR: its summary; null (or absent) when read from text. */
  scan?: ScanSource | null;
}

/**
 * Inserts imported reports as published versions (origin imported), 100 a statement, and their
 * agency-years' report_figures. CONFLICT when
 * another import stored one of the files, or a version of the same agency-year, meanwhile.
 */
export async function insertImportedReports(
  trx: Transaction<Database>,
  reports: readonly ImportedReport[],
  createdBy: string | null,
  at: string,
): Promise<void> {
  const rows = reports.map((r) => ({
    id: r.id,
    agency_id: r.agencyId,
    year: r.report.year,
    version: r.version,
    status: 'published' as const,
    origin: 'imported' as const,
    report_json: JSON.stringify(r.report),
    numbers_json: JSON.stringify(numbersOf(r.report)),
    error_count: r.errorCount,
    warning_count: r.warningCount,
    published_on: r.report.publishedOn,
    correction_reason: r.version > 1 ? '导入了新的已发布文件' : null,
    source_file_name: r.fileName.slice(-255),
    source_sha256: r.sha256,
    created_by: createdBy,
    revision: 1,
    created_at: at,
    updated_at: at,
  }));
  try {
    for (const part of chunks(rows, 100)) await trx.insertInto('annual_reports').values(part).execute();
  } catch (error) {
    // Another import stored one of these files (or a version of the same agency-year) meanwhile.
    if (isUniqueViolation(error)) {
      throw new AppError(
        'CONFLICT',
        '另一批导入同时存入了其中的文件或同一机关同一年度的报告，本批未入库，请重新确认或上传',
      );
    }
    throw error;
  }
  // The next year's assembled reports that compare with these are recounted.
  await recountFollowingYear(
    trx,
    reports.map((r) => ({ agencyId: r.agencyId, year: r.report.year })),
  );
  await insertReportScans(
    trx,
    reports.flatMap((r) => (r.scan ? [{ reportId: r.id, scan: r.scan }] : [])),
  );
  // Each imported version is its agency-year's newest (the next version number): its figures.
  const newest = new Map<string, ImportedReport>();
  for (const r of reports) {
    const key = `${r.agencyId}|${r.report.year}`;
    if ((newest.get(key)?.version ?? 0) < r.version) newest.set(key, r);
  }
  await storeReportFigures(
    trx,
    [...newest.values()].map((r) => ({
      reportId: r.id,
      agencyId: r.agencyId,
      year: r.report.year,
      version: r.version,
      origin: 'imported' as const,
      publishedOn: r.report.publishedOn,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      numbers: numbersOf(r.report),
    })),
  );
}
