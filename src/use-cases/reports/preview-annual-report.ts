import type { Report } from '../../core/report/schema.ts';
import type { Finding } from '../../core/rules/finding.ts';
import type { StoreDb } from '../../store/dialect.ts';
import { agencyFacts, findingsOfStoredReport } from '../../store/reports/report-findings.ts';
import { draftAnnualReport } from './draft-annual-report.ts';
import { checkYear } from './report-input.ts';

/**
 * What assembly would produce for an agency-year, without saving anything: the report (tables
 * counted from the records, section 一 drafted) and its findings. For previews and the CLI.
 */
export async function previewAnnualReport(
  db: StoreDb,
  agencyId: string,
  year: number,
  today: string,
): Promise<{ report: Report; findings: Finding[] }> {
  checkYear(year, today);
  const agency = await agencyFacts(db, agencyId);
  const report = await draftAnnualReport(db, agencyId, agency, year, {});
  return { report, findings: await findingsOfStoredReport(db, agencyId, report) };
}
