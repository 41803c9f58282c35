import type { ReportStatus } from '../../core/report/report-workflow.ts';
import { type Report, reportSchema } from '../../core/report/schema.ts';
import type { AnnualReportsTable } from '../database.ts';

/** One version of an agency's annual report, as the store returns it (STYLE.md habit 3). */
export interface AnnualReportSummary {
  id: string;
  agencyId: string;
  year: number;
  version: number;
  status: ReportStatus;
  origin: 'assembled' | 'imported';
  errorCount: number;
  warningCount: number;
  publishedOn: string | null;
  correctionReason: string | null;
  createdBy: string | null;
  submittedBy: string | null;
  approvedBy: string | null;
  returnReason: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredAnnualReport extends AnnualReportSummary {
  report: Report;
}

/** The columns of a summary (everything but the two JSON documents). */
export const SUMMARY_COLUMNS = [
  'id',
  'agency_id',
  'year',
  'version',
  'status',
  'origin',
  'error_count',
  'warning_count',
  'published_on',
  'correction_reason',
  'created_by',
  'submitted_by',
  'approved_by',
  'return_reason',
  'revision',
  'created_at',
  'updated_at',
] as const;

type SummaryRow = Pick<AnnualReportsTable, (typeof SUMMARY_COLUMNS)[number]>;

export function rowToSummary(row: SummaryRow): AnnualReportSummary {
  return {
    id: row.id,
    agencyId: row.agency_id,
    year: Number(row.year),
    version: Number(row.version),
    status: row.status,
    origin: row.origin,
    errorCount: Number(row.error_count),
    warningCount: Number(row.warning_count),
    publishedOn: row.published_on,
    correctionReason: row.correction_reason,
    createdBy: row.created_by,
    submittedBy: row.submitted_by ?? null,
    approvedBy: row.approved_by ?? null,
    returnReason: row.return_reason ?? null,
    revision: Number(row.revision),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored JSON is the system's own: a row that does not parse is corrupted data (INTERNAL). */
export function rowToAnnualReport(row: AnnualReportsTable): StoredAnnualReport {
  return { ...rowToSummary(row), report: reportSchema.parse(JSON.parse(row.report_json)) };
}
