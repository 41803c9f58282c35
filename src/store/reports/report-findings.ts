import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { AgencyKind } from '../../core/organisation/agency.ts';
import type { ReportNumbers } from '../../core/report/report-numbers.ts';
import { numbersOfReport } from '../../core/report/report-numbers.ts';
import type { Report } from '../../core/report/schema.ts';
import { countFindings, storedReportFindings } from '../../core/report/stored-report-findings.ts';
import type { MergedCarryForward } from '../../core/rules/cross-rules.ts';
import type { Finding } from '../../core/rules/finding.ts';
import type { Database } from '../database.ts';
import { mergedPredecessors } from '../organisation/agency-history.repository.ts';
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
 * The agencies merged into `agencyId` (directly or through another merged one) during `year`, each
 * with the 结转下年度继续办理 of its newest published report of the year before (null without one):
 * what Y-01 adds to the successor's expected 上年结转.
 */
export async function mergedCarryForwards(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<MergedCarryForward[]> {
  const merged = (await mergedPredecessors(db, agencyId)).filter((a) => a.closedOn?.startsWith(`${year}-`));
  const out: MergedCarryForward[] = [];
  for (const agency of merged) {
    const report = await getPublishedAnnualReport(db, agency.id, year - 1);
    out.push({
      agencyName: agency.name,
      carriedForward: report ? report.report.table3.carriedForward : null,
    });
  }
  return out;
}

/**
 * Every rule over a stored report, with the agency's deadline (P-01), its published report of the
 * year before (carry-over Y-01 and the other cross-year rules) when there is one, and the 结转 of
 * the agencies merged into it during the year (Y-01).
 */
export async function findingsOfStoredReport(
  db: Kysely<Database>,
  agencyId: string,
  report: Report,
): Promise<Finding[]> {
  const agency = await agencyFacts(db, agencyId);
  const previous = await getPublishedAnnualReport(db, agencyId, report.year - 1);
  const merged = await mergedCarryForwards(db, agencyId, report.year);
  return storedReportFindings(report, {
    agencyKind: agency.kind,
    ...(previous ? { previous: previous.report } : {}),
    ...(merged.length > 0 ? { merged } : {}),
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
