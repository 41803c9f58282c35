import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Role } from '../../core/organisation/role.ts';
import type { Report } from '../../core/report/schema.ts';
import type { Actor } from '../audit/audit.repository.ts';
import type { Database } from '../database.ts';
import { isUniqueViolation } from '../db-errors.ts';
import { refreshReportFigures } from '../region/report-figures.ts';
import { type DraftRowInput, newDraftRow } from './draft-row.ts';
import { getAnnualReport } from './read-annual-reports.ts';
import { recountFollowingYear } from './recount-following-year.ts';
import { derivedColumns } from './report-findings.ts';
import { rowToAnnualReport, type StoredAnnualReport } from './stored-annual-report.ts';

/** Who acts on a report: the audit actor and the role the workflow decides by. */
export interface ReportActor extends Actor {
  role: Role;
}

/** The newest version of an agency-year's report (number and status), or undefined when it has none. */
export async function newestReportVersion(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<{ version: number; status: StoredAnnualReport['status'] } | undefined> {
  return db
    .selectFrom('annual_reports')
    .select(['version', 'status'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The highest version number of an agency-year's report. */
export async function highestVersionNumber(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<number> {
  const newest = await db
    .selectFrom('annual_reports')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return Number(newest.version);
}

/**
 * Inserts a new draft version (see newDraftRow). Null when the agency-year already has that
 * version number: the unique (agency, year, version) lets only one of two concurrent inserts through.
 */
export async function insertDraftVersion(
  trx: Transaction<Database>,
  input: DraftRowInput,
): Promise<StoredAnnualReport | null> {
  const row = await newDraftRow(trx, input);
  try {
    await trx.insertInto('annual_reports').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
  return rowToAnnualReport(row);
}

/** What a save changes on a version besides the report itself (whose derived columns are recomputed). */
export interface ReportVersionChanges {
  report: Report;
  status?: StoredAnnualReport['status'];
  publishedOn?: string | null;
  submittedBy?: string | null;
  approvedBy?: string | null;
  returnReason?: string | null;
}

/**
 * Saves a version if nobody saved it since `before.revision` (WHERE revision = …), recomputing the
 * JSON, the numbers and the finding counts, and the agency-year's report_figures when the version
 * is or was published. Null when the revision was stale.
 */
export async function updateReportVersion(
  trx: Transaction<Database>,
  before: StoredAnnualReport,
  changes: ReportVersionChanges,
  at: string,
): Promise<StoredAnnualReport | null> {
  const { report, status, publishedOn, submittedBy, approvedBy, returnReason } = changes;
  const result = await trx
    .updateTable('annual_reports')
    .set({
      ...(status !== undefined ? { status } : {}),
      ...(publishedOn !== undefined ? { published_on: publishedOn } : {}),
      ...(submittedBy !== undefined ? { submitted_by: submittedBy } : {}),
      ...(approvedBy !== undefined ? { approved_by: approvedBy } : {}),
      ...(returnReason !== undefined ? { return_reason: returnReason } : {}),
      ...(await derivedColumns(trx, before.agencyId, report)),
      revision: before.revision + 1,
      updated_at: at,
    })
    .where('id', '=', before.id)
    .where('agency_id', '=', before.agencyId)
    .where('revision', '=', before.revision)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return null;
  const after = await getAnnualReport(trx, before.agencyId, before.id);
  if (!after) throw new AppError('INTERNAL', '年度报告保存后无法读取');
  // Published (or, should it ever happen, a published version changed): the regional figures follow.
  if (before.status === 'published' || after.status === 'published') {
    await refreshReportFigures(trx, after.agencyId, after.year);
  }
  // Newly published: the next year's reports that compare with it are recounted.
  if (after.status === 'published' && before.status !== 'published') {
    await recountFollowingYear(trx, [{ agencyId: after.agencyId, year: after.year }]);
  }
  return after;
}
