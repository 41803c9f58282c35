import type { IsoDate } from '../../core/dates.ts';
import type { AgencyKind } from '../../core/organisation/agency.ts';
import type { Role } from '../../core/organisation/role.ts';
import { isPublishedLate, publicationDeadline } from '../../core/report/publication-deadline.ts';
import {
  decideReportStep,
  REPORT_ACTION_LABELS,
  REPORT_ACTIONS,
  REPORT_STATUS_LABELS,
  type ReportAction,
} from '../../core/report/report-workflow.ts';
import { type Finding, formatLocation } from '../../core/rules/finding.ts';
import type { AuditEntry } from '../../store/audit/audit.repository.ts';
import type { AnnualReportSummary, StoredAnnualReport } from '../../store/reports/stored-annual-report.ts';

/** Exactly what leaves the server about an annual report version (STYLE.md habit 10). */

export interface ReportAgency {
  name: string;
  kind: AgencyKind;
}

export function presentReportSummary(summary: AnnualReportSummary, agency: ReportAgency) {
  return {
    id: summary.id,
    agencyId: summary.agencyId,
    agencyName: agency.name,
    year: summary.year,
    version: summary.version,
    status: summary.status,
    statusLabel: REPORT_STATUS_LABELS[summary.status],
    origin: summary.origin,
    errorCount: summary.errorCount,
    warningCount: summary.warningCount,
    publishedOn: summary.publishedOn,
    deadline: publicationDeadline(summary.year, agency.kind),
    late: isPublishedLate(summary.year, agency.kind, summary.publishedOn),
    correctionReason: summary.correctionReason,
    returnReason: summary.returnReason,
    createdBy: summary.createdBy,
    submittedBy: summary.submittedBy,
    approvedBy: summary.approvedBy,
    revision: summary.revision,
    createdAt: summary.createdAt,
    updatedAt: summary.updatedAt,
  };
}

export function presentFinding(f: Finding) {
  return { ...f, where: formatLocation(f.location) };
}

/** The steps the caller may take now (the UI shows these buttons); validator errors are not anticipated. */
export function allowedActions(
  summary: AnnualReportSummary,
  user: { id: string; role: Role },
  isNewestVersion: boolean,
  /** Whether the caller may handle the agency's reports, as decided for the request. */
  handles: boolean,
): ReportAction[] {
  if (!handles) return [];
  return REPORT_ACTIONS.filter((action) => {
    try {
      decideReportStep({
        action,
        status: summary.status,
        role: user.role,
        actorId: user.id,
        submittedBy: summary.submittedBy,
        reason: '-',
        isNewestVersion,
      });
      return true;
    } catch {
      return false;
    }
  });
}

/** What the trail calls each step of a report (workflow steps share the workflow's labels). */
const AUDIT_ACTION_LABELS: Record<string, string> = {
  ...REPORT_ACTION_LABELS,
  assemble: '汇总生成草稿',
  'edit-sections': '修改正文',
  import: '导入',
  'create-by-import': '导入时新建机关',
};

export function presentReportAuditEntry(entry: AuditEntry) {
  return {
    at: entry.at,
    actor: entry.actor.label,
    action: entry.action,
    actionLabel: AUDIT_ACTION_LABELS[entry.action] ?? entry.action,
  };
}

export function presentReport(
  stored: StoredAnnualReport,
  agency: ReportAgency,
  findings: Finding[],
  actions: ReportAction[],
  trail: AuditEntry[],
  today: IsoDate,
) {
  return {
    ...presentReportSummary(stored, agency),
    // Said before publishing (the confirmation names it), not only as a warning afterwards.
    lateIfPublishedToday:
      stored.publishedOn === null ? isPublishedLate(stored.year, agency.kind, today) : null,
    report: stored.report,
    findings: findings.map(presentFinding),
    allowedActions: actions,
    auditTrail: trail.map(presentReportAuditEntry),
  };
}
