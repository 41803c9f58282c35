import type { Moment } from '../../core/moment.ts';
import { decideReportStep } from '../../core/report/report-workflow.ts';
import { formatLocation } from '../../core/rules/finding.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import type { ReportActor } from '../../store/reports/annual-reports.repository.ts';
import { findingsOfStoredReport } from '../../store/reports/report-findings.ts';
import type { StoredAnnualReport } from '../../store/reports/stored-annual-report.ts';
import { loadForUpdate, saveVersion } from './report-version.ts';

export type ReportTransition = 'submit' | 'return' | 'approve' | 'publish';

/**
 * Moves a version one step along draft → submitted → approved → published (or back to draft),
 * as the core's decideReportStep allows. Submit validates the report first and is refused while
 * there are errors (INVALID_REPORT listing them). Publish sets the publication date to today (in
 * the report too, so that documents print it and P-01 checks it against the agency's deadline;
 * late publication is allowed and flagged). Audited. Throws NOT_FOUND, CONFLICT, FORBIDDEN,
 * INVALID_INPUT, INVALID_REPORT.
 */
export async function applyReportTransition(
  trx: StoreTrx,
  agencyId: string,
  id: string,
  transition: ReportTransition,
  reason: string | null,
  expectedRevision: number,
  actor: ReportActor,
  now: Moment,
): Promise<StoredAnnualReport> {
  const before = await loadForUpdate(trx, agencyId, id, expectedRevision);
  const errors =
    transition === 'submit'
      ? (await findingsOfStoredReport(trx, agencyId, before.report))
          .filter((f) => f.severity === 'error' && f.assessable)
          .map((f) => {
            const where = formatLocation(f.location);
            return `${f.ruleId} ${where ? `${where}：` : ''}${f.message}`;
          })
      : [];
  const status = decideReportStep({
    action: transition,
    status: before.status,
    role: actor.role,
    actorId: actor.userId,
    submittedBy: before.submittedBy,
    errors,
    reason,
  });
  switch (transition) {
    case 'submit':
      return saveVersion(
        trx,
        before,
        { report: before.report, status, submittedBy: actor.userId, returnReason: null },
        'submit',
        actor,
        now,
      );
    case 'return':
      return saveVersion(
        trx,
        before,
        { report: before.report, status, approvedBy: null, returnReason: reason?.trim() ?? null },
        'return',
        actor,
        now,
      );
    case 'approve':
      return saveVersion(
        trx,
        before,
        { report: before.report, status, approvedBy: actor.userId },
        'approve',
        actor,
        now,
      );
    case 'publish':
      return saveVersion(
        trx,
        before,
        { report: { ...before.report, publishedOn: now.today }, status, publishedOn: now.today },
        'publish',
        actor,
        now,
      );
  }
}
