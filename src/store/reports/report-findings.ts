import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { AgencyKind } from '../../core/organisation/agency.ts';
import type { ReportNumbers } from '../../core/report/report-numbers.ts';
import { numbersOfReport } from '../../core/report/report-numbers.ts';
import type { Report } from '../../core/report/schema.ts';
import { countFindings, storedReportFindings } from '../../core/report/stored-report-findings.ts';
import type { Finding } from '../../core/rules/finding.ts';
import type { Database } from '../database.ts';
import { getPublishedAnnualReport } from './read-annual-reports.ts';

export interface AgencyFacts {
  name: string;
  kind: AgencyKind;
}

export async function agencyFacts(db: Kysely<Database>, agencyId: string): Promise<AgencyFacts> {
  const agency = await db
    .selectFrom('agencies')
    .select(['name', 'kind'])
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (!agency) throw new AppError('NOT_FOUND', '机关不存在');
  return agency;
}

/**
 * Every rule over a stored report, with the agency's deadline (P-01) and its published report of
 * the year before (carry-over Y-01 and the other cross-year rules) when there is one.
 */
export async function findingsOfStoredReport(
  db: Kysely<Database>,
  agencyId: string,
  report: Report,
): Promise<Finding[]> {
  const agency = await agencyFacts(db, agencyId);
  const previous = await getPublishedAnnualReport(db, agencyId, report.year - 1);
  return storedReportFindings(report, {
    agencyKind: agency.kind,
    ...(previous ? { previous: previous.report } : {}),
  });
}

/** The columns every save recomputes from the report document. */
export async function derivedColumns(db: Kysely<Database>, agencyId: string, report: Report) {
  const { errors, warnings } = countFindings(await findingsOfStoredReport(db, agencyId, report));
  const numbers: ReportNumbers = numbersOfReport(report);
  return {
    report_json: JSON.stringify(report),
    numbers_json: JSON.stringify(numbers),
    error_count: errors,
    warning_count: warnings,
  };
}
