import type { Kysely } from 'kysely';
import { getAgencyRecord } from '../agency-row.ts';
import type { Database } from '../database.ts';
import {
  type AnnualReportSummary,
  rowToAnnualReport,
  rowToSummary,
  type StoredAnnualReport,
  SUMMARY_COLUMNS,
} from './stored-annual-report.ts';

/** Reading the versions of an agency's annual reports. */

/** One version of the agency's report, or null (also when it belongs to another agency). */
export async function getAnnualReport(
  db: Kysely<Database>,
  agencyId: string,
  id: string,
): Promise<StoredAnnualReport | null> {
  return getAgencyRecord(db, 'annual_reports', agencyId, id, rowToAnnualReport);
}

/** Every version of the agency's reports (of one year when given), newest year and version first. */
export async function listAnnualReports(
  db: Kysely<Database>,
  agencyId: string,
  year?: number,
): Promise<AnnualReportSummary[]> {
  let query = db.selectFrom('annual_reports').select(SUMMARY_COLUMNS).where('agency_id', '=', agencyId);
  if (year !== undefined) query = query.where('year', '=', year);
  const rows = await query.orderBy('year', 'desc').orderBy('version', 'desc').execute();
  return rows.map(rowToSummary);
}

/** The query of an agency-year's newest published version (select the columns wanted). */
export function newestPublishedVersion(db: Kysely<Database>, agencyId: string, year: number) {
  return db
    .selectFrom('annual_reports')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1);
}

/** The agency's report of a year: its newest published version ("the" report), or null. */
export async function getPublishedAnnualReport(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<StoredAnnualReport | null> {
  const row = await newestPublishedVersion(db, agencyId, year).selectAll().executeTakeFirst();
  return row ? rowToAnnualReport(row) : null;
}
